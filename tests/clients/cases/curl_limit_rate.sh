# curl_limit_rate
expect='^rate ok$'
run_case() {
$CURL -sS --limit-rate 200k "$NGX/1m" -r 0-299999 -o got -w '%{speed_download} %{time_total}\n' >rate
read -r speed total <rate
$PY -c "import sys; s,t=float(sys.argv[1]),float(sys.argv[2]); print('rate ok' if s <= 200*1024*1.25 and t >= 0.7 else 'rate bad %s %s' % (s,t))" "$speed" "$total"
head -c 300000 "$WWW/1m" | cmp got - && echo same
}
