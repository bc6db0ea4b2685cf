# php_custom_nobody
expect='^405$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$NGX/1k");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_NOBODY => true]);
var_dump(curl_exec($h)); echo curl_getinfo($h, CURLINFO_CONTENT_LENGTH_DOWNLOAD), "\n";
curl_setopt_array($h, [CURLOPT_NOBODY => false, CURLOPT_CUSTOMREQUEST => "DELETE"]);
curl_exec($h); echo curl_getinfo($h, CURLINFO_HTTP_CODE), "\n";
curl_reset($h);
curl_setopt_array($h, [CURLOPT_URL => "$HTTPD/bytes/7", CURLOPT_RETURNTRANSFER => true]);
echo curl_exec($h), "\n";
EOF
}
