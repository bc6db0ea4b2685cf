# curl_k
expect='^same$'
run_case() {
$CURL -sS -k "$NGX_SELF/1k" -o got -w '%{http_code}\n'
cmp got "$WWW/1k" && echo same
}
