# py_perform
expect='^RESPONSE_CODE 200$'
run_case() {
$PY - <<'EOF'
import os, sys, io, re, pycurl
HTTPD, NGX, NGXS, CA, NGZ, REFUSED, WWW = (os.environ[k] for k in ("HTTPD", "NGX", "NGXS", "CA", "NGZ", "REFUSED", "WWW"))
body, heads = io.BytesIO(), []
c = pycurl.Curl()
c.setopt(pycurl.URL, NGX + "/1k")
c.setopt(pycurl.WRITEFUNCTION, body.write)
c.setopt(pycurl.HEADERFUNCTION, lambda h: heads.append(h.decode().rstrip()))
c.perform()
print(body.getvalue() == open(WWW + "/1k", "rb").read())
print([h for h in heads if not re.match(r"(?i)(date|last-modified|etag):", h)])
# Not REQUEST_SIZE: pycurl's User-Agent holds curl_version(), which names other libraries.
for name in ("RESPONSE_CODE", "SIZE_DOWNLOAD", "CONTENT_TYPE", "HEADER_SIZE", "NUM_CONNECTS", "REDIRECT_COUNT", "PRIMARY_IP", "CONTENT_LENGTH_DOWNLOAD"):
    print(name, c.getinfo(getattr(pycurl, name)))
c.close()
EOF
}
