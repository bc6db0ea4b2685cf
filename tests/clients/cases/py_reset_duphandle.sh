# py_reset_duphandle
expect='^7.88.1 '
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
b = io.BytesIO()
c = pycurl.Curl(); c.setopt(pycurl.URL, HTTPD + "/bytes/26"); c.setopt(pycurl.WRITEDATA, b)
d = c.duphandle(); b2 = io.BytesIO(); d.setopt(pycurl.WRITEDATA, b2)
c.perform(); d.perform()
print(b.getvalue(), b2.getvalue())
c.reset(); b3 = io.BytesIO(); c.setopt(pycurl.URL, HTTPD + "/bytes/3"); c.setopt(pycurl.WRITEDATA, b3); c.perform()
print(b3.getvalue(), c.getinfo(pycurl.NUM_CONNECTS))
print(pycurl.version_info()[1], pycurl.version_info()[2])
EOF
}
