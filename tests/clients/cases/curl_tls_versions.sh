# curl_tls_versions
expect='^good$'
run_case() {
$CURL -sS --cacert "$CA" --tlsv1.3 "$NGXS/1k" -o /dev/null -w '%{http_code}\n'
$CURL -s --cacert "$CA" --tls-max 1.2 "$NGXS/name"
echo "rc $?"
}
