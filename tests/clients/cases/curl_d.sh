# curl_d
expect='^a=b&c=d$'
run_case() {
$CURL -sS -d 'a=b&c=d' "$HTTPD/echo" -w '\n%{http_code} %{size_upload}\n'
}
