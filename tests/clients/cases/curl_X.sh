# curl_X
expect='^405 DELETE$'
run_case() {
$CURL -sS -X DELETE "$NGX/1k" -o /dev/null -w '%{http_code} %{method}\n'
$CURL -sS -X PATCH -d x=1 "$HTTPD/echo" -w ' %{http_code} %{method}\n'
}
