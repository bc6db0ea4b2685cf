# curl_data_binary
expect='^same$'
run_case() {
printf 'line1\nline2\r\n\001bin' >payload
$CURL -sS --data-binary @payload "$HTTPD/echo" -o back -w '%{size_upload}\n'
cmp back payload && echo same
}
