#!/usr/bin/env bash
# Runs one conformance program on the system libcurl and on mcurl and diffs the output.
#   run_case.sh PROGRAM MCURL_LIB_DIR [OPTIONS] [--] [ARGS...]
# Options:
#   --server SCRIPT        start BIN (--scripted-server) on SCRIPT before each run and
#                          pass its port as the first program argument
#   --scripted-server BIN  the mcurl_scripted_server binary
#   --httpd BIN            start mcurl_httpd BIN before each run (port as first argument)
#   --nginx FIXTURE        start tests/support/nginx_fixture.sh (FIXTURE) before each run:
#                          fresh certificates and ports; the program gets the environment
#                          CONF_NGINX_DIR (certificates in $CONF_NGINX_DIR/certs) and
#                          CONF_PORT_<NAME> (upper case) for each server block
#   --mcurl-only           run on mcurl only (the case would crash libcurl 7.88.1): the
#                          run must exit 0 and print no line starting "FAIL" or "!!"
# The program was compiled against the system's headers and linked to the system
# libcurl; on the second run LD_LIBRARY_PATH points the loader at mcurl's libcurl.so.4.
# Lines that start with "~" are informational and not compared (version strings that
# are allowed to differ). Exit status, stdout and loader complaints on stderr count.
# With a scripted server, each run gets a fresh server, and the requests the two
# servers received (port numbers replaced by PORT) are compared too.
set -u
prog=$1
libdir=$2
shift 2
script=
server_bin=
httpd_bin=
nginx_fixture=
mcurl_only=0
compare_requests=1
while [ $# -gt 0 ]; do
  case $1 in
    --server) script=$2; shift 2 ;;
    --scripted-server) server_bin=$2; shift 2 ;;
    --httpd) httpd_bin=$2; shift 2 ;;
    --nginx) nginx_fixture=$2; shift 2 ;;
    --mcurl-only) mcurl_only=1; shift ;;
    --no-requests) compare_requests=0; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
args=("$@")
work=$(mktemp -d)
srv_pid=
srv_fd=
nginx_dir=
nginx_env=()
stop_server() {
  if [ -n "$nginx_dir" ]; then
    "$nginx_fixture" stop "$nginx_dir"
    nginx_dir=
  fi
  if [ -n "$srv_fd" ]; then
    exec {srv_fd}>&-
    srv_fd=
  fi
  if [ -n "$srv_pid" ]; then
    wait "$srv_pid" 2>/dev/null
    srv_pid=
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

start_nginx() {  # start_nginx NAME: sets $nginx_env
  local name=$1 block p
  nginx_env=()
  [ -z "$nginx_fixture" ] && return 0
  nginx_dir=$work/$name.nginx
  if ! "$nginx_fixture" start "$nginx_dir" >"$work/$name.ports" 2>"$work/$name.nginxerr"; then
    echo "nginx did not start:"
    cat "$work/$name.nginxerr"
    exit 1
  fi
  nginx_env=(CONF_NGINX_DIR="$nginx_dir")
  while read -r block p; do
    nginx_env+=("CONF_PORT_${block^^}=$p")
  done <"$work/$name.ports"
}

port=
start_server() {  # start_server NAME: sets $port
  local name=$1 i
  port=
  start_nginx "$name"
  [ -z "$script" ] && [ -z "$httpd_bin" ] && return 0
  rm -f "$work/srv.in"
  mkfifo "$work/srv.in"
  if [ -n "$script" ]; then
    "$server_bin" --log "$work/$name.srvlog" "$script" <"$work/srv.in" \
      >"$work/$name.srvout" 2>"$work/$name.srverr" &
  else
    "$httpd_bin" --exit-on-stdin-eof <"$work/srv.in" >"$work/$name.srvout" \
      2>"$work/$name.srverr" &
  fi
  srv_pid=$!
  exec {srv_fd}>"$work/srv.in"
  for i in $(seq 1 200); do
    port=$(sed -n 's/^port \([0-9]*\)$/\1/p' "$work/$name.srvout" | head -1)
    [ -n "$port" ] && return 0
    kill -0 "$srv_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the server did not start:"
  cat "$work/$name.srverr"
  exit 1
}

run() {  # run NAME [VAR=value...]
  local name=$1
  shift
  start_server "$name"
  env "$@" ${nginx_env[@]+"${nginx_env[@]}"} MCURL_CONFORMANCE_SIDE="$name" timeout 60 "$prog" ${port:+"$port"} "${args[@]}" \
    >"$work/$name.out" 2>"$work/$name.err"
  echo "exit $?" >>"$work/$name.out"
  stop_server
  if [ -f "$work/$name.srvlog" ]; then
    # The requests as received, with this run's port replaced; connection ends only by
    # request count (whether a connection was seen closing depends on timing).
    # Multipart boundaries are random (24 dashes and 16 hex digits in 7.88.1): the digits
    # become X, so a boundary of another length still shows.
    sed -e "s/:$port\\b/:PORT/g" -e 's/^\(=== connection [0-9]*\): [a-z-]*, /\1: /' \
      -e 's/------------------------[0-9a-f]\{16\}/------------------------XXXXXXXXXXXXXXXX/g' \
      "$work/$name.srvlog" >"$work/$name.requests"
  fi
}

status=0
mkdir "$work/ld"
if [ $mcurl_only -eq 0 ]; then
  # The system libcurl's own leaks (7.88.1 has a few on error paths) are not ours to find.
run system ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
# The loader's own trace (to files, not stderr) proves the mcurl run loaded mcurl.
run mcurl LD_LIBRARY_PATH="$libdir" LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld/trace"

if grep -q "no version information available\|version .* not found\|symbol lookup error" \
    "$work/mcurl.err"; then
  echo "loader complaint on mcurl:"
  cat "$work/mcurl.err"
  status=1
fi
if ! cat "$work"/ld/trace* 2>/dev/null |
    grep -q "calling init: $libdir/${MCURL_SONAME:-libcurl.so.4}"; then
  echo "the mcurl run did not load $libdir/${MCURL_SONAME:-libcurl.so.4}"
  status=1
fi
grep -v '^~' "$work/mcurl.out" >"$work/mcurl.cmp"
if [ $mcurl_only -eq 1 ]; then
  cat "$work/mcurl.out"
  if ! grep -qx "exit 0" "$work/mcurl.out" || grep -q '^FAIL\|^!!' "$work/mcurl.out"; then
    echo "the mcurl-only case failed"
    status=1
  fi
  lines=$(wc -l <"$work/mcurl.cmp")
else
  grep -v '^~' "$work/system.out" >"$work/system.cmp"
  if ! diff -u --label system "$work/system.cmp" --label mcurl "$work/mcurl.cmp"; then
    status=1
  fi
  if [ "$compare_requests" = 1 ] && [ -f "$work/system.requests" ] &&
      ! diff -u --label "requests (system)" "$work/system.requests" \
        --label "requests (mcurl)" "$work/mcurl.requests"; then
    status=1
  fi
  lines=$(wc -l <"$work/system.cmp")
fi
if [ "$lines" -lt 2 ]; then
  echo "the case printed almost nothing ($lines lines): not a test"
  status=1
fi
if [ $status -eq 0 ]; then
  if [ $mcurl_only -eq 1 ]; then
    echo "passed on mcurl (mcurl-only case, $lines lines)"
  else
    echo "identical on both libraries ($lines lines compared)"
  fi
else
  if [ $mcurl_only -eq 0 ]; then
    echo "--- stderr (system)"; head -50 "$work/system.err"
  fi
  echo "--- stderr (mcurl)"; head -50 "$work/mcurl.err"
fi
exit $status
