# curl_socks_proxy_user: --proxy-user with a microsocks that wants user/password; a wrong
# password and no credentials fail with 7.88.1's exit code and text
. "$(dirname "${BASH_SOURCE[0]}")/socks.inc"
expect='^200 1024'
run_case() {
  start_socks -u alice -P s3cret
  $CURL -sS --socks5-hostname "127.0.0.1:$SOCKS_PORT" --proxy-user alice:s3cret "$NGX/1k" -o /dev/null -w '%{http_code} %{size_download}\n'
  $CURL -sS -x "socks5://alice:s3cret@127.0.0.1:$SOCKS_PORT" "$NGX/1k" -o /dev/null -w '%{http_code} %{size_download}\n'
  $CURL -sS --socks5 "127.0.0.1:$SOCKS_PORT" --proxy-user alice:wrong "$NGX/1k" -o /dev/null 2>&1; echo "exit $?"
  $CURL -sS --socks5 "127.0.0.1:$SOCKS_PORT" "$NGX/1k" -o /dev/null 2>&1; echo "exit $?"
  stop_socks
}
