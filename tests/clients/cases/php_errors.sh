# php_errors
expect='^22 The requested URL returned error: 404$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$REFUSED/");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
var_dump(curl_exec($h)); echo curl_errno($h), "\n";
$h = curl_init("$HTTPD/slow/5000");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT_MS => 300]);
var_dump(curl_exec($h)); echo curl_errno($h), "\n";
$h = curl_init("$HTTPD/status/404");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_FAILONERROR => true]);
var_dump(curl_exec($h)); echo curl_errno($h), " ", curl_error($h), "\n";
$h = curl_init("nosuch://x/");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
var_dump(curl_exec($h)); echo curl_errno($h), "\n";
EOF
}
