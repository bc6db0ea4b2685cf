/* Re-entrancy table, read callback (a POST body of 5 bytes from CURLOPT_READFUNCTION):
 * the multi calls on the multi running the transfer, the easy calls on its handle, and
 * calls on a multi in no callback, from inside the read callback in a curl_multi_perform
 * run and a curl_easy_perform run (support/reentry.c); the request body arrives whole.
 * BEHAVIOUR.md items 74-78, 80 and the 7.88.1 in_callback list of section Z. */
/* server: scripts/get_200.script */
#include <stdio.h>
#include <string.h>

#include "support/reentry.h"

static int g_left;

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static size_t cb(char *p, size_t sz, size_t n, void *u) {
  (void)u;
  conf_reentry_try("read callback");
  if (!g_left || sz * n < 5) return 0;
  memcpy(p, "hello", 5);
  g_left = 0;
  return 5;
}

static void setup(CURL *e) {
  (void)e;
  g_left = 1;
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 5L);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, cb);
  conf_reentry_run("read", e, setup);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
