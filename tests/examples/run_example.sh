#!/usr/bin/env bash
# Runs one event-loop example (examples/ephiperfifo.c, hiperfifo.c, multi-uv.c) against a
# local mcurl_httpd, on the system libcurl and on mcurl, and checks that they agree.
#
#   run_example.sh SYS_PROGRAM OUR_PROGRAM HTTPD MCURL_LIB_DIR
#
# SYS_PROGRAM was compiled against the system's headers and linked to the system libcurl;
# it runs once as it is and once with LD_LIBRARY_PATH=MCURL_LIB_DIR (mcurl). OUR_PROGRAM
# was compiled against our headers and linked to mcurl. Checks, for each of the three runs:
#   1. a mixed load (-n 2000 -c 200 over /bytes/1024 and some other routes, a refused
#      port among them): the per-transfer lines, sorted, equal the expected ones exactly,
#      the summary counts match, the exit status is 1 (the refused transfers failed);
#   2. the same URLs once each through the FIFO (-f);
#   (ephiperfifo only) 2b. a mixed load of 500 with edge-triggered epoll (-e);
#   3. nothing at all on stderr (the examples complain there when libcurl breaks the
#      socket or timer callback contract).
# Plus: the mcurl run really loaded MCURL_LIB_DIR/libcurl.so.4, and (MCURL_VALGRIND=1) a
# small run of OUR_PROGRAM under valgrind is clean.
# Environment: MCURL_EXAMPLE_TOTAL (2000), MCURL_EXAMPLE_CONCURRENCY (200).
set -u
sys_prog=$1
our_prog=$2
httpd=$3
libdir=$4
total=${MCURL_EXAMPLE_TOTAL:-2000}
concurrency=${MCURL_EXAMPLE_CONCURRENCY:-200}
name=$(basename "$our_prog")

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    if [ -n "${SRV[1]:-}" ]; then exec {SRV[1]}>&-; fi
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

coproc SRV { exec "$httpd" --port 0 --exit-on-stdin-eof 2>"$work/httpd.err"; }
server_pid=$SRV_PID
port=
if ! read -r -t 10 word port <&"${SRV[0]}" || [ "$word" != port ] || [ -z "$port" ]; then
  echo "FAIL: mcurl_httpd did not start"
  cat "$work/httpd.err"
  exit 1
fi
base=http://127.0.0.1:$port

# The URLs, and the line each one must produce (with -i).
urls=() expect=()
add() { urls+=("$1"); expect+=("$1 $2"); }
for _ in 1 2 3 4 5 6; do add "$base/bytes/1024" "result=0 bytes=1024 http=200 redirects=0"; done
add "$base/redirect/3" "result=0 bytes=11 http=200 redirects=3"
add "$base/chunked/70000" "result=0 bytes=70000 http=200 redirects=0"
add "$base/status/404" "result=0 bytes=11 http=404 redirects=0"
add "$base/slow/30" "result=0 bytes=8 http=200 redirects=0"
add "$base/bytes/0" "result=0 bytes=0 http=200 redirects=0"
add "http://127.0.0.1:1/" "result=7 bytes=0 http=0 redirects=0"
n=${#urls[@]}

# Expected output of a mixed run of COUNT transfers: transfer i fetches urls[i % n].
expected_mixed() {  # expected_mixed COUNT FILE
  local i
  for ((i = 0; i < $1; i++)); do echo "${expect[i % n]}"; done | sort >"$2"
}
expected_mixed "$total" "$work/expected.mixed"
failures=$(grep -vc "result=0 " "$work/expected.mixed")
# ephiperfifo only: a smaller mixed run with edge-triggered epoll (-e).
edge_total=500
edge=0
"$our_prog" -h 2>&1 | grep -q -- ' \[-e\]' && edge=1
expected_mixed "$edge_total" "$work/expected.edge"
edge_failures=$(grep -vc "result=0 " "$work/expected.edge")
printf '%s\n' "${expect[@]}" | sort -u >"$work/expected.fifo"
fifo_transfers=$(wc -l <"$work/expected.fifo")
fifo_failures=$(grep -vc "result=0 " "$work/expected.fifo")

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# check RUN MODE EXPECTED_FILE EXPECTED_FAILURES EXPECTED_TRANSFERS
check() {
  local run=$1 mode=$2 exp=$3 nfail=$4 ntransfers=$5
  local out=$work/$run.$mode
  local rc
  rc=$(cat "$out.rc")
  if [ -s "$out.err" ]; then
    fail "$run/$mode wrote to stderr:"
    head -20 "$out.err"
  fi
  local want_rc=0
  [ "$nfail" -gt 0 ] && want_rc=1
  [ "$rc" = "$want_rc" ] || fail "$run/$mode exit status $rc, expected $want_rc"
  local summary
  summary=$(grep '^transfers ' "$out.out")
  case $summary in
    "transfers $ntransfers failures $nfail seconds "*" transfers/s "*) ;;
    *) fail "$run/$mode summary: '$summary', expected transfers $ntransfers failures $nfail" ;;
  esac
  grep -v '^transfers ' "$out.out" | sort >"$out.lines"
  if ! diff -q "$exp" "$out.lines" >/dev/null; then
    fail "$run/$mode per-transfer lines differ from the expected ones:"
    diff "$exp" "$out.lines" | head -20
  fi
  echo "$run/$mode: $summary (exit $rc)"
}

# execute RUN MODE PROGRAM [VAR=value...]
execute() {
  local run=$1 mode=$2 prog=$3
  shift 3
  local out=$work/$run.$mode
  if [ "$mode" = mixed ]; then
    env "$@" timeout 60 "$prog" -i -n "$total" -c "$concurrency" "${urls[@]}" \
      >"$out.out" 2>"$out.err"
    echo $? >"$out.rc"
  elif [ "$mode" = edge ]; then
    env "$@" timeout 60 "$prog" -e -i -n "$edge_total" -c 50 "${urls[@]}" \
      >"$out.out" 2>"$out.err"
    echo $? >"$out.rc"
  else
    local fifo=$work/$run.fifo.pipe
    mkfifo "$fifo"
    env "$@" timeout 30 "$prog" -i -c 4 -f "$fifo" >"$out.out" 2>"$out.err" &
    local pid=$!
    # Each URL once, then the writer closes: the example drains and exits.
    printf '%s\n' "# the URLs, once each" "${urls[@]}" | sort -u |
      timeout 30 sh -c 'exec cat >"$1"' writer "$fifo"
    wait "$pid"
    echo $? >"$out.rc"
  fi
}

modes="mixed fifo"
[ $edge = 1 ] && modes="$modes edge"
for mode in $modes; do
  execute system "$mode" "$sys_prog"
  execute mcurl "$mode" "$sys_prog" LD_LIBRARY_PATH="$libdir"
  execute ours "$mode" "$our_prog"
done
for run in system mcurl ours; do
  check "$run" mixed "$work/expected.mixed" "$failures" "$total"
  check "$run" fifo "$work/expected.fifo" "$fifo_failures" "$fifo_transfers"
  if [ $edge = 1 ]; then
    check "$run" edge "$work/expected.edge" "$edge_failures" "$edge_total"
  fi
done

# The mcurl runs must really have loaded mcurl, from the loader's own trace.
for pair in "sys:$sys_prog:LD_LIBRARY_PATH=$libdir" "ours:$our_prog:"; do
  IFS=: read -r label prog var <<<"$pair"
  if ! env $var LD_DEBUG=libs "$prog" -h 2>&1 >/dev/null |
      grep -q "calling init: $libdir/libcurl.so.4"; then
    fail "the $label program on mcurl did not load $libdir/libcurl.so.4"
  fi
done

if [ "${MCURL_VALGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  # Exit 1 (the refused transfers) and a silent stderr: no error, no leak.
  valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect "$our_prog" -q -n 60 -c 12 "${urls[@]}" \
    >"$work/valgrind.out" 2>"$work/valgrind.err"
  rc=$?
  if [ $rc != 1 ] || [ -s "$work/valgrind.err" ]; then
    fail "valgrind run: exit $rc (expected 1), stderr:"
    head -60 "$work/valgrind.err"
  fi
  echo "valgrind: $(cat "$work/valgrind.out")"
fi

if [ $status -eq 0 ]; then
  echo "$name: identical and as expected on the system libcurl and on mcurl" \
    "($total mixed transfers, $concurrency at a time, and $fifo_transfers through the FIFO)"
fi
exit $status
