# php_https
expect='^60$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$NGXS/1k");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_CAINFO => $CA]);
$b = curl_exec($h);
echo curl_errno($h), " ", strlen($b), " ", curl_getinfo($h, CURLINFO_SSL_VERIFYRESULT), " ", curl_getinfo($h, CURLINFO_SCHEME), "\n";
$h = curl_init(getenv("NGX_WRONG") . "/1k");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_CAINFO => $CA]);
var_dump(curl_exec($h)); echo curl_errno($h), "\n";
$h = curl_init(getenv("NGX_WRONG") . "/name");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_SSL_VERIFYPEER => false, CURLOPT_SSL_VERIFYHOST => 0]);
echo curl_exec($h);
EOF
}
