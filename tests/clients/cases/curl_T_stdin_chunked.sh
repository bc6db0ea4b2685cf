# curl_T_stdin_chunked
expect='^same$'
run_case() {
head -c 5000 "$WWW/1m" | $CURL -sS -T - "$HTTPD/echo" -o back -w '%{http_code}\n'
head -c 5000 "$WWW/1m" | cmp back - && echo same
}
