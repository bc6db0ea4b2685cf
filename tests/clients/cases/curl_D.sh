# curl_D
expect='Transfer-Encoding: chunked'
run_case() {
$CURL -sS -D hdrs -o body "$HTTPD/chunked/70000"
grep -Eiv '^date:' hdrs | tr -d '\r'
wc -c <body
}
