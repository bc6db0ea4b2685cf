# php_headers
expect='^\[Content-Length: 1024\]$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$hs = [];
$h = curl_init("$NGX/1k");
curl_setopt($h, CURLOPT_RETURNTRANSFER, true);
curl_setopt($h, CURLOPT_HEADERFUNCTION, function ($h, $line) use (&$hs) { $hs[] = rtrim($line); return strlen($line); });
$b = curl_exec($h);
foreach ($hs as $l) if (!preg_match('/^(date|last-modified|etag):/i', $l)) echo "[$l]\n";
echo strlen($b), "\n";
$h2 = curl_init("$HTTPD/bytes/5");
curl_setopt_array($h2, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HEADER => true]);
$r = curl_exec($h2);
echo preg_replace('/Date: [^\r]*/i', 'Date: X', $r), "\n", curl_getinfo($h2, CURLINFO_HEADER_SIZE), "\n";
EOF
}
