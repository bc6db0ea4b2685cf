# curl_get_o
expect='^same$'
run_case() {
$CURL -sS -o out.txt -w '%{http_code} %{size_download} %{filename_effective}\n' "$NGX/1m"
cmp out.txt "$WWW/1m" && echo same
}
