# curl_T
expect='^same$'
run_case() {
head -c 100000 "$WWW/1m" >up
$CURL -sS -T up "$HTTPD/echo" -o back -w '%{http_code} %{size_upload}\n'
cmp back up && echo same
}
