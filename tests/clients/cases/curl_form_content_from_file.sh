# curl -F "name=<file": the file's contents as a plain field, no file name
expect='^line two$'
run_case() {
printf 'line one\nline two\n' >text.txt
$CURL -sS -F 'field=<text.txt' -F 'other=x' "$HTTPD/echo" | tr -d '\r' | sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
