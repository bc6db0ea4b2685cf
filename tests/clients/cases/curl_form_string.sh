# curl --form-string: '@', '<' and ';' taken literally; -F with a quoted name and a header
expect='^@not-a-file;type=x$'
run_case() {
$CURL -sS --form-string 'lit=@not-a-file;type=x' --form-string 'lt=<nofile' \
  -F 'h=v;headers="X-Part: 1"' -F 'enc=plain text;encoder=base64' \
  "$HTTPD/echo" | tr -d '\r' | sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
