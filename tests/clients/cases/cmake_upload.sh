# cmake_upload
expect='^echoed$'
setup_case() {
sha256sum "$WWW/1m" | cut -d' ' -f1 >"$root/h1m"
printf redirected'\n' | sha256sum | cut -d' ' -f1 >"$root/hredir"
}
run_case() {
cat >t.cmake <<'EOF'
file(WRITE up.txt "upload body\n")
file(UPLOAD up.txt ${HTTPD}/echo STATUS st LOG lg)
message("status ${st}")
string(FIND "${lg}" "upload body" pos)
if(pos GREATER -1)
  message("echoed")
endif()
EOF
$CMAKE -DHTTPD=$HTTPD -DNGX=$NGX -DNGXS=$NGXS -DCA=$CA -DREFUSED=$REFUSED -DH1M=$(cat $root/h1m) -DHREDIR=$(cat $root/hredir) -P t.cmake 2>&1
}
