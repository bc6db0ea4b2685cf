# cmake_download_https
expect='^untrusted 60$'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(DOWNLOAD ${NGXS}/1m got TLS_VERIFY ON TLS_CAINFO ${CA} EXPECTED_HASH SHA256=${H1M} STATUS st)
message("status ${st}")
file(DOWNLOAD ${NGXS}/1m got2 TLS_VERIFY ON STATUS st2)
list(GET st2 0 code)
message("untrusted ${code}")
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
