# curl_O
expect='^same$'
run_case() {
$CURL -sS -O "$NGX/1k" -O "$NGX/index.html"
ls
cmp 1k "$WWW/1k" && cmp index.html "$WWW/index.html" && echo same
}
