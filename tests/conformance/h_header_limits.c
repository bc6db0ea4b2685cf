/* Header size limits: a 90 KB header line is delivered whole to the header callback, a
 * line over 100 KB fails the transfer, 1000 short headers are fine, headers over 300 KB
 * in total fail, a 20 KB reason phrase is fine. Result, header_size and the callback's
 * view (line count, longest line) of each. Very long headers, header overflow (issue 4). */
/* server: scripts/h_header_limits.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

typedef struct hdrs {
  int lines;
  size_t longest;
  size_t total;
} hdrs;

static size_t on_header(char *p, size_t sz, size_t n, void *u) {
  hdrs *h = (hdrs *)u;
  (void)p;
  h->lines++;
  h->total += sz * n;
  if (sz * n > h->longest) h->longest = sz * n;
  return sz * n;
}

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 5; ++i) {
    hdrs h;
    long hsize = -1, code = -1;
    CURLcode rc;
    conf_xfer *x = conf_xfer_new("big", conf_url("/big"));
    memset(&h, 0, sizeof h);
    curl_easy_setopt(x->easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(x->easy, CURLOPT_HEADERDATA, &h);
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_HEADER_SIZE, &hsize);
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
    printf("case %d: perform = %d (%s) code=%ld header_size=%ld\n", i + 1, (int)rc,
           curl_easy_strerror(rc), code, hsize);
    printf("case %d: callback saw %d lines, longest %lu, total %lu; body %lu bytes\n", i + 1,
           h.lines, (unsigned long)h.longest, (unsigned long)h.total, (unsigned long)x->body_bytes);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
