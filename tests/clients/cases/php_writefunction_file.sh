# php_writefunction_file
expect='^1048576$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$n = 0;
$h = curl_init("$NGX/1m");
curl_setopt($h, CURLOPT_WRITEFUNCTION, function ($h, $d) use (&$n) { $n += strlen($d); return strlen($d); });
curl_exec($h); echo $n, "\n";
$f = fopen("out", "w");
$h = curl_init("$HTTPD/bytes/12345");
curl_setopt($h, CURLOPT_FILE, $f);
curl_exec($h); fclose($f); echo filesize("out"), "\n";
$h = curl_init("$NGX/1m");
curl_setopt($h, CURLOPT_WRITEFUNCTION, function ($h, $d) { return 0; });
curl_exec($h); echo curl_errno($h), "\n";
EOF
}
