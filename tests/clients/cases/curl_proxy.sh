expect='^same$'
run_case() {
$CURL -sS -x "$NGX" "http://example.invalid/1k" -o got -w '%{http_code}\n'
cmp got "$WWW/1k" && echo same
}
