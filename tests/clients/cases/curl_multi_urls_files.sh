# curl_multi_urls_files
expect='^f_index.html$'
run_case() {
$CURL -sS "$NGX/{1k,index.html}" -o "f_#1"
ls
}
