# curl -F name=@file: the file streamed, its name sent and its type guessed (.html, an unknown extension)
expect='filename="page.html"'
run_case() {
printf '<p>hi</p>\n' >page.html
printf 'bytes' >blob.xyz
$CURL -sS -F 'page=@page.html' -F 'blob=@blob.xyz' "$HTTPD/echo" | tr -d '\r' | sed -E 's/-{4,}[0-9a-f]+/BOUNDARY/'
}
