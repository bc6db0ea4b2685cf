# curl_socks5: --socks5 (the name resolved by the client) to plain nginx, then to TLS nginx
. "$(dirname "${BASH_SOURCE[0]}")/socks.inc"
expect='^200 1024 127.0.0.1'
run_case() {
  start_socks
  $CURL -sS --socks5 "127.0.0.1:$SOCKS_PORT" "$NGX/1k" -o /dev/null -w '%{http_code} %{size_download} %{remote_ip}\n'
  $CURL -sS --socks5 "127.0.0.1:$SOCKS_PORT" --cacert "$CA" "$NGXS/1k" -o /dev/null -w '%{http_code} %{size_download}\n'
  stop_socks
}
