# cmake_download_errors
expect='^404: 22;'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(DOWNLOAD ${HTTPD}/status/404 got STATUS st)
message("404: ${st}")
file(DOWNLOAD ${REFUSED}/x got STATUS st)
message("refused: ${st}")
file(DOWNLOAD ${HTTPD}/slow/5000 got TIMEOUT 1 STATUS st)
message("timeout: ${st}")
file(DOWNLOAD ${HTTPD}/bytes/1000 got INACTIVITY_TIMEOUT 5 SHOW_PROGRESS STATUS st)
message("ok: ${st}")
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
