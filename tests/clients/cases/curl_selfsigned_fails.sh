# curl_selfsigned_fails
expect='^exit 60$'
run_case() {
$CURL -sS "$NGX_SELF/1k" --cacert "$CA"
}
