# php_exec_returntransfer
expect='^1024 same$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$NGX/1k");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
$body = curl_exec($h);
echo strlen($body), " ", md5($body) === md5_file("$WWW/1k") ? "same" : "differ", "\n";
echo curl_getinfo($h, CURLINFO_HTTP_CODE), " ", curl_getinfo($h, CURLINFO_CONTENT_TYPE), "\n";
curl_close($h);
EOF
}
