#!/usr/bin/env bash
# Benchmarks mcurl against the system libcurl 7.88.1 (issue 6). Not a test: run by hand.
#
#   scripts/bench.sh [--quick] [--callgrind] [--pairs N] [--only REGEX] [--no-wrk]
#
# One driver binary (bench/driver.c, built against the system's curl headers) runs every
# scenario on the system libcurl and on mcurl (LD_LIBRARY_PATH=build-bench), alternately
# (A B A B ...), against nginx on loopback. nginx is pinned to core 1, the client to
# core 0. Printed: the medians of each library, the ratio mcurl/libcurl, the target of
# issue 6, and wrk's requests/s at the same concurrency as the ceiling.
#
#   --quick      fewer transfers, 1 pair: a smoke run
#   --callgrind  instructions per transfer instead of time: (Ir(2N) - Ir(N)) / N under
#                valgrind --tool=callgrind, for the per-transfer scenarios
#   --pairs N    A/B pairs per scenario (default 3)
#   --only RE    only the scenarios whose name matches the extended regex RE
#   --no-wrk     skip the wrk ceiling
# Environment: MCURL_LIB_DIR uses an existing build's libcurl.so.4 instead of building
# build-bench; BENCH_KEEP=1 keeps the temporary directory (nginx config, logs, raw lines).
#
# A scenario whose mcurl run fails (mcurl lacks https and gzip so far) is reported as
# "n/a (mcurl: unsupported)"; the run goes on.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
quick=0
callgrind=0
pairs=3
only=""
use_wrk=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --callgrind) callgrind=1 ;;
    --pairs) pairs=$2; shift ;;
    --only) only=$2; shift ;;
    --no-wrk) use_wrk=0 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ] && [ "$pairs" = 3 ]; then pairs=1; fi

# --- what the benchmark needs --------------------------------------------------------
need=(nginx-light libnginx-mod-http-echo wrk valgrind libcurl4-openssl-dev openssl gcc cmake)
missing=()
for p in "${need[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
have_wrk=0
if [ "$use_wrk" = 1 ] && command -v wrk >/dev/null; then have_wrk=1; fi

# --- build mcurl (Release) and the driver --------------------------------------------
build="$root/build-bench"
mkdir -p "$build"
if [ -n "${MCURL_LIB_DIR:-}" ]; then
  libdir=$(cd "$MCURL_LIB_DIR" && pwd)
else
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMCURL_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j1 --target curl >/dev/null
  libdir="$build"
fi
[ -e "$libdir/libcurl.so.4" ] || { echo "bench: no libcurl.so.4 in $libdir" >&2; exit 1; }
# Built against the SYSTEM's headers (gcc's default include path), linked with -lcurl.
gcc -O2 -Wall -Wextra -o "$build/driver" "$root/bench/driver.c" -lcurl
driver="$build/driver"

# --- nginx on loopback -----------------------------------------------------------------
work=$(mktemp -d /tmp/mcurl-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user
nginx_pid=""
cleanup() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
http_port=$(free_port)
https_port=$(free_port)
while [ "$https_port" = "$http_port" ]; do https_port=$(free_port); done

hold_n=10000
hold_sleep=15
if [ "$quick" = 1 ]; then hold_n=1000; hold_sleep=3; fi

mkdir -p "$work/www/gz" "$work/tmp" "$work/tls"
head -c 1024 /dev/zero | tr '\0' 'a' > "$work/www/1k"
truncate -s 256M "$work/www/256m"
# 32 MiB of text that compresses like ordinary JSON (about 4:1), pre-gzipped for
# gzip_static: nginx sends the .gz with Content-Encoding: gzip to a client that asks.
python3 - "$work/www/gz/32m.json" <<'EOF'
import random, sys
random.seed(6)
words = [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(3, 10)))
         for _ in range(4096)]
out, size, target = [], 0, 32 * 1024 * 1024
i = 0
while size < target:
    line = '{"id":%d,"name":"%s","tags":["%s","%s"],"value":%d}\n' % (
        i, random.choice(words), random.choice(words), random.choice(words), random.randint(0, 10**9))
    out.append(line); size += len(line); i += 1
data = ''.join(out).encode()[:target]
open(sys.argv[1], 'wb').write(data)
EOF
gzip -6 -k "$work/www/gz/32m.json"
rm "$work/www/gz/32m.json"  # only the .gz: a client that does not ask for gzip gets a 404

# A CA and a server certificate for 127.0.0.1 (RSA 2048, as most servers have).
(
  cd "$work/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
    -subj "/CN=mcurl bench CA" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
    -subj "/CN=127.0.0.1" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > ext.cnf
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile ext.cnf -out server.pem >/dev/null 2>&1
)

echo_module=/usr/lib/nginx/modules/ngx_http_echo_module.so
[ -e "$echo_module" ] || { echo "bench: $echo_module missing (libnginx-mod-http-echo)" >&2; exit 1; }
cat > "$work/nginx.conf" <<EOF
load_module $echo_module;
worker_processes 1;
worker_rlimit_nofile 20000;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 19000; multi_accept on; }
http {
  access_log off;
  default_type application/octet-stream;
  client_body_temp_path $work/tmp;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  sendfile on;
  tcp_nopush on;
  ssl_certificate $work/tls/server.pem;
  ssl_certificate_key $work/tls/server.key;
  ssl_protocols TLSv1.2 TLSv1.3;
  ssl_session_cache shared:SSL:32m;
  ssl_session_tickets on;
  ssl_session_timeout 1h;
  server {
    listen 127.0.0.1:$http_port backlog=4096;
    listen 127.0.0.1:$https_port ssl backlog=4096;
    root $work/www;
    location /gz/ { gzip_static on; }
    location /slow { echo_sleep $hold_sleep; echo ok; }
  }
}
EOF
taskset -c 1 nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 100); do
  if "$driver" -n 1 -c 1 "http://127.0.0.1:$http_port/1k" >/dev/null 2>&1; then break; fi
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/error.log" >&2; exit 1; }
  sleep 0.1
done
"$driver" -n 1 -c 1 --bytes 1024 "http://127.0.0.1:$http_port/1k" >/dev/null || { echo "bench: nginx did not start" >&2; exit 1; }

H="http://127.0.0.1:$http_port"
S="https://127.0.0.1:$https_port"
CA="--cainfo $work/tls/ca.pem"

# --- scenarios ----------------------------------------------------------------------------
# name | transfers (full, quick) | driver arguments | URL | metric | target | wrk arguments
# metric: cpu_us (CPU per transfer, µs), cpu_ms (CPU per transfer, ms), hold (two rows:
# CPU per held transfer and KiB per held transfer).
scenarios=(
  "http_ka_c1|20000|2000|-c 1 --bytes 1024|$H/1k|cpu_us|-|-c1"
  "http_ka_c100|100000|10000|-c 100 --bytes 1024|$H/1k|cpu_us|0.35|-c100"
  "http_ka_c1000|100000|10000|-c 1000 --bytes 1024|$H/1k|cpu_us|0.2|-c1000"
  "http_new_c100|20000|3000|-c 100 --new-conn --bytes 1024|$H/1k|cpu_us|0.5|-c100 -H Connection:close"
  "https_ka_c100|50000|5000|-c 100 --bytes 1024 $CA|$S/1k|cpu_us|0.45|-c100"
  "https_new_resumed_c50|4000|500|-c 50 --new-conn --bytes 1024 $CA|$S/1k|cpu_us|0.35|-"
  "https_new_full_c50|2000|300|-c 50 --new-conn --no-session --bytes 1024 $CA|$S/1k|cpu_us|0.6|-"
  "http_256m|2|1|-c 1 --bytes 268435456|$H/256m|cpu_ms|0.8|-"
  "https_256m|2|1|-c 1 --bytes 268435456 $CA|$S/256m|cpu_ms|0.9|-"
  "gzip_32m|2|1|-c 1 --encoding gzip --bytes 33554432|$H/gz/32m.json|cpu_ms|1.0|-"
  "held_10k|$hold_n|$hold_n|--hold -c $hold_n --bytes 3 --time-limit 120|$H/slow|hold|0.05|-"
)

results="$build/bench-$(date -u +%Y%m%dT%H%M%SZ).txt"
: > "$results"
log() { echo "$*" | tee -a "$results" >&2; }
log "# $(date -u '+%Y-%m-%d %H:%M UTC') $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
log "# mcurl: $libdir; libcurl: $(ldconfig -p | grep -m1 'libcurl.so.4 ' | sed 's/.*=> //'); nginx $(nginx -v 2>&1 | sed 's/.*\///'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# run LIB ARGS...: one driver run; prints the result line or nothing on failure.
run_driver() {
  local lib=$1; shift
  local out
  if [ "$lib" = mcurl ]; then
    out=$(LD_LIBRARY_PATH="$libdir" taskset -c 0 "$driver" "$@" 2>"$work/run.err") || true
  else
    out=$(taskset -c 0 "$driver" "$@" 2>"$work/run.err") || true
  fi
  cat "$work/run.err" >>"$work/driver.err"
  case "$out" in *" failed=0 "*) echo "$out" ;; *) true ;; esac
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR+1)/2]; else printf "%.4g\n", (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f\n", a / b }'; }

wrk_rps() {
  local url=$1; shift
  taskset -c 0 wrk -t1 -d3s "$@" "$url" 2>/dev/null | sed -n 's/^Requests\/sec: *//p'
}

callgrind_ir() {  # LIB N ARGS... -> total Ir of one run under callgrind, or nothing
  local lib=$1 n=$2; shift 2
  local f="$work/cg.$$.$RANDOM"
  local env=()
  if [ "$lib" = mcurl ]; then env=(env "LD_LIBRARY_PATH=$libdir"); fi
  if "${env[@]}" valgrind --tool=callgrind --callgrind-out-file="$f" "$driver" -n "$n" "$@" \
       >"$f.out" 2>>"$work/driver.err" && grep -q ' failed=0 ' "$f.out"; then
    sed -n 's/^summary: *//p; s/^totals: *//p' "$f" | head -1 | cut -d' ' -f1
  fi
  rm -f "$f" "$f.out"
}

rows=()
for sc in "${scenarios[@]}"; do
  IFS='|' read -r name n_full n_quick args url metric target wrkargs <<<"$sc"
  if [ -n "$only" ] && ! [[ "$name" =~ $only ]]; then continue; fi
  n=$n_full
  if [ "$quick" = 1 ]; then n=$n_quick; fi

  if [ "$callgrind" = 1 ]; then
    [ "$metric" = cpu_us ] || continue
    cg_n=2000
    [ "$quick" = 1 ] && cg_n=500
    case "$name" in https_new*) cg_n=200; [ "$quick" = 1 ] && cg_n=50 ;; esac
    # shellcheck disable=SC2086
    declare -A ir=()
    for lib in libcurl mcurl; do
      a=$(callgrind_ir $lib "$cg_n" $args "$url")
      b=$(callgrind_ir $lib $((2 * cg_n)) $args "$url")
      if [ -n "$a" ] && [ -n "$b" ]; then ir[$lib]=$(( (b - a) / cg_n )); else ir[$lib]=""; fi
    done
    m=${ir[mcurl]:-}
    l=${ir[libcurl]:-}
    [ -z "$m" ] && m="n/a (mcurl: unsupported)"
    ctarget=$target
    [ "$name" = http_ka_c100 ] && ctarget=0.25
    row="| $name: instructions per transfer | ${l:-failed} | $m | $(ratio "${ir[mcurl]:-}" "$l") | ${ctarget/#-/—} |"
    log "$row"
    rows+=("$row")
    continue
  fi

  lib_vals=(); mc_vals=(); lib_kb=(); mc_kb=(); lib_sa=(); mc_sa=(); mc_tps=(); mc_ok=1
  for ((p = 1; p <= pairs; p++)); do
    for lib in libcurl mcurl; do
      if [ $lib = mcurl ] && [ $mc_ok = 0 ]; then continue; fi
      # shellcheck disable=SC2086
      line=$(run_driver $lib -n "$n" --label "$name" $args "$url")
      if [ -z "$line" ]; then
        log "# $name $lib: run failed ($(head -1 "$work/run.err"))"
        [ $lib = mcurl ] && mc_ok=0
        continue
      fi
      log "$line"
      v=$(field "$line" cpu_us)
      [ "$metric" = cpu_ms ] && v=$(awk -v u="$v" 'BEGIN { printf "%.1f", u / 1000 }')
      kb=$(field "$line" hold_kb)
      sa=$(field "$line" sa_per)
      if [ $lib = libcurl ]; then lib_vals+=("$v"); lib_kb+=("$kb"); lib_sa+=("$sa")
      else mc_vals+=("$v"); mc_kb+=("$kb"); mc_sa+=("$sa"); mc_tps+=("$(field "$line" tps)"); fi
    done
  done
  l=$(printf '%s\n' "${lib_vals[@]}" | grep . | median || true)
  m=$(printf '%s\n' "${mc_vals[@]}" | grep . | median || true)
  lsa=$(printf '%s\n' "${lib_sa[@]}" | grep . | median || true)
  msa=$(printf '%s\n' "${mc_sa[@]}" | grep . | median || true)
  ceiling="—"
  if [ "$have_wrk" = 1 ] && [ "$wrkargs" != "-" ]; then
    # shellcheck disable=SC2086
    rps=$(wrk_rps "$url" $wrkargs)
    if [ -n "$rps" ]; then
      ceiling="${rps%.*}/s"
      mt=$(printf '%s\n' "${mc_tps[@]}" | grep . | median || true)
      [ -n "$mt" ] && ceiling="$ceiling (mcurl $(awk -v a="$mt" -v b="$rps" 'BEGIN{printf "%.0f%%", 100*a/b}'))"
    fi
  fi
  unit="µs/transfer"
  [ "$metric" = cpu_ms ] && unit="ms CPU/transfer"
  mshow=${m:-"n/a (mcurl: unsupported)"}
  row="| $name: $unit | ${l:-failed} | $mshow | $(ratio "$m" "$l") | ${target/#-/—} | $ceiling | ${lsa:--} / ${msa:--} |"
  log "$row"
  rows+=("$row")
  if [ "$metric" = hold ]; then
    lk=$(printf '%s\n' "${lib_kb[@]}" | grep . | median || true)
    mk=$(printf '%s\n' "${mc_kb[@]}" | grep . | median || true)
    row="| $name: KiB per held transfer | ${lk:-failed} | ${mk:-"n/a (mcurl: unsupported)"} | $(ratio "$mk" "$lk") | ≤ 4 KiB | — | — |"
    log "$row"
    rows+=("$row")
  fi
done

log "# load after: $(cut -d' ' -f1-3 /proc/loadavg); raw lines: $results"
echo
if [ "$callgrind" = 1 ]; then
  echo "| scenario | libcurl | mcurl | ratio | target |"
  echo "| --- | ---: | ---: | ---: | ---: |"
else
  echo "| scenario (client CPU, medians of $pairs) | libcurl | mcurl | ratio | target | wrk ceiling (mcurl's share) | socket_action/transfer (libcurl / mcurl) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
fi
printf '%s\n' "${rows[@]}"
