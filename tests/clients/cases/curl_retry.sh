# curl_retry
expect=' 2 status 503$'
run_case() {
# 503 is transient for --retry: the body arrives twice (the tool's warning goes to stderr).
$CURL -s --retry 1 --retry-delay 1 "$HTTPD/status/503" -w '%{http_code}\n' | sort | uniq -c
}
