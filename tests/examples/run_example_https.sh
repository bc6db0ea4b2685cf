#!/usr/bin/env bash
# The epoll example over https with verification on: 10,000 transfers of a 1 KiB file,
# 1,000 at a time, from the nginx fixture (tests/support/nginx_fixture.sh), with the
# fixture's CA as CURLOPT_CAINFO (-C).
#
#   run_example_https.sh SYS_PROGRAM OUR_PROGRAM MCURL_LIB_DIR
#
# Runs SYS_PROGRAM (built against the system's headers) on the system libcurl and on
# mcurl, and OUR_PROGRAM (built against our headers) on mcurl. Each run must report
# "transfers N failures 0", exit 0 and write nothing on stderr. A second, small run
# against the server whose certificate names another host must fail every transfer (the
# verification really is on).
# Environment: MCURL_HTTPS_TOTAL (10000), MCURL_HTTPS_CONCURRENCY (1000).
set -u
sys_prog=$1
our_prog=$2
libdir=$3
total=${MCURL_HTTPS_TOTAL:-10000}
concurrency=${MCURL_HTTPS_CONCURRENCY:-1000}
here=$(cd "$(dirname "$0")" && pwd)
fixture=$here/../support/nginx_fixture.sh

work=$(mktemp -d)
cleanup() {
  "$fixture" stop "$work/nginx" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# The client needs a descriptor per transfer (nginx, running as our child, too): on a
# machine that allows fewer, run fewer at a time rather than fail for the wrong reason.
limit=$(ulimit -n)
if [ "$limit" != unlimited ] && [ $((concurrency * 2 + 256)) -gt "$limit" ]; then
  concurrency=$(((limit - 256) / 2))
  echo "note: only $limit descriptors allowed: $concurrency transfers at a time"
fi

if ! "$fixture" start "$work/nginx" >"$work/ports" 2>"$work/fixture.err"; then
  echo "FAIL: the nginx fixture did not start"
  cat "$work/fixture.err"
  exit 1
fi
good=$(awk '$1 == "good" { print $2 }' "$work/ports")
wrong=$(awk '$1 == "wronghost" { print $2 }' "$work/ports")
ca=$work/nginx/certs/ca.pem
status=0

run() {  # run LABEL EXPECTED_LINE PROGRAM [LIBDIR] ARGS...
  local label=$1 expected=$2 prog=$3 lib=$4
  shift 4
  local out err rc
  out=$(LD_LIBRARY_PATH=$lib "$prog" -q -C "$ca" "$@" 2>"$work/err")
  rc=$?
  err=$(cat "$work/err")
  local summary
  summary=$(printf '%s\n' "$out" | sed -n 's/^\(transfers [0-9]* failures [0-9]*\).*/\1/p')
  if [ "$summary" != "$expected" ]; then
    echo "FAIL: $label: expected '$expected', got '$summary' (exit $rc)"
    printf '%s\n' "$out" | tail -5
    status=1
  elif [ -n "$err" ]; then
    echo "FAIL: $label: stderr: $(printf '%s' "$err" | head -5)"
    status=1
  else
    echo "ok: $label: $out"
  fi
}

url=https://localhost:$good/1k
run "system libcurl" "transfers $total failures 0" "$sys_prog" "" -n "$total" -c "$concurrency" "$url"
run "mcurl (system headers)" "transfers $total failures 0" "$sys_prog" "$libdir" -n "$total" -c "$concurrency" "$url"
run "mcurl (our headers)" "transfers $total failures 0" "$our_prog" "$libdir" -n "$total" -c "$concurrency" "$url"
# The certificate of this server names another host: every transfer must fail.
bad=https://localhost:$wrong/1k
for lib in "" "$libdir"; do
  out=$(LD_LIBRARY_PATH=$lib "$sys_prog" -q -C "$ca" -n 20 -c 10 "$bad" 2>/dev/null)
  summary=$(printf '%s\n' "$out" | sed -n 's/^\(transfers [0-9]* failures [0-9]*\).*/\1/p')
  if [ "$summary" != "transfers 20 failures 20" ]; then
    echo "FAIL: wrong host name on ${lib:-the system libcurl}: '$summary'"
    status=1
  fi
done
if ! grep -q "$libdir" <<<"$(LD_LIBRARY_PATH=$libdir ldd "$sys_prog" 2>/dev/null)"; then
  echo "FAIL: the mcurl runs did not load $libdir/libcurl.so.4"
  status=1
fi
exit $status
