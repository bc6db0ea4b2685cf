# py_multi_perform
expect='^200 1048576$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
m = pycurl.CurlMulti()
urls = [NGX + "/1k", NGX + "/1m", HTTPD + "/chunked/50000", HTTPD + "/status/500", NGZ + "/1k"]
hs = []
for u in urls:
    c = pycurl.Curl(); c.buf = io.BytesIO(); c.setopt(pycurl.URL, u); c.setopt(pycurl.WRITEDATA, c.buf); c.setopt(pycurl.ENCODING, "")
    m.add_handle(c); hs.append(c)
import time
end = time.time() + 20
done = []
while time.time() < end:
    while True:
        ret, active = m.perform()
        if ret != pycurl.E_CALL_MULTI_PERFORM: break
    while True:
        q, ok, err = m.info_read()
        done += [hs.index(c) for c in ok] + [("err", hs.index(c), e) for c, e, s in err]
        if q == 0: break
    if active == 0: break
    m.select(1.0)
print(sorted(done, key=str))
for c in hs:
    print(c.getinfo(pycurl.RESPONSE_CODE), len(c.buf.getvalue()))
EOF
}
