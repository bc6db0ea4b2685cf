expect='^0$'
run_case() {
$CURL -sS -o /dev/null -o /dev/null -o /dev/null -w '%{num_connects}\n' "$HTTPD/bytes/10" "$NGX/1k" "$HTTPD/bytes/20"
}
