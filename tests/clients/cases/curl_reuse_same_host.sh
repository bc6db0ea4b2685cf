expect='^1 0 0 $'
run_case() {
# Consecutive URLs on one host: the later transfers reuse the first one's connection.
$CURL -sS -o /dev/null -o /dev/null -o /dev/null -w '%{num_connects} ' "$HTTPD/bytes/10" "$HTTPD/bytes/20" "$HTTPD/status/204"
echo
}
