# curl_compressed_httpd
expect='^exit 0$'
run_case() {
$CURL -sS --compressed "$HTTPD/gzip/100000" | md5sum
$CURL -sS --compressed "$HTTPD/deflate/100000" | md5sum
$CURL -sS "$HTTPD/bytes/100000" | md5sum
}
