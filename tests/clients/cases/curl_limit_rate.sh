# curl_limit_rate
expect='^same$'
run_case() {
# 7.88.1 throttles loosely (from loopback a 1 MB body at 200k/s takes about 0.16 s, not 5),
# so the rate is not compared: the option must be accepted and the bodies intact.
$CURL -sS --limit-rate 200k "$NGX/1m" -r 0-299999 -o got
head -c 300000 "$WWW/1m" | cmp got - && echo same
$CURL -sS --limit-rate 2M "$NGX/1m" -o got2 -w '%{http_code}\n'
cmp got2 "$WWW/1m" && echo same
}
