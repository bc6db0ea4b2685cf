# curl_refused
expect='^exit 7$'
run_case() {
$CURL -sS "$REFUSED/" 2>&1 | sed -E 's/after [0-9]+ ms/after N ms/'
}
