# curl_status_204_304
expect='^304 0$'
run_case() {
for s in 200 204 304 404 500; do $CURL -s -o /dev/null -w '%{http_code} %{size_download}\n' "$HTTPD/status/$s"; done
}
