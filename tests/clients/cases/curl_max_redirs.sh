# curl_max_redirs
expect='^exit 47$'
run_case() {
$CURL -sS -L --max-redirs 2 "$HTTPD/redirect/5" -w '%{num_redirects} %{http_code}\n' 2>&1
}
