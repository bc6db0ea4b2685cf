# py_xferinfo_abort
expect='^error 42 True$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
calls = []
def prog(dt, dn, ut, un):
    calls.append(dn)
    return 1 if dn > 0 else 0
c = pycurl.Curl(); c.setopt(pycurl.URL, NGX + "/1m"); c.setopt(pycurl.WRITEFUNCTION, lambda d: None)
c.setopt(pycurl.NOPROGRESS, 0); c.setopt(pycurl.XFERINFOFUNCTION, prog)
try:
    c.perform(); print("finished")
except pycurl.error as e:
    print("error", e.args[0], len(calls) > 0)
EOF
}
