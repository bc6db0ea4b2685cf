# curl -F with a field and a typed file
expect='^file body$'
run_case() {
printf 'file body\n' >f.txt
$CURL -sS -F a=b -F 'up=@f.txt;type=text/plain' "$HTTPD/echo" | tr -d '\r' | sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
