# PHP: CURLFile and CURLStringFile uploads with other fields (multipart via the mime API)
expect='filename="upload.txt"'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF2'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$path = tempnam(sys_get_temp_dir(), "cf");
file_put_contents($path, "uploaded contents\n");
$h = curl_init("$HTTPD/echo");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => [
  "file" => new CURLFile($path, "text/plain", "upload.txt"),
  "mem" => new CURLStringFile("in memory", "mem.dat", "application/octet-stream"),
  "plain" => "value",
]]);
$b = curl_exec($h);
echo preg_replace('/-{4,}[0-9a-f]+/', 'BOUNDARY', str_replace("\r", "", $b)), "\n";
echo curl_getinfo($h, CURLINFO_SIZE_UPLOAD), " ", curl_getinfo($h, CURLINFO_RESPONSE_CODE), "\n";
unlink($path);
EOF2
}
