# curl_https_proxy: -x https://... with --proxy-cacert: an http target (absolute form over
# the proxy's TLS), an https target (CONNECT, TLS inside TLS), an untrusted proxy
# certificate (exit 60) and --proxy-insecure
expect='^200 1024 000 0'
run_case() {
  $CURL -sS -x "$HTTPS_PROXY_URL" --proxy-cacert "$CA" "$NGX/1k" -o /dev/null -w '%{http_code} %{size_download} %{http_connect} %{proxy_ssl_verify_result}\n'
  $CURL -sS -x "$HTTPS_PROXY_URL" --proxy-cacert "$CA" --cacert "$CA" "$NGXS/1k" -o got -w '%{http_code} %{size_download} %{http_connect}\n'
  cmp got "$WWW/1k" && echo same
  $CURL -sS -x "$HTTPS_PROXY_UNTRUSTED" --proxy-cacert "$CA" "$NGX/1k" -o /dev/null 2>&1; echo "exit $?"
  $CURL -sS -x "$HTTPS_PROXY_UNTRUSTED" --proxy-insecure "$NGX/1k" -o /dev/null -w '%{http_code} %{proxy_ssl_verify_result}\n'
}
