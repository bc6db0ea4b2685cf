/* Errors from callbacks: the write callback taking fewer bytes (CURLE_WRITE_ERROR), the
 * header callback returning 0, the xferinfo callback returning non-zero
 * (CURLE_ABORTED_BY_CALLBACK); a progress callback that lets the transfer go on, and
 * none at all with CURLOPT_NOPROGRESS left at 1.
 * Errors from callbacks, progress callbacks (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static size_t hdr_fail(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n - 1;
}

static int xfer_abort(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  int *calls = (int *)u;
  (void)dt;
  (void)dn;
  (void)ut;
  (void)un;
  return ++*calls >= 1;
}

static int prog_ok(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  int *calls = (int *)u;
  (void)ut;
  (void)un;
  ++*calls;
  if (dn > dt && dt > 0) printf("!! dlnow %ld > dltotal %ld\n", (long)dn, (long)dt);
  return 0;
}

int main(int argc, char **argv) {
  conf_xfer *x;
  int calls = 0;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);

  x = conf_xfer_new("writefail", conf_url("/bytes/100"));
  x->fail_at_write = 1;
  conf_perform_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("headerfail", conf_url("/bytes/100"));
  curl_easy_setopt(x->easy, CURLOPT_HEADERFUNCTION, hdr_fail);
  conf_perform_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("xferabort", conf_url("/bytes/100000"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, xfer_abort);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, &calls);
  conf_perform_print(x);
  conf_xfer_free(x);

  calls = 0;
  x = conf_xfer_new("xferok", conf_url("/bytes/300000"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, prog_ok);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, &calls);
  printf("xferok perform = %d\n", (int)curl_easy_perform(x->easy));
  printf("xferok progress called: %s\n", calls > 0 ? "yes" : "no");
  conf_xfer_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("noprogress", conf_url("/bytes/10"));
  calls = 0;
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, prog_ok);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, &calls);
  printf("noprogress perform = %d calls=%d\n", (int)curl_easy_perform(x->easy), calls);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
