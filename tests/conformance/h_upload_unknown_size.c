/* Uploads of unknown size from a read callback: PUT (UPLOAD, no INFILESIZE) and POST
 * (POST=1, no size) go chunked over HTTP/1.1; over HTTP/1.0 both fail with
 * CURLE_UPLOAD_FAILED after connecting, before sending anything. The chunked bytes the server
 * decodes (log), results, size_upload. READFUNCTION uploads without size (issue 4). */
/* server: scripts/h_upload_unknown_size.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

typedef struct src {
  int calls;
} src;

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  src *s = (src *)u;
  static const char *parts[] = {"first,", "second,", "", "third"};
  const char *p;
  (void)sz;
  (void)n;
  if (s->calls >= 3) return 0;
  p = parts[s->calls == 2 ? 3 : s->calls];
  s->calls++;
  memcpy(buf, p, strlen(p));
  return strlen(p);
}

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("up", conf_url("/u"));
    src s = {0};
    CURLcode rc;
    curl_off_t up = -1;
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
    curl_easy_setopt(x->easy, CURLOPT_READDATA, &s);
    if (i % 2 == 0)
      curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 1L);
    else
      curl_easy_setopt(x->easy, CURLOPT_POST, 1L);
    if (i >= 2) curl_easy_setopt(x->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_0);
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_UPLOAD_T, &up);
    printf("%s%s: perform = %d (%s) read calls %d size_upload %lld\n", i % 2 ? "POST" : "PUT",
           i >= 2 ? " http/1.0" : "", (int)rc, curl_easy_strerror(rc), s.calls, (long long)up);
    conf_xfer_free(x);
  }
  {
    /* The server accepts in order: this answer means it saw the connections above. */
    conf_xfer *x = conf_xfer_new("last", conf_url("/last"));
    x->print_headers = 0;
    printf("last: perform = %d\n", (int)curl_easy_perform(x->easy));
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
