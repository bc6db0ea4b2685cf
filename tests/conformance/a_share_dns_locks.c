/* A DNS share (CURL_LOCK_DATA_DNS) used by two handles for real transfers: the lock and
 * unlock callbacks are called in pairs (never nested for one data kind, every lock
 * released), only for the kinds shared (DNS) and the share itself, always with the
 * handle doing the work; the second handle's lookup is answered from the shared cache
 * (its NAMELOOKUP happened without a resolver-start call). Printed as counts per data
 * kind and the call sequence collapsed to lock/unlock pairs. BEHAVIOUR.md item 108. */
/* server: httpd */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int locks[8], unlocks[8], depth[8], nested, other_kind, rs_calls;
static CURL *g_expect[2];
static int wrong_handle;
static char seq[4096];

static void lock_cb(CURL *h, curl_lock_data d, curl_lock_access a, void *u) {
  (void)a;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  locks[d]++;
  if (depth[d]++) nested++;
  if (d != CURL_LOCK_DATA_DNS && d != CURL_LOCK_DATA_SHARE) other_kind++;
  if (h && h != g_expect[0] && h != g_expect[1]) wrong_handle++;
  if (strlen(seq) < sizeof seq - 8) strcat(seq, d == CURL_LOCK_DATA_DNS ? "D" : "S");
}

static void unlock_cb(CURL *h, curl_lock_data d, void *u) {
  (void)h;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  unlocks[d]++;
  depth[d]--;
}

static int rs(void *a, void *b, void *u) {
  (void)a;
  (void)b;
  (void)u;
  rs_calls++;
  return 0;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

int main(int argc, char **argv) {
  CURLSH *sh;
  CURL *e[2];
  int i;
  char url[128];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  sh = curl_share_init();
  printf("LOCKFUNC=%d", (int)curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb));
  printf(" UNLOCKFUNC=%d", (int)curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb));
  printf(" SHARE DNS=%d\n", (int)curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS));
  snprintf(url, sizeof url, "http://localhost:%d/bytes/10", conf_port());
  for (i = 0; i < 2; ++i) {
    long nc = -1;
    e[i] = curl_easy_init();
    g_expect[i] = e[i];
    curl_easy_setopt(e[i], CURLOPT_URL, url);
    curl_easy_setopt(e[i], CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(e[i], CURLOPT_RESOLVER_START_FUNCTION, rs);
    curl_easy_setopt(e[i], CURLOPT_SHARE, sh);
    printf("e%d perform=%d", i + 1, (int)curl_easy_perform(e[i]));
    curl_easy_getinfo(e[i], CURLINFO_NUM_CONNECTS, &nc);
    printf(" connects=%ld resolver-start calls so far=%d\n", nc, rs_calls);
  }
  printf("share cleanup while used=%d\n", (int)curl_share_cleanup(sh));
  for (i = 0; i < 2; ++i) curl_easy_cleanup(e[i]);
  printf("DNS locks balanced: %s, share-kind locks balanced: %s\n",
         locks[CURL_LOCK_DATA_DNS] == unlocks[CURL_LOCK_DATA_DNS] ? "yes" : "no",
         locks[CURL_LOCK_DATA_SHARE] == unlocks[CURL_LOCK_DATA_SHARE] ? "yes" : "no");
  printf("DNS locked at all: %s, nested: %d, other kinds: %d, foreign handles: %d\n",
         locks[CURL_LOCK_DATA_DNS] ? "yes" : "no", nested, other_kind, wrong_handle);
  printf("~ sequence %s\n", seq);
  printf("share cleanup=%d\n", (int)curl_share_cleanup(sh));
  curl_global_cleanup();
  return 0;
}
