# curl_socks5_hostname: --socks5-hostname (the proxy resolves localhost), TLS inside the tunnel
. "$(dirname "${BASH_SOURCE[0]}")/socks.inc"
expect='^200 1024'
run_case() {
  start_socks
  $CURL -sS --socks5-hostname "127.0.0.1:$SOCKS_PORT" --cacert "$CA" "$NGXS/1k" -o /dev/null -w '%{http_code} %{size_download} %{remote_ip}\n'
  stop_socks
}
