/* CURLOPT_PREREQFUNCTION and CURLOPT_RESOLVER_START_FUNCTION: prereq runs before every
 * request (reused connection or not) with the peer address; resolver-start runs on
 * every DNS cache miss, numeric and localhost names included (an IP literal is cached
 * after the first transfer); a non-zero answer ends the transfer with
 * CURLE_ABORTED_BY_CALLBACK / CURLE_COULDNT_RESOLVE_HOST and the error text.
 * Callbacks (section Z). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static int rs_calls, pre_calls;

static int rs_cb(void *state, void *reserved, void *u) {
  rs_calls++;
  printf("  resolver-start state=%s reserved=%s\n", state ? "set" : "NULL",
         reserved ? "set" : "NULL");
  return *(int *)u;
}

static int pre_cb(void *u, char *ip, char *local_ip, int port, int local_port) {
  pre_calls++;
  printf("  prereq ip=%s local=%s port=%s local_port=%s\n", ip, local_ip,
         port == conf_port() ? "PORT" : "other", local_port > 0 ? ">0" : "0");
  return *(int *)u;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static void run(CURL *e, const char *label) {
  static char eb[CURL_ERROR_SIZE];
  long nc = -1;
  CURLcode rc;
  eb[0] = 0;
  printf("%s\n", label);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, eb);
  rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &nc);
  printf(" result=%d [%s] connects=%ld\n", (int)rc, eb, nc);
}

int main(int argc, char **argv) {
  CURL *e;
  int rs_fail = 0, pre_fail = 0;
  char url[128];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/bytes/10"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_RESOLVER_START_FUNCTION, rs_cb);
  curl_easy_setopt(e, CURLOPT_RESOLVER_START_DATA, &rs_fail);
  curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, pre_cb);
  curl_easy_setopt(e, CURLOPT_PREREQDATA, &pre_fail);
  run(e, "first");
  run(e, "reused connection");
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  run(e, "forbid reuse 1");
  run(e, "forbid reuse 2 (address cached)");
  pre_fail = 1;
  run(e, "prereq fails");
  pre_fail = 0;
  rs_fail = 1;
  run(e, "resolver-start fails on a cached name (not called)");
  snprintf(url, sizeof url, "http://localhost:%d/bytes/3", conf_port());
  curl_easy_setopt(e, CURLOPT_URL, url);
  run(e, "resolver-start fails for localhost");
  rs_fail = 0;
  run(e, "localhost");
  curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_RESOLVER_START_FUNCTION, NULL);
  run(e, "callbacks unset");
  curl_easy_reset(e);
  printf("calls: resolver-start %d prereq %d\n", rs_calls, pre_calls);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
