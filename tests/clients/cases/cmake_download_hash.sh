# cmake_download_hash
expect='^status 0;"No error"$'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(DOWNLOAD ${NGX}/1m ${CMAKE_CURRENT_LIST_DIR}/got EXPECTED_HASH SHA256=${H1M} STATUS st)
message("status ${st}")
file(SIZE ${CMAKE_CURRENT_LIST_DIR}/got sz)
message("size ${sz}")
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
