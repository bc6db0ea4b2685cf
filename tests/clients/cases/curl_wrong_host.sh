# curl_wrong_host
expect='^exit 60$'
run_case() {
$CURL -s --cacert "$CA" "$NGX_WRONG/name" -w '%{http_code}\n'
}
