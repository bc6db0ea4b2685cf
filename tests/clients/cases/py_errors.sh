# py_errors
expect='^error 23$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
def run(url, **opts):
    c = pycurl.Curl(); c.setopt(pycurl.URL, url); c.setopt(pycurl.WRITEFUNCTION, lambda d: None)
    for k, v in opts.items(): c.setopt(getattr(pycurl, k), v)
    try:
        c.perform(); print("ok", c.getinfo(pycurl.RESPONSE_CODE))
    except pycurl.error as e:
        print("error", e.args[0])
run(REFUSED + "/")
run(HTTPD + "/slow/5000", TIMEOUT_MS=300)
run(HTTPD + "/status/404", FAILONERROR=1)
run(HTTPD + "/status/404")
run(HTTPD + "/bytes/100000", MAXFILESIZE=1000)
run(NGX + "/1m", WRITEFUNCTION=lambda d: 0)
EOF
}
