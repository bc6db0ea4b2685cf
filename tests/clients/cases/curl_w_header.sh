# curl_w_header
expect='^1024\|'
run_case() {
$CURL -sS -o /dev/null -w '%header{content-length}|%header{content-type}|%{errormsg}|\n' "$NGX/1k"
}
