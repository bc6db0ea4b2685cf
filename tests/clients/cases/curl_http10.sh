# curl_http10
expect='^> GET /bytes/10 HTTP/1.0$'
run_case() {
$CURL -sS --http1.0 -v "$HTTPD/bytes/10" -w '\n%{http_version}\n' 2>&1 | grep -v '^[*{}]' | grep -Eiv '^< date:' | tr -d '\r'
}
