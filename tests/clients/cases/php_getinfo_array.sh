# php_getinfo_array
expect='^http_code: 200$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/bytes/500");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => ["X-A: 1"]]);
curl_exec($h);
$i = curl_getinfo($h);
$keys = array_keys($i);
echo implode(",", $keys), "\n";
foreach ($i as $k => $v) {
  if (preg_match('/time|speed|local_port|local_ip|filetime/', $k)) { echo "$k: ", gettype($v), "\n"; continue; }
  echo "$k: ", json_encode($v), "\n";
}
EOF
}
