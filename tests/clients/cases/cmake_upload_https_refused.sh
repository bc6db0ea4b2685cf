# cmake_upload_https_refused
expect='^refused: 7;'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(WRITE up.txt "x")
file(UPLOAD up.txt ${REFUSED}/echo STATUS st)
message("refused: ${st}")
file(UPLOAD up.txt ${NGXS}/upload TLS_VERIFY ON TLS_CAINFO ${CA} STATUS st)
list(GET st 0 code)
message("nginx: ${code}")
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
