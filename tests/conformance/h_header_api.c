/* curl_easy_header and curl_easy_nextheader over a transfer with a 103, a followed
 * redirect and a chunked final response with trailers: lookups by origin
 * (CURLH_HEADER, CURLH_1XX, CURLH_TRAILER and combinations), by request index (0, 1,
 * -1, 2 out of range), by index among duplicates (case-insensitive names), amount, and
 * the full nextheader walk per origin and request.
 * Header callback contents and order, the header API (issue 4). */
/* server: scripts/h_header_api.script */
#include <stdio.h>

#include "support/conf.h"

static void lookup(CURL *e, const char *name, size_t index, unsigned origin, int request) {
  struct curl_header *h = NULL;
  CURLHcode rc = curl_easy_header(e, name, index, origin, request, &h);
  printf("header(%s, %lu, 0x%x, %d) = %d", name, (unsigned long)index, origin, request, (int)rc);
  if (rc == CURLHE_OK && h)
    printf(" name=%s value=%s amount=%lu index=%lu origin=0x%x", h->name, h->value,
           (unsigned long)h->amount, (unsigned long)h->index, h->origin);
  printf("\n");
}

static void walk(CURL *e, unsigned origin, int request) {
  struct curl_header *h = NULL;
  int n = 0;
  printf("walk origin 0x%x request %d:", origin, request);
  while ((h = curl_easy_nextheader(e, origin, request, h)) != NULL && n < 50) {
    printf(" [%s: %s #%lu/%lu 0x%x]", h->name, h->value, (unsigned long)h->index,
           (unsigned long)h->amount, h->origin);
    ++n;
  }
  printf(" (%d)\n", n);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  static const unsigned origins[] = {CURLH_HEADER, CURLH_1XX, CURLH_TRAILER,
                                     CURLH_HEADER | CURLH_TRAILER,
                                     CURLH_HEADER | CURLH_1XX | CURLH_TRAILER};
  unsigned i;
  int r;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("api", conf_url("/start"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  printf("perform = %d\n", (int)curl_easy_perform(x->easy));
  lookup(x->easy, "X-Hop", 0, CURLH_HEADER, -1);
  lookup(x->easy, "X-Hop", 0, CURLH_HEADER, 0);
  lookup(x->easy, "X-Hop", 0, CURLH_HEADER, 1);
  lookup(x->easy, "X-Hop", 0, CURLH_HEADER, 2);
  lookup(x->easy, "Link", 0, CURLH_1XX, 0);
  lookup(x->easy, "Link", 1, CURLH_1XX, 0);
  lookup(x->easy, "Link", 2, CURLH_1XX, 0);
  lookup(x->easy, "Link", 0, CURLH_HEADER, 0);
  lookup(x->easy, "x-dup", 0, CURLH_HEADER, -1);
  lookup(x->easy, "X-Dup", 2, CURLH_HEADER, -1);
  lookup(x->easy, "X-Dup", 3, CURLH_HEADER, -1);
  lookup(x->easy, "X-Dup", 0, CURLH_TRAILER, -1);
  lookup(x->easy, "X-Dup", 3, CURLH_HEADER | CURLH_TRAILER, -1);
  lookup(x->easy, "X-Sum", 0, CURLH_HEADER, -1);
  lookup(x->easy, "X-Sum", 0, CURLH_TRAILER, -1);
  lookup(x->easy, "Set-Thing", 0, CURLH_HEADER, -1);
  lookup(x->easy, "Missing", 0, CURLH_HEADER, -1);
  lookup(x->easy, "X-Hop", 0, 0, -1);
  for (r = -1; r <= 1; ++r)
    for (i = 0; i < sizeof origins / sizeof origins[0]; ++i) walk(x->easy, origins[i], r);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
