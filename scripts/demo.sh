#!/usr/bin/env bash
# The main job: builds mcurl and the epoll example (examples/ephiperfifo.c), starts the
# local test server tools/mcurl_httpd on loopback, and has the example run 10,000 HTTP/1.1
# transfers on mcurl's libcurl.so.4, 1,000 at a time, through curl_multi_socket_action.
# Prints the example's summary: transfers, failures, seconds, transfers/s.
#
# Environment: MCURL_JOBS (build parallelism, default 2), MCURL_DEMO_TOTAL (10000),
# MCURL_DEMO_CONCURRENCY (1000), MCURL_DEMO_PATH (/bytes/1024: what each transfer fetches).
set -euo pipefail
cd "$(dirname "$0")/.."

total=${MCURL_DEMO_TOTAL:-10000}
concurrency=${MCURL_DEMO_CONCURRENCY:-1000}
path=${MCURL_DEMO_PATH:-/bytes/1024}

./scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${MCURL_JOBS:-2}" --target curl ephiperfifo mcurl_httpd

# Every transfer holds a socket on each side: raise the descriptor limit as far as allowed.
hard=$(ulimit -Hn)
ulimit -n "$hard" 2>/dev/null || true
need=$((2 * concurrency + 64))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  echo "demo: warning: only $(ulimit -n) file descriptors allowed ($need wanted);" \
    "transfers may fail" >&2
fi

# The server stops when its stdin (a pipe from this script) closes, and at the latest
# when this script exits (trap).
server_log=$(mktemp)
coproc SERVER { exec ./build/tools/mcurl_httpd --port 0 --exit-on-stdin-eof 2>"$server_log"; }
server_pid=$SERVER_PID
stop_server() {
  if [ -n "${SERVER[1]:-}" ]; then exec {SERVER[1]}>&-; fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$server_log"
}
trap stop_server EXIT

port=
if ! read -r -t 10 word port <&"${SERVER[0]}" || [ "$word" != port ] || [ -z "$port" ]; then
  echo "demo: error: mcurl_httpd did not start (expected a 'port N' line within 10 s)" >&2
  cat "$server_log" >&2
  exit 1
fi
url="http://127.0.0.1:$port$path"

lib=$(readlink -f build/libcurl.so.4)
echo "demo: mcurl_httpd listening on 127.0.0.1:$port"
echo "demo: examples/ephiperfifo on $lib: $total transfers of $url, $concurrency at a time"
status=0
./build/examples/ephiperfifo -q -n "$total" -c "$concurrency" "$url" || status=$?
if [ $status -ne 0 ]; then
  echo "demo: error: the example exited with status $status (failed transfers)" >&2
fi
exit $status
