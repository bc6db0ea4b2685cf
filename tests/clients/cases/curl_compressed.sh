# curl_compressed
expect='^same$'
run_case() {
$CURL -sS --compressed "$NGZ/1m" -o got -w '%{http_code} %{content_type}\n'
cmp got "$WWW/1m" && echo same
$CURL -sS -D - --compressed "$NGZ/1k" -o /dev/null | grep -i '^content-encoding' | tr -d '\r'
}
