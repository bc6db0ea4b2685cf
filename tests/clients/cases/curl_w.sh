# curl_w
expect='^200 200 1234 '
run_case() {
$CURL -sS -o /dev/null -w '%{http_code} %{response_code} %{size_download} %{content_type} %{num_connects} %{http_version} %{scheme} %{header_size} %{request_size} %{remote_ip} %{remote_port} %{exitcode} %{urlnum} %{method}\n' "$HTTPD/bytes/1234"
}
