# curl_resolve
expect='^200 127.0.0.1$'
run_case() {
$CURL -sS --resolve "example.invalid:$HTTPD_PORT:127.0.0.1" "http://example.invalid:$HTTPD_PORT/bytes/30" -w '\n%{http_code} %{remote_ip}\n'
}
