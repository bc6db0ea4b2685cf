# py_https
expect='^error 60$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
b = io.BytesIO()
c = pycurl.Curl()
c.setopt(pycurl.URL, NGXS + "/1k"); c.setopt(pycurl.CAINFO, CA); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(c.getinfo(pycurl.RESPONSE_CODE), len(b.getvalue()), c.getinfo(pycurl.SSL_VERIFYRESULT))
c.setopt(pycurl.URL, os.environ["NGX_WRONG"] + "/1k")
try:
    c.perform(); print("no error")
except pycurl.error as e:
    print("error", e.args[0])
EOF
}
