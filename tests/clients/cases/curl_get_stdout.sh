# curl_get_stdout
expect='^same$'
run_case() {
$CURL -sS "$NGX/1k" >got || return
cmp got "$WWW/1k" && echo same
}
