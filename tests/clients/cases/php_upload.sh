# php_upload
expect='^30000 same 30000$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$f = fopen("php://temp", "w+"); fwrite($f, str_repeat("0123456789", 3000)); rewind($f);
$h = curl_init("$HTTPD/echo");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_UPLOAD => true, CURLOPT_INFILE => $f, CURLOPT_INFILESIZE => 30000]);
$b = curl_exec($h);
echo strlen($b), " ", md5($b) === md5(str_repeat("0123456789", 3000)) ? "same" : "differ", " ", curl_getinfo($h, CURLINFO_SIZE_UPLOAD), "\n";
EOF
}
