# curl_write_out_json_keys
expect='10$'
run_case() {
$CURL -sS -o /dev/null -w '%{json}' "$HTTPD/bytes/10" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(sorted(k for k in d if not k.startswith("time_") and k not in ("speed_download","speed_upload","local_port","local_ip")), d["http_code"], d["size_download"])'
}
