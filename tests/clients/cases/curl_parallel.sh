# curl_parallel
expect='^same$'
run_case() {
$CURL -sS -Z --parallel-max 3 -o a -o b -o c -o d "$NGX/1k" "$NGX/1m" "$HTTPD/bytes/5000" "$NGZ/1k" --compressed
cmp a "$WWW/1k" && cmp b "$WWW/1m" && cmp d "$WWW/1k" && wc -c <c && echo same
}
