# curl_range
expect='^same$'
run_case() {
$CURL -sS -r 0-99 "$NGX/1k" -o a -w '%{http_code} %{size_download}\n'
$CURL -sS -r 1000- "$NGX/1k" -o b -w '%{http_code} %{size_download}\n'
head -c 100 "$WWW/1k" | cmp a - && tail -c 24 "$WWW/1k" | cmp b - && echo same
}
