# curl_post_redirect
expect='^1 GET$'
run_case() {
$CURL -sS -L -d x=1 "$HTTPD/redirect/1" -w '\n%{num_redirects} %{method}\n' -v 2>&1 | grep -E '^(> (GET|POST)|[0-9]|redirected)' | tr -d '\r'
}
