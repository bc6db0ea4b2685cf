# py_post
expect='^5006 '
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
b = io.BytesIO()
c = pycurl.Curl()
c.setopt(pycurl.URL, HTTPD + "/echo"); c.setopt(pycurl.POSTFIELDS, "k=v&x=" + "y" * 5000); c.setopt(pycurl.WRITEDATA, b)
c.perform()
print(len(b.getvalue()), b.getvalue()[:10], c.getinfo(pycurl.SIZE_UPLOAD), c.getinfo(pycurl.RESPONSE_CODE))
EOF
}
