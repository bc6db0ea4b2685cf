# curl -F with ;filename= and ;type= (on a file and on a plain value)
expect='filename="shown.bin"'
run_case() {
printf 'data\n' >real.txt
$CURL -sS -F 'up=@real.txt;filename=shown.bin;type=application/x-thing' -F 'v=hello;type=text/x-greeting' \
  "$HTTPD/echo" | tr -d '\r' | sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
