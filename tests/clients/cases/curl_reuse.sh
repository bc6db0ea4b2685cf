# disabled: shared connection cache (CURL_LOCK_DATA_CONNECT: mcurl reuses no connection between easy handles of one share)
expect='^0$'
run_case() {
$CURL -sS -o /dev/null -o /dev/null -o /dev/null -w '%{num_connects}\n' "$HTTPD/bytes/10" "$NGX/1k" "$HTTPD/bytes/20"
}
