# curl_unix_socket: --unix-socket and --abstract-unix-socket to a small HTTP(S) server on a
# UNIX socket (python, started per run, serves a bounded number of connections): Host:
# comes from the URL, %{remote_ip} is the socket path, https verifies against the URL's
# host, a missing socket is exit 7.
expect='^GET /plain HTTP/1.1 \| Host: example.invalid:8080$'
setup_case() {
  cat >unix_srv.py <<'PYEOF'
import os, socket, ssl, sys
path, tls, count = sys.argv[1], sys.argv[2] == "tls", int(sys.argv[3])
abstract = path.startswith("@")
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind("\0" + path[1:] if abstract else path)
s.listen(8)
s.settimeout(20)
ctx = None
if tls:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    certs = os.environ["WWW"] + "/../certs/"
    ctx.load_cert_chain(certs + "server.pem", certs + "server.key")
print("ready", flush=True)
for _ in range(count):
    try:
        c, _ = s.accept()
    except OSError:
        break
    c.settimeout(20)
    try:
        if ctx:
            c = ctx.wrap_socket(c, server_side=True)
        buf = b""
        while b"\r\n\r\n" not in buf:
            d = c.recv(4096)
            if not d:
                break
            buf += d
        if b"\r\n\r\n" in buf:
            head = buf.split(b"\r\n\r\n")[0].decode()
            lines = head.split("\r\n")
            host = [l[6:] for l in lines if l.lower().startswith("host: ")]
            body = ("%s | Host: %s\n" % (lines[0], host[0] if host else "")).encode()
            c.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n"
                      % len(body) + body)
    except (OSError, ssl.SSLError):
        pass
    c.close()
PYEOF
}
serve() { # serve PATH plain|tls COUNT: starts the server, returns once it listens
  coproc SRV { exec "$PY" "$root/unix_srv.py" "$@"; }
  srv_pid=$SRV_PID # bash unsets SRV_PID once the server has exited
  read -r -t 10 ready <&"${SRV[0]}"
  [ "$ready" = ready ] || echo "server did not start"
}
run_case() {
  local sock=$PWD/s.sock abs="@mcurl-client-unix-$$" srv_pid=
  serve "$sock" plain 3
  $CURL -sS --unix-socket "$sock" http://example.invalid:8080/plain -w '%{http_code} %{remote_port}\n'
  $CURL -sS --unix-socket "$sock" http://localhost/ip -w '%{remote_ip}\n' | sed "s#$sock#SOCK#"
  $CURL -sS --unix-socket "$sock" -x http://127.0.0.1:1 http://example.invalid/proxied
  wait "$srv_pid" 2>/dev/null
  serve "$abs" plain 1
  $CURL -sS --abstract-unix-socket "${abs#@}" http://example.invalid/abstract -w '[%{remote_ip}]\n'
  wait "$srv_pid" 2>/dev/null
  serve "$sock.tls" tls 2
  $CURL -sS --cacert "$CA" --unix-socket "$sock.tls" https://localhost/secure -w '%{http_code}\n'
  $CURL -sS --cacert "$CA" --unix-socket "$sock.tls" https://example.invalid/wronghost
  echo "wronghost exit $?"
  wait "$srv_pid" 2>/dev/null
  $CURL -sS --unix-socket "$PWD/missing.sock" http://localhost/missing 2>&1 | sed -E 's/after [0-9]+ ms/after N ms/'
  echo "missing exit ${PIPESTATUS[0]}"
}
