# curl_x_socks5h: -x socks5h:// with two URLs, plain and TLS
. "$(dirname "${BASH_SOURCE[0]}")/socks.inc"
expect='^200 1024'
run_case() {
  start_socks
  $CURL -sS -x "socks5h://127.0.0.1:$SOCKS_PORT" "$NGX/1k" "$NGXS/1k" --cacert "$CA" -o /dev/null -o /dev/null -w '%{http_code} %{size_download} %{scheme}\n'
  stop_socks
}
