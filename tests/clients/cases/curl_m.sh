# curl_m
expect='^exit 28$'
run_case() {
$CURL -sS -m 1 "$HTTPD/slow/5000" 2>/dev/null
}
