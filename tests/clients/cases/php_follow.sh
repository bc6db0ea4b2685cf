# php_follow
expect='^47$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/redirect/4");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_FOLLOWLOCATION => true, CURLOPT_MAXREDIRS => 10]);
echo curl_exec($h), curl_getinfo($h, CURLINFO_REDIRECT_COUNT), " ", preg_replace('/:\d+/', ':P', curl_getinfo($h, CURLINFO_EFFECTIVE_URL)), "\n";
curl_setopt($h, CURLOPT_MAXREDIRS, 1);
var_dump(curl_exec($h)); echo curl_errno($h), "\n";
EOF
}
