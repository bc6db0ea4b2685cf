# php_post
expect='^a=1\+2&b=x%26y$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/echo");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true,
  CURLOPT_POSTFIELDS => http_build_query(["a" => "1 2", "b" => "x&y"])]);
echo curl_exec($h), "\n", curl_getinfo($h, CURLINFO_SIZE_UPLOAD), " ", curl_getinfo($h, CURLINFO_RESPONSE_CODE), "\n";
EOF
}
