# curl_no_compressed
expect='^same$'
run_case() {
$CURL -sS "$NGZ/1k" -o got -w '%{size_download}\n'
cmp -s got "$WWW/1k" && echo same || echo plain
}
