# curl_connect_to
expect='^200 127.0.0.1$'
run_case() {
$CURL -sS --connect-to "example.invalid:80:127.0.0.1:$HTTPD_PORT" "http://example.invalid/bytes/30" -w '\n%{http_code} %{remote_ip}\n'
}
