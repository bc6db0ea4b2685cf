# curl_d_file_strips
expect='^onetwothree$'
run_case() {
printf 'one\ntwo\r\nthree\n' >payload
$CURL -sS -d @payload "$HTTPD/echo"; echo
}
