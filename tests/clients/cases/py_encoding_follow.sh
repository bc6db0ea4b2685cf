# py_encoding_follow
expect='^True True$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
b = io.BytesIO()
c = pycurl.Curl()
c.setopt(pycurl.URL, NGZ + "/1m"); c.setopt(pycurl.ENCODING, ""); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(b.getvalue() == open(WWW + "/1m", "rb").read(), c.getinfo(pycurl.SIZE_DOWNLOAD) < 1048576)
b = io.BytesIO()
c.setopt(pycurl.URL, HTTPD + "/redirect/3"); c.setopt(pycurl.FOLLOWLOCATION, 1); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(b.getvalue(), c.getinfo(pycurl.REDIRECT_COUNT), c.getinfo(pycurl.EFFECTIVE_URL).rsplit("/", 2)[-2:])
EOF
}
