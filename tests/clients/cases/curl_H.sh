# curl_H
expect='^> X-Test: hello$'
run_case() {
$CURL -sS -v -H 'X-Test: hello' -H 'Accept:' -H 'User-Agent: tester/1' "$HTTPD/" 2>&1 >/dev/null | grep '^>' | tr -d '\r'
}
