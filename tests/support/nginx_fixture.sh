#!/usr/bin/env bash
# nginx on 127.0.0.1 for TLS, gzip and large-body tests (docs/internals/TEST_SERVERS.md).
#   nginx_fixture.sh start DIR    fresh certificates (make_certs.sh) in DIR/certs, static
#                                 files in DIR/www, a config, nginx in the background;
#                                 prints one "NAME PORT" line per server block once every
#                                 port listens. DIR must not hold a running fixture.
#   nginx_fixture.sh stop DIR     stops that nginx (SIGTERM to the pid it wrote, then a
#                                 bounded wait; SIGKILL after 5 s).
#   nginx_fixture.sh bigfile DIR  creates DIR/www/256m (a sparse 256 MiB file), once.
# With nginx's stream module and tinyproxy installed, three more lines: "tinyproxy" (an
# HTTP proxy, started beside nginx) and "proxy_tls" / "proxy_untrusted" (TLS with the
# server / untrusted certificate in front of that tinyproxy: HTTPS proxies).
# nginx runs as the current user, single-process, with every path inside DIR. Ports come
# from binding port 0 and closing; when nginx then fails to bind one (another process
# took it meanwhile), start tries again with new ports, up to 5 times.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cmd=${1:?usage: nginx_fixture.sh start|stop|bigfile DIR}
dir=${2:?usage: nginx_fixture.sh start|stop|bigfile DIR}
nginx_bin=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

# The server blocks, in the order their lines are printed.
names=(good wronghost expired untrusted selfsigned clientcert tls12 tls13 revoked http
  gzip_http gzip_https)
stream_module=/usr/lib/nginx/modules/ngx_stream_module.so
tinyproxy_bin=$(command -v tinyproxy || echo /usr/bin/tinyproxy)
with_proxy=0
if [ -f "$stream_module" ] && [ -x "$tinyproxy_bin" ]; then
  with_proxy=1
  names+=(tinyproxy proxy_tls proxy_untrusted)
fi

free_ports() {  # prints N ports that were free a moment ago
  python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}

write_config() {  # write_config PORT... (one per name)
  local c=$dir/certs i=0 name
  {
    [ $with_proxy = 1 ] && echo "load_module $stream_module;"
    echo "error_log $dir/error.log warn;"
    echo "pid $dir/nginx.pid;"
    [ "$(id -u)" = 0 ] && echo "user root;"
    echo "worker_processes 1;"
    echo "worker_rlimit_nofile 8192;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "  access_log $dir/access.log;"
    echo "  client_body_temp_path $dir/tmp/body;"
    echo "  proxy_temp_path $dir/tmp/proxy;"
    echo "  fastcgi_temp_path $dir/tmp/fastcgi;"
    echo "  uwsgi_temp_path $dir/tmp/uwsgi;"
    echo "  scgi_temp_path $dir/tmp/scgi;"
    echo "  default_type application/octet-stream;"
    echo "  types { text/plain txt; }"
    echo "  keepalive_requests 1000;"
    echo "  client_max_body_size 64m;"
    echo "  ssl_session_cache shared:MCURL:1m;"
    echo "  ssl_session_tickets on;"
    echo "  ssl_session_timeout 10m;"
    echo "  ssl_protocols TLSv1.2 TLSv1.3;"
    echo "  root $dir/www;"
    for name in "${names[@]}"; do
      case $name in tinyproxy | proxy_*) continue ;; esac
      local port=${ports[$i]}
      i=$((i + 1))
      echo "  server {"
      case $name in
        http | gzip_http) echo "    listen 127.0.0.1:$port;" ;;
        *) echo "    listen 127.0.0.1:$port ssl;" ;;
      esac
      local cert=server
      case $name in
        wronghost | expired | untrusted | selfsigned | revoked) cert=$name ;;
      esac
      case $name in
        http | gzip_http) ;;
        *)
          echo "    ssl_certificate $c/$cert.pem;"
          echo "    ssl_certificate_key $c/$cert.key;"
          ;;
      esac
      case $name in
        clientcert)
          echo "    ssl_client_certificate $c/clientca.pem;"
          echo "    ssl_verify_client on;"
          ;;
        tls12) echo "    ssl_protocols TLSv1.2;" ;;
        tls13)
          echo "    ssl_protocols TLSv1.3;"
          echo "    ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384;"
          ;;
        gzip_http | gzip_https)
          echo "    gzip on;"
          echo "    gzip_types *;"
          echo "    gzip_min_length 0;"
          echo "    gzip_proxied any;"
          ;;
      esac
      # The client certificate's subject, for tests that check it arrived.
      [ "$name" = clientcert ] && echo "    location = /whoami { return 200 \"\$ssl_client_s_dn\\n\"; }"
      echo "    location = /name { return 200 \"$name\\n\"; }"
      # Redirects between the plain and the TLS server (ports[0] is good, ports[9] http).
      [ "$name" = http ] && echo "    location = /to_good { return 302 https://localhost:${ports[0]}/1k; }"
      [ "$name" = good ] && echo "    location = /to_http { return 302 http://localhost:${ports[9]}/1k; }"
      echo "  }"
    done
    echo "}"
    if [ $with_proxy = 1 ]; then
      # HTTPS proxies: TLS ends here, the bytes go on to tinyproxy.
      local tp=${ports[$i]}
      echo "stream {"
      echo "  server {"
      echo "    listen 127.0.0.1:${ports[$((i + 1))]} ssl;"
      echo "    ssl_certificate $c/server.pem;"
      echo "    ssl_certificate_key $c/server.key;"
      echo "    proxy_pass 127.0.0.1:$tp;"
      echo "  }"
      echo "  server {"
      echo "    listen 127.0.0.1:${ports[$((i + 2))]} ssl;"
      echo "    ssl_certificate $c/untrusted.pem;"
      echo "    ssl_certificate_key $c/untrusted.key;"
      echo "    proxy_pass 127.0.0.1:$tp;"
      echo "  }"
      echo "}"
      {
        echo "Port $tp"
        echo "Listen 127.0.0.1"
        echo "Timeout 30"
        echo "MaxClients 64"
        echo "LogLevel Error"
        echo "LogFile \"$dir/tinyproxy.log\""
        echo "PidFile \"$dir/tinyproxy.pid\""
        echo "Allow 127.0.0.1"
        echo "DisableViaHeader Yes"
      } >"$dir/tinyproxy.conf"
    fi
  } >"$dir/nginx.conf"
}

make_files() {
  mkdir -p "$dir/www" "$dir/tmp"
  python3 - "$dir/www" <<'EOF'
import sys
d = sys.argv[1]
# Text (compressible): line i is "line NNNNN abcdefghij...\n", cut to the size.
def text(n):
    out, i, size = [], 0, 0
    while size < n:
        out.append("line %05d %s\n" % (i, "abcdefghijklmnopqrstuvwxyz"[: 10 + i % 16]))
        size += len(out[-1])
        i += 1
    return "".join(out)[:n]
open(d + "/1k", "w").write(text(1024))
open(d + "/1m", "w").write(text(1024 * 1024))
open(d + "/index.html", "w").write("mcurl nginx fixture\n")
EOF
}

stop_tinyproxy() {
  local pid i
  [ -f "$dir/tinyproxy.pid" ] || return 0
  pid=$(cat "$dir/tinyproxy.pid")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    # tinyproxy takes over a second to leave on SIGTERM; it keeps nothing worth a clean
    # exit, so SIGKILL, then a bounded wait until it is gone.
    kill -KILL "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.02
    done
  fi
  rm -f "$dir/tinyproxy.pid"
}

stop() {
  local pid i
  stop_tinyproxy
  [ -f "$dir/nginx.pid" ] || return 0
  pid=$(cat "$dir/nginx.pid")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$dir/nginx.pid"
}

start() {
  local attempt i pid
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  "$here/make_certs.sh" "$dir/certs" >/dev/null
  make_files
  for attempt in 1 2 3 4 5; do
    read -r -a ports <<<"$(free_ports ${#names[@]})"
    write_config
    rm -f "$dir/nginx.pid"
    : >"$dir/error.log"
    # nginx writes its pid file only after every listening socket is bound.
    "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -g "daemon off; master_process off;" \
      </dev/null >>"$dir/nginx.out" 2>&1 &
    pid=$!
    for i in $(seq 1 200); do
      [ -s "$dir/nginx.pid" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.025
    done
    if [ -s "$dir/nginx.pid" ] && [ $with_proxy = 1 ]; then
      # tinyproxy forks into the background once it listens, after writing its pid.
      rm -f "$dir/tinyproxy.pid"
      if ! "$tinyproxy_bin" -c "$dir/tinyproxy.conf" </dev/null >>"$dir/tinyproxy.out" 2>&1; then
        grep -q "Address already in use\|Could not create listening" "$dir/tinyproxy.out" \
          "$dir/tinyproxy.log" 2>/dev/null || { stop; break; }
        stop
        continue
      fi
      for i in $(seq 1 200); do
        [ -s "$dir/tinyproxy.pid" ] && break
        sleep 0.025
      done
      # The pid file may come before the listener: wait (bounded) until it accepts.
      local tp_port=${ports[$((${#names[@]} - 3))]}
      for i in $(seq 1 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$tp_port") 2>/dev/null && break
        sleep 0.025
      done
    fi
    if [ -s "$dir/nginx.pid" ]; then
      for i in "${!names[@]}"; do echo "${names[$i]} ${ports[$i]}"; done
      return 0
    fi
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    grep -q "Address already in use" "$dir/nginx.out" "$dir/error.log" 2>/dev/null || break
  done
  echo "nginx did not start:" >&2
  cat "$dir/nginx.out" "$dir/error.log" >&2
  return 1
}

case $cmd in
  start) start ;;
  stop) stop ;;
  bigfile)
    [ -f "$dir/www/256m" ] || truncate -s 256M "$dir/www/256m"
    ;;
  *)
    echo "usage: nginx_fixture.sh start|stop|bigfile DIR" >&2
    exit 2
    ;;
esac
