# curl_L
expect='^3 200 .*/redirect/0$'
run_case() {
$CURL -sS -L "$HTTPD/redirect/3" -w '%{num_redirects} %{http_code} %{url_effective}\n'
}
