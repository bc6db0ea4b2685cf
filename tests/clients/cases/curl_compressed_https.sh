# curl_compressed_https
expect='^same$'
run_case() {
$CURL -sS --cacert "$CA" --compressed "$NGZS/1m" -o got
cmp got "$WWW/1m" && echo same
}
