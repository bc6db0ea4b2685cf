# curl_head
expect='^200 0$'
run_case() {
$CURL -sS --head "$HTTPD/bytes/777" -w '%{http_code} %{size_download}\n' | tr -d '\r' | grep -iv '^date:'
}
