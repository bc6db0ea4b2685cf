# curl_I
expect='^Content-Length: 1024$'
run_case() {
$CURL -sS -I "$NGX/1k" | grep -Eiv '^(date|last-modified|etag):' | tr -d '\r'
}
