# curl_fail_with_body
expect='^status 500$'
run_case() {
$CURL -sS --fail-with-body "$HTTPD/status/500" 2>&1
}
