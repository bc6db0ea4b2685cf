/* curl_easy_header and curl_easy_nextheader after a followed redirect: a 103 (origin
 * CURLH_1XX), the 302 (request 0), the final chunked 200 (request 1 and -1) with
 * duplicate names in different case and trailers (CURLH_TRAILER). Every origin mask
 * alone and combined, every index up to and past the amount, requests -1..3, names in
 * other case, a missing name, a bad origin mask; nextheader walks for each origin and
 * request. Prints name, value, amount, index and origin (with 7.88.1's bit 27). */
/* server: scripts/header_origins.script */
#include <stdio.h>

#include "support/conf.h"

static const unsigned origins[] = {CURLH_HEADER,
                                   CURLH_TRAILER,
                                   CURLH_CONNECT,
                                   CURLH_1XX,
                                   CURLH_PSEUDO,
                                   CURLH_HEADER | CURLH_TRAILER,
                                   CURLH_HEADER | CURLH_1XX | CURLH_TRAILER | CURLH_CONNECT};

static void one(CURL *e, const char *name, size_t index, unsigned origin, int request) {
  struct curl_header *h = NULL;
  CURLHcode rc = curl_easy_header(e, name, index, origin, request, &h);
  printf("header(%s, %lu, 0x%x, %d) = %d", name, (unsigned long)index, origin, request, (int)rc);
  if (rc == CURLHE_OK && h)
    printf(" %s: \"%s\" amount=%lu index=%lu origin=0x%x", h->name, h->value,
           (unsigned long)h->amount, (unsigned long)h->index, h->origin);
  printf("\n");
}

static void walk(CURL *e, unsigned origin, int request) {
  struct curl_header *h = NULL;
  int n = 0;
  printf("walk(0x%x, %d):", origin, request);
  while ((h = curl_easy_nextheader(e, origin, request, h)) && n < 50) {
    printf(" [%s: %s %lu/%lu 0x%x]", h->name, h->value, (unsigned long)h->index,
           (unsigned long)h->amount, h->origin);
    n++;
  }
  printf("\n");
}

int main(int argc, char **argv) {
  conf_xfer *x;
  size_t i;
  int req;
  static const char *const names[] = {"X-Dup", "x-DUP",   "Link", "X-Trail", "Location",
                                      "Empty", "Trailer", "Nope", ""};
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("e1", conf_url("/start"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  conf_perform_print(x);
  for (req = -2; req <= 3; ++req) {
    for (i = 0; i < sizeof origins / sizeof origins[0]; ++i) {
      size_t n;
      for (n = 0; n < sizeof names / sizeof names[0]; ++n) {
        size_t idx;
        for (idx = 0; idx < 4; ++idx) one(x->easy, names[n], idx, origins[i], req);
      }
      walk(x->easy, origins[i], req);
    }
  }
  one(x->easy, "X-Dup", 0, 0, -1);
  one(x->easy, "X-Dup", 0, 1u << 5, -1);
  one(x->easy, "X-Dup", 0, 1u << 27, -1);
  one(x->easy, "X-Dup", 0, CURLH_HEADER | (1u << 27), -1);
  one(x->easy, "X-Dup", (size_t)-1, CURLH_HEADER, -1);
  walk(x->easy, 0, -1);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
