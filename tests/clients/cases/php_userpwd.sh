expect='^sent$'
run_case() {
$PHP -d display_errors=stderr /dev/stdin "$HTTPD" "$NGX" "$NGXS" "$CA" "$NGZ" "$REFUSED" "$WWW" <<'EOF'
<?php
[$_, $HTTPD, $NGX, $NGXS, $CA, $NGZ, $REFUSED, $WWW] = $argv;
$h = curl_init("$HTTPD/");
curl_setopt_array($h, [CURLOPT_RETURNTRANSFER => true, CURLOPT_USERPWD => "u:p", CURLINFO_HEADER_OUT => true]);
curl_exec($h);
echo preg_match('/^Authorization: Basic dTpw/m', curl_getinfo($h, CURLINFO_HEADER_OUT)) ? "sent" : "not sent", "\n";
EOF
}
