# cmake_download_redirect
expect='^status 0;"No error"$'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(DOWNLOAD ${HTTPD}/redirect/3 got EXPECTED_HASH SHA256=${HREDIR} STATUS st)
message("status ${st}")
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
