expect='^True$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
out = []
c = pycurl.Curl(); c.setopt(pycurl.URL, HTTPD + "/"); c.setopt(pycurl.USERPWD, "u:p"); c.setopt(pycurl.VERBOSE, 1)
c.setopt(pycurl.DEBUGFUNCTION, lambda t, d: out.append(d) if t == pycurl.INFOTYPE_HEADER_OUT else None)
c.setopt(pycurl.WRITEFUNCTION, lambda d: None)
c.perform()
print(any(b"Authorization: Basic dTpw" in d for d in out))
EOF
}
