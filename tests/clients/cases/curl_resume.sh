# curl_resume
expect='^same$'
run_case() {
head -c 300000 "$WWW/1m" >part
$CURL -sS -C - -o part "$NGX/1m" -w '%{http_code} %{size_download}\n'
cmp part "$WWW/1m" && echo same
}
