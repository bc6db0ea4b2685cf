# curl_f
expect='^exit 22$'
run_case() {
$CURL -sS -f "$HTTPD/status/404" 2>&1
}
