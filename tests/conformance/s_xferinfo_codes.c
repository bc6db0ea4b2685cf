/* What CURLOPT_XFERINFOFUNCTION's and CURLOPT_PROGRESSFUNCTION's return values do (the
 * curl tool's and PHP's progress meters): 0 and CURL_PROGRESSFUNC_CONTINUE go on, any
 * other value (1, -1, 42) ends the transfer with CURLE_ABORTED_BY_CALLBACK and 7.88.1's
 * error text; with CURLOPT_NOPROGRESS left at 1 the callback is never called; the last
 * call of a finished download reports the whole body; XFERINFO wins over PROGRESS when
 * both are set. */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static int g_ret, g_calls, g_pcalls;
static curl_off_t g_last_now, g_last_total;

static int xferinfo(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  (void)u;
  (void)ut;
  (void)un;
  g_calls++;
  g_last_now = dn;
  g_last_total = dt;
  return g_ret;
}

static int progress(void *u, double dt, double dn, double ut, double un) {
  (void)u;
  (void)ut;
  (void)un;
  g_pcalls++;
  g_last_now = (curl_off_t)dn;
  g_last_total = (curl_off_t)dt;
  return g_ret;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

/* how: 0 xferinfo, 1 progress, 2 both */
static void run(const char *what, int how, int ret, long noprogress) {
  char err[CURL_ERROR_SIZE] = "";
  CURL *e = curl_easy_init();
  CURLcode rc;
  g_ret = ret;
  g_calls = g_pcalls = 0;
  g_last_now = g_last_total = -1;
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/bytes/3000"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  if (how != 1) curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, xferinfo);
  if (how != 0) curl_easy_setopt(e, CURLOPT_PROGRESSFUNCTION, progress);
  curl_easy_setopt(e, CURLOPT_NOPROGRESS, noprogress);
  rc = curl_easy_perform(e);
  printf("%s: rc=%d (%s) xferinfo called: %s, progress called: %s", what, (int)rc, err,
         g_calls ? "yes" : "no", g_pcalls ? "yes" : "no");
  if (g_calls + g_pcalls) printf(", last now=%ld total=%ld", (long)g_last_now, (long)g_last_total);
  printf("\n");
  if (ret != 0 && ret != CURL_PROGRESSFUNC_CONTINUE) {
    printf("  calls before the abort: %d\n", g_calls + g_pcalls);
  }
  curl_easy_cleanup(e);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("xferinfo 0", 0, 0, 0L);
  run("xferinfo CONTINUE", 0, CURL_PROGRESSFUNC_CONTINUE, 0L);
  run("xferinfo 1", 0, 1, 0L);
  run("xferinfo -1", 0, -1, 0L);
  run("xferinfo 42", 0, 42, 0L);
  run("xferinfo 1, NOPROGRESS 1", 0, 1, 1L);
  run("progress 0", 1, 0, 0L);
  run("progress 1", 1, 1, 0L);
  run("progress CONTINUE", 1, CURL_PROGRESSFUNC_CONTINUE, 0L);
  run("both 0", 2, 0, 0L);
  curl_global_cleanup();
  return 0;
}
