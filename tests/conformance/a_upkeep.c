/* curl_easy_upkeep on HTTP/1.1: OK on a fresh handle, after curl_easy_perform with the
 * connection idle in the pool (with and without CURLOPT_UPKEEP_INTERVAL_MS, before and
 * after the interval), on a handle in a multi and after the server closed; it sends
 * nothing (the server log has no extra bytes), calls no callback and keeps the
 * connection (the next transfer reuses it: NUM_CONNECTS 0). */
/* server: scripts/keepalive2.script */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>

#include "support/conf.h"

static int g_debug_calls;

static int dbg(CURL *h, curl_infotype t, char *d, size_t n, void *u) {
  (void)h;
  (void)t;
  (void)d;
  (void)n;
  (void)u;
  g_debug_calls++;
  return 0;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static void step(CURL *e, const char *label) {
  int before = g_debug_calls;
  CURLcode rc = curl_easy_upkeep(e);
  printf("%s: upkeep=%d debug calls during it=%d\n", label, (int)rc, g_debug_calls - before);
}

int main(int argc, char **argv) {
  CURL *e;
  CURLM *m;
  long conns = -1;
  struct timespec ts = {0, 120 * 1000000L};
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/k"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, dbg);
  curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
  step(e, "fresh");
  printf("perform=%d\n", (int)curl_easy_perform(e));
  step(e, "connection idle");
  curl_easy_setopt(e, CURLOPT_UPKEEP_INTERVAL_MS, 100L);
  step(e, "interval 100 ms, not yet due");
  nanosleep(&ts, NULL); /* not synchronisation: lets the upkeep interval pass */
  step(e, "interval passed");
  step(e, "again");
  printf("perform=%d", (int)curl_easy_perform(e));
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &conns);
  printf(" connects=%ld\n", conns);
  m = curl_multi_init();
  curl_multi_add_handle(m, e);
  step(e, "added to a multi");
  curl_multi_remove_handle(m, e);
  curl_multi_cleanup(m);
  step(e, "after the second answer (the server then waits for the close)");
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
