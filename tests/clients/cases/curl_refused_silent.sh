# curl_refused_silent
expect='^000 7$'
run_case() {
$CURL -s "$REFUSED/" -w '%{http_code} %{exitcode}\n' 2>&1
}
