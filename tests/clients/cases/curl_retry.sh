# curl_retry
expect='Will retry'
run_case() {
$CURL -sS --retry 1 --retry-delay 1 "$HTTPD/status/503" -w '%{http_code}\n' 2>&1
}
