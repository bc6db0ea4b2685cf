/* Re-entrancy table, seek callback: a POST whose body comes from a read callback is
 * redirected with 307, so the body is rewound through CURLOPT_SEEKFUNCTION; from inside
 * it, the multi calls on the multi running the transfer, the easy calls on its handle,
 * and calls on a multi in no callback, in a curl_multi_perform run and a
 * curl_easy_perform run (support/reentry.c); the body is sent twice, whole.
 * BEHAVIOUR.md items 74-78, 80 and the 7.88.1 in_callback list of section Z. */
/* server: scripts/redirect_307.script */
#include <stdio.h>
#include <string.h>

#include "support/reentry.h"

static size_t g_off;

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static size_t reader(char *p, size_t sz, size_t n, void *u) {
  size_t left = 5 - g_off;
  (void)u;
  if (left > sz * n) left = sz * n;
  memcpy(p, "hello" + g_off, left);
  g_off += left;
  return left;
}

static int cb(void *u, curl_off_t offset, int origin) {
  (void)u;
  conf_reentry_try("seek callback");
  printf("  seek to %lld origin %d\n", (long long)offset, origin);
  if (origin != SEEK_SET || offset < 0 || offset > 5) return CURL_SEEKFUNC_FAIL;
  g_off = (size_t)offset;
  return CURL_SEEKFUNC_OK;
}

static void setup(CURL *e) {
  (void)e;
  g_off = 0;
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
  curl_easy_setopt(e, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, cb);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  conf_reentry_run("seek", e, setup);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
