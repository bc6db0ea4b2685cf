# PHP: an array CURLOPT_POSTFIELDS is a multipart form
expect='name="a"'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/echo");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => ["a" => "1", "b" => "2"]]);
echo preg_replace('/-{4,}[0-9a-f]+/', 'BOUNDARY', str_replace("\r", "", curl_exec($h))), "\n";
EOF
}
