expect='\\ta\\t1'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
c = pycurl.Curl(); c.setopt(pycurl.URL, HTTPD + "/"); c.setopt(pycurl.COOKIEFILE, "")
c.setopt(pycurl.COOKIELIST, "Set-Cookie: a=1; domain=127.0.0.1; path=/")
c.setopt(pycurl.WRITEFUNCTION, lambda d: None); c.perform()
print(c.getinfo(pycurl.INFO_COOKIELIST))
EOF
}
