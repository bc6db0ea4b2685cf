# php_copy_handle_share
expect='^abcdefghi abcdefghi$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/bytes/9");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
$h2 = curl_copy_handle($h);
echo curl_exec($h), " ", curl_exec($h2), "\n";
$s = curl_share_init();
curl_share_setopt($s, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
curl_setopt($h2, CURLOPT_SHARE, $s);
echo curl_exec($h2), " ", curl_errno($h2), "\n";
echo curl_version()["version"], "\n";
EOF
}
