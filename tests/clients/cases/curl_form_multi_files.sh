# curl -F name=@a,b: several files under one name (a multipart/mixed part); -w size_upload
expect='multipart/mixed'
run_case() {
printf 'A\n' >a.txt
printf 'B\n' >b.txt
$CURL -sS -F 'files=@a.txt,b.txt' -w '%{size_upload}\n' "$HTTPD/echo" | tr -d '\r' |
  sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
