# curl_v
expect='^< HTTP/1.1 200 OK$'
run_case() {
$CURL -sS -v "$NGX/1k" -o /dev/null 2>&1 | grep '^[<>]' | grep -Eiv '^< (date|last-modified|etag):' | tr -d '\r'
}
