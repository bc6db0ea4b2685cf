# py_multi_socket
expect='^0 5 \[\]$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
import select, time
m = pycurl.CurlMulti()
socks, timeout = {}, [None]
def on_socket(what, fd, multi, data):
    if what == pycurl.POLL_REMOVE: socks.pop(fd, None)
    else: socks[fd] = what
def on_timer(ms):
    timeout[0] = None if ms < 0 else ms / 1000.0
m.setopt(pycurl.M_SOCKETFUNCTION, on_socket)
m.setopt(pycurl.M_TIMERFUNCTION, on_timer)
urls = [NGX + "/1m", NGXS + "/1k", HTTPD + "/bytes/200000", HTTPD + "/slow/100", NGZ + "/1m"]
hs = []
for u in urls:
    c = pycurl.Curl(); c.buf = io.BytesIO(); c.setopt(pycurl.URL, u); c.setopt(pycurl.WRITEDATA, c.buf)
    c.setopt(pycurl.CAINFO, CA); c.setopt(pycurl.ENCODING, "")
    m.add_handle(c); hs.append(c)
running = len(hs)
end = time.time() + 20
def act(fd, ev):
    global running
    while True:
        ret, running = m.socket_action(fd, ev)
        if ret != pycurl.E_CALL_MULTI_PERFORM: break
act(pycurl.SOCKET_TIMEOUT, 0)
while running and time.time() < end:
    r = [fd for fd, w in socks.items() if w & pycurl.POLL_IN]
    w = [fd for fd, w in socks.items() if w & pycurl.POLL_OUT]
    t = 1.0 if timeout[0] is None else min(timeout[0], 1.0)
    rr, ww, _ = select.select(r, w, [], t)
    if not rr and not ww:
        act(pycurl.SOCKET_TIMEOUT, 0)
    for fd in set(rr) | set(ww):
        act(fd, (pycurl.CSELECT_IN if fd in rr else 0) | (pycurl.CSELECT_OUT if fd in ww else 0))
q, ok, err = m.info_read()
print(running, len(ok), [(hs.index(c), e) for c, e, s in err])
for c in hs:
    print(c.getinfo(pycurl.RESPONSE_CODE), len(c.buf.getvalue()))
    m.remove_handle(c)
print(socks)
EOF
}
