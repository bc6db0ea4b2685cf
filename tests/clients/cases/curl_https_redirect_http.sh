# curl_https_redirect_http
expect='^same$'
run_case() {
$CURL -sS -L --cacert "$CA" "$NGXS/to_http" -o got -w '%{num_redirects} %{http_code} %{scheme}\n'
cmp got "$WWW/1k" && echo same
}
