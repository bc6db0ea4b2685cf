# curl_resolve_https
expect='^good$'
run_case() {
$CURL -sS --cacert "$CA" --resolve "localhost:$NGXS_PORT:127.0.0.1" "$NGXS/name" -w '%{http_code}\n'
}
