#!/usr/bin/env bash
# Runs one real-program case (tests/clients/cases/NAME.sh) twice: once with the system
# libcurl, once with mcurl (LD_LIBRARY_PATH=LIBDIR, which holds mcurl as libcurl.so.4 and
# libcurl-gnutls.so.4), against the same loopback servers, and compares the two outputs.
#   run_client.sh CASE LIBDIR HTTPD
# HTTPD is the mcurl_httpd binary. A case file defines run_case (prints what is compared;
# its exit code is appended), and may define setup_case (runs once, before both runs, in
# the scratch root) and set expect='ERE' (must match the oracle's output, so a case that
# fails the same way on both libraries still fails). See docs/CLIENTS.md.
set -uo pipefail
case_file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
libdir=$(cd "$2" && pwd)
httpd=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixture=$here/../support/nginx_fixture.sh

root=$(mktemp -d /tmp/mcurl-client.XXXXXX)
httpd_pid=""
cleanup() {
  "$fixture" stop "$root/nginx" >/dev/null 2>&1
  if [ -n "$httpd_pid" ]; then
    kill -TERM "$httpd_pid" 2>/dev/null
    wait "$httpd_pid" 2>/dev/null
  fi
  rm -rf "$root"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The mcurl run must really load mcurl: both library names resolve into LIBDIR.
for lib in libcurl.so.4 libcurl-gnutls.so.4; do
  [ -e "$libdir/$lib" ] || fail "$libdir/$lib missing"
done
loaded=$(LD_LIBRARY_PATH=$libdir ldd /usr/bin/curl)
grep -q "libcurl.so.4 => $libdir/" <<<"$loaded" ||
  fail "curl does not load mcurl from $libdir"

# Servers: the nginx fixture (TLS, gzip, static files) and mcurl_httpd (echo, status,
# redirect chains, slow answers).
ports=$("$fixture" start "$root/nginx") || fail "nginx fixture did not start"
port_of() { awk -v n="$1" '$1 == n { print $2 }' <<<"$ports"; }
coproc HTTPD_CO { exec "$httpd" --exit-on-stdin-eof; }
httpd_pid=$HTTPD_CO_PID
read -r -t 10 word httpd_port <&"${HTTPD_CO[0]}" || fail "mcurl_httpd did not start"
[ "$word" = port ] || fail "mcurl_httpd said '$word'"

refused_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export WWW=$root/nginx/www                                  # nginx's document root
export CA=$root/nginx/certs/ca.pem                          # signs the "good" server
export NGX=http://127.0.0.1:$(port_of http)                 # nginx, plain
export NGXS=https://localhost:$(port_of good)               # nginx, TLS (localhost cert)
export NGXS_PORT=$(port_of good)
export NGX_SELF=https://localhost:$(port_of selfsigned)     # self-signed certificate
export NGX_WRONG=https://localhost:$(port_of wronghost)      # certificate for another name
export NGZ=http://127.0.0.1:$(port_of gzip_http)            # nginx with gzip on
export HTTPS_PROXY_URL=https://localhost:$(port_of proxy_tls)         # TLS to tinyproxy
export HTTPS_PROXY_UNTRUSTED=https://localhost:$(port_of proxy_untrusted)
export NGZS=https://localhost:$(port_of gzip_https)
export HTTPD=http://127.0.0.1:$httpd_port                   # mcurl_httpd
export HTTPD_PORT=$httpd_port
export REFUSED=http://127.0.0.1:$refused_port               # nothing listens there
export PY=/usr/bin/python3 CURL=/usr/bin/curl PHP=/usr/bin/php GIT=/usr/bin/git CMAKE=/usr/bin/cmake
export GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1 HOME=$root/home
mkdir -p "$HOME"

# Normalises what differs between runs but not between libraries: ports, the root.
export root httpd_port refused_port
export ports_http=$(port_of http) ports_good=$(port_of good) ports_gzip=$(port_of gzip_http)
norm() {
  sed -e "s#$root#ROOT#g" -e "s#\\b$httpd_port\\b#HTTPD_PORT#g" \
    -e "s#\\b$ports_http\\b#NGX_PORT#g" -e "s#\\b$ports_good\\b#NGXS_PORT#g" \
    -e "s#\\b$ports_gzip\\b#NGZ_PORT#g" -e "s#\\b$refused_port\\b#REFUSED_PORT#g"
}
export -f norm

expect=""
# shellcheck source=/dev/null
source "$case_file"
if declare -F setup_case >/dev/null; then
  (cd "$root" && setup_case) >"$root/setup.log" 2>&1 || {
    cat "$root/setup.log" >&2
    fail "setup_case failed"
  }
fi

# One run in $root/run (the same path both times, so file names in output agree).
run_one() { # run_one FLAVOUR [LIBDIR]
  rm -rf "$root/run"
  mkdir -p "$root/run"
  (
    cd "$root/run" || exit 99
    [ -n "${2:-}" ] && export LD_LIBRARY_PATH=$2
    run_case
    echo "exit $?"
  ) 2>"$root/$1.stderr" | norm >"$root/$1.out"
  mv "$root/run" "$root/run.$1"
}
run_one system
run_one mcurl "$libdir"

status=0
if [ -n "$expect" ] && ! grep -Eq -- "$expect" "$root/system.out"; then
  echo "FAIL: the oracle's output does not match expect='$expect'" >&2
  status=1
fi
if ! diff -u --label system "$root/system.out" --label mcurl "$root/mcurl.out" >"$root/diff"; then
  echo "FAIL: mcurl's output differs from the system libcurl's" >&2
  cat "$root/diff" >&2
  status=1
fi
if [ $status -ne 0 ]; then
  echo "--- system output" >&2
  head -c 4000 "$root/system.out" >&2
  echo "--- system stderr" >&2
  head -c 4000 "$root/system.stderr" >&2
  echo "--- mcurl stderr" >&2
  head -c 4000 "$root/mcurl.stderr" >&2
  exit 1
fi
echo "--- output (identical on both libraries)"
cat "$root/system.out"
echo "PASS"
