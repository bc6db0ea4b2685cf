# curl_wrong_host
expect='^exit 60$'
run_case() {
$CURL -s --cacert "$CA" "https://127.0.0.1:$NGXS_PORT/name" -w '%{http_code}\n'
}
