# php_encoding
expect='^same compressed$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$NGZ/1m");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_ENCODING => ""]);
$b = curl_exec($h);
echo $b === file_get_contents("$WWW/1m") ? "same" : "differ", " ", curl_getinfo($h, CURLINFO_SIZE_DOWNLOAD) < 1048576 ? "compressed" : "plain", "\n";
EOF
}
