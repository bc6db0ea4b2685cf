# curl_cacert
expect='^same$'
run_case() {
$CURL -sS --cacert "$CA" "$NGXS/1k" -o got -w '%{http_code} %{ssl_verify_result} %{scheme}\n'
cmp got "$WWW/1k" && echo same
}
