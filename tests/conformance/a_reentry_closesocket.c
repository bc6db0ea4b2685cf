/* Re-entrancy table, closesocket callback (CURLOPT_FORBID_REUSE, so the connection is
 * closed when the transfer ends): the multi calls on the multi running the transfer,
 * the easy calls on its handle, and calls on a multi in no callback, in a
 * curl_multi_perform run and a curl_easy_perform run (support/reentry.c).
 * BEHAVIOUR.md items 74-78, 80 and the 7.88.1 in_callback list of section Z. */
/* server: scripts/get_200.script */
#include <stdio.h>
#include <unistd.h>

#include "support/reentry.h"

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static int cb(void *u, curl_socket_t s) {
  (void)u;
  conf_reentry_try("closesocket callback");
  return close(s);
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, cb);
  conf_reentry_run("closesocket", e, NULL);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
