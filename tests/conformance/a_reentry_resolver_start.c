/* Re-entrancy table, resolver-start callback: the multi calls on the multi running the transfer,
 * the easy calls on the transfer's handle, and calls on a multi that is in no callback, tried from
 * inside the callback in a curl_multi_perform run and a curl_easy_perform run (support/reentry.c);
 * the transfer completes either way. BEHAVIOUR.md items 74-78, 80 and the 7.88.1 in_callback list
 * of section Z. */
/* server: scripts/get_200.script */
#include <stdio.h>

#include "support/reentry.h"

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static int cb(void *resolver_state, void *reserved, void *u) {
  (void)resolver_state;
  (void)reserved;
  (void)u;
  conf_reentry_try("resolver-start callback");
  return 0;
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_RESOLVER_START_FUNCTION, cb);
  conf_reentry_run("resolver_start", e, NULL);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
