/* Digest (RFC 7616) after a 401: MD5 without qop, MD5-sess and SHA-256 with qop=auth and
 * an opaque, userhash, and a stale nonce answered once more with nc=00000001. The
 * Authorization line is printed from the debug callback with the random cnonce and the
 * response masked (their lengths are kept); tests/unit/http/auth_test.cc checks the
 * response values against ones measured on 7.88.1. Auth (issue 7). */
/* server: scripts/u_digest.script */
/* requests: not compared */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void mask(char *s, const char *key) {
  char *p = strstr(s, key);
  if (!p) return;
  p += strlen(key);
  while (*p && *p != '"') *p++ = '*';
}

static int debug_cb(CURL *e, curl_infotype type, char *data, size_t size, void *user) {
  (void)e;
  (void)user;
  if (type == CURLINFO_HEADER_OUT) {
    char buf[2048];
    char *line, *end;
    if (size >= sizeof buf) size = sizeof buf - 1;
    memcpy(buf, data, size);
    buf[size] = 0;
    line = strstr(buf, "Authorization:");
    if (!line) {
      printf("  request without Authorization\n");
      return 0;
    }
    end = strstr(line, "\r\n");
    if (end) *end = 0;
    mask(line, "cnonce=\"");
    mask(line, "response=\"");
    printf("  %s\n", line);
  }
  return 0;
}

static void run(const char *label, long auth) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/digest?q=1"));
  long code = -1, avail = -1;
  CURLcode rc;
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_USERPWD, "Mufasa:Circle of Life");
  curl_easy_setopt(x->easy, CURLOPT_HTTPAUTH, auth);
  curl_easy_setopt(x->easy, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt(x->easy, CURLOPT_VERBOSE, 1L);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_HTTPAUTH_AVAIL, &avail);
  printf("%s: perform = %d code %ld avail %ld body %lu\n", label, (int)rc, code, avail,
         (unsigned long)x->body_bytes);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("md5", (long)CURLAUTH_DIGEST);
  run("md5sess_any", (long)CURLAUTH_ANY);
  run("sha256", (long)CURLAUTH_DIGEST);
  run("userhash", (long)CURLAUTH_DIGEST);
  run("stale", (long)CURLAUTH_DIGEST);
  curl_global_cleanup();
  return 0;
}
