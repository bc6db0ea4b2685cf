# pycurl HTTPPOST (curl_formadd underneath): a value, a file with a shown name and type, a buffer
expect='filename="shown.txt"'
run_case() {
printf 'file contents\n' >in.txt
$PY - <<'EOF2'
import os, sys, io, re, pycurl
HTTPD = os.environ["HTTPD"]
b = io.BytesIO()
c = pycurl.Curl()
c.setopt(pycurl.URL, HTTPD + "/echo"); c.setopt(pycurl.WRITEDATA, b)
c.setopt(pycurl.HTTPPOST, [
    ("field", "value"),
    ("upload", (pycurl.FORM_FILE, "in.txt", pycurl.FORM_FILENAME, "shown.txt", pycurl.FORM_CONTENTTYPE, "text/x-test")),
    ("buf", (pycurl.FORM_BUFFER, "b.bin", pycurl.FORM_BUFFERPTR, "buffer bytes")),
])
c.perform()
print(re.sub(r"-{4,}[0-9a-f]+", "BOUNDARY", b.getvalue().decode().replace("\r", "")))
print(c.getinfo(pycurl.SIZE_UPLOAD), c.getinfo(pycurl.RESPONSE_CODE))
EOF2
}
