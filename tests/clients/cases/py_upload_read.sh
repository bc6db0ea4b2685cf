# py_upload_read
expect='^70000 True 200$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
data = io.BytesIO(b"z" * 70000)
b = io.BytesIO()
c = pycurl.Curl()
c.setopt(pycurl.URL, HTTPD + "/echo"); c.setopt(pycurl.UPLOAD, 1); c.setopt(pycurl.READFUNCTION, data.read)
c.setopt(pycurl.INFILESIZE, 70000); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(len(b.getvalue()), b.getvalue() == b"z" * 70000, c.getinfo(pycurl.RESPONSE_CODE))
data = io.BytesIO(b"q" * 1000); b = io.BytesIO()
c.setopt(pycurl.READFUNCTION, data.read); c.setopt(pycurl.INFILESIZE, -1); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(b.getvalue() == b"q" * 1000)
EOF
}
