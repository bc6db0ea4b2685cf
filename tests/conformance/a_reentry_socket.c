/* Re-entrancy table, socket callback (CURLMOPT_SOCKETFUNCTION, a transfer driven by
 * curl_multi_socket_action): every multi call on the multi that calls it answers
 * CURLM_RECURSIVE_API_CALL (info_read NULL/0), assign is allowed, the easy calls on the
 * transfer's handle and the calls on a multi in no callback answer as in the other
 * callbacks (support/reentry.c); the transfer completes. BEHAVIOUR.md items 51, 68,
 * 74-76, 80 and the 7.88.1 in_callback list of section Z. */
/* server: scripts/get_200.script */
#include <stdio.h>

#include "support/reentry.h"

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  conf_reentry_run_events("socket", e, 1);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
