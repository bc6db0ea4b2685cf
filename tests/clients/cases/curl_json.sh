# curl_json
expect='^\{"a":1\}$'
run_case() {
$CURL -sS --json '{"a":1}' "$HTTPD/echo" -w '\n%{http_code} %{size_upload}\n'
$CURL -sS -v --json '{"a":1}' "$HTTPD/echo" 2>&1 >/dev/null | grep -Ei '^> (content-type|accept)' | tr -d '\r'
}
