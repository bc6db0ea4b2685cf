# php_multi
expect='^3 200 70000$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$m = curl_multi_init();
$urls = ["$NGX/1k", "$NGX/1m", "$HTTPD/bytes/3000", "$HTTPD/chunked/70000", "$HTTPD/status/404", "$NGZ/1k"];
$hs = [];
foreach ($urls as $i => $u) {
  $h = curl_init($u);
  curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_ENCODING => ""]);
  curl_multi_add_handle($m, $h);
  $hs[$i] = $h;
}
$done = [];
$deadline = microtime(true) + 20;
do {
  $st = curl_multi_exec($m, $running);
  while ($info = curl_multi_info_read($m)) {
    $done[] = array_search($info["handle"], $hs, true) . ":" . $info["result"] . ":" . $info["msg"];
  }
  if ($running) curl_multi_select($m, 1.0);
} while ($running && $st == CURLM_OK && microtime(true) < $deadline);
sort($done);
echo implode(" ", $done), "\n";
foreach ($hs as $i => $h) {
  echo $i, " ", curl_getinfo($h, CURLINFO_HTTP_CODE), " ", strlen(curl_multi_getcontent($h)), "\n";
  curl_multi_remove_handle($m, $h);
}
curl_multi_close($m);
EOF
}
