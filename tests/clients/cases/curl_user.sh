expect='Basic dXNlcjpzZWNyZXQ='
run_case() {
$CURL -sS -v -u user:secret "$HTTPD/" 2>&1 >/dev/null | grep -i '^> authorization' | tr -d '\r'
}
