expect='^> Cookie: '
run_case() {
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsess\tabc\n' >jar.in
$CURL -sS -v -b jar.in -c jar.out -b 'extra=1' "$HTTPD/" 2>&1 >/dev/null | grep -i '^> cookie' | tr -d '\r'
grep -v '^#' jar.out | grep .
}
