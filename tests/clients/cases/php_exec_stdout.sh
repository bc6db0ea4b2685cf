# php_exec_stdout
expect='^true 0$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/bytes/40");
$r = curl_exec($h);
echo "\n", var_export($r, true), " ", curl_errno($h), "\n";
EOF
}
