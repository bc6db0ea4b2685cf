# curl_no_L
expect='^0 302 .*/redirect/1$'
run_case() {
$CURL -sS "$HTTPD/redirect/2" -w '%{num_redirects} %{http_code} %{redirect_url}\n'
}
