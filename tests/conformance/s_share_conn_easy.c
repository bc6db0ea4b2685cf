/* A connection share (CURL_LOCK_DATA_CONNECT) between easy handles run with
 * curl_easy_perform: the second handle reuses the first one's connection (no new
 * connect, the same local port), a handle outside the share does not; the lock callback
 * is called for CONNECT with CURL_LOCK_ACCESS_SINGLE and the handle at work, in balanced
 * pairs, the same number of times as 7.88.1; curl_share_cleanup and CURLSHOPT_UNSHARE
 * answer CURLSHE_IN_USE while handles use the share, and the share closes the
 * connections left in it (CLOSESOCKETFUNCTION). */
/* server: httpd */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "support/conf.h"

static int locks[8], unlocks[8], depth[8], nested, not_single, wrong_handle, null_handle;
static CURL *g_easy[3];
static int closed_sockets;

static void lock_cb(CURL *h, curl_lock_data d, curl_lock_access a, void *u) {
  int i, known = 0;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  locks[d]++;
  if (depth[d]++) nested++;
  if (a != CURL_LOCK_ACCESS_SINGLE) not_single++;
  if (h == NULL) {
    null_handle++;
    return;
  }
  for (i = 0; i < 3; ++i) known |= h == g_easy[i];
  if (!known) wrong_handle++;
}

static void unlock_cb(CURL *h, curl_lock_data d, void *u) {
  (void)h;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  unlocks[d]++;
  depth[d]--;
}

static int close_cb(void *u, curl_socket_t s) {
  (void)u;
  closed_sockets++;
  return close(s);
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

/* A shared pool is pruned at most once a second (two more locks each time): after the
 * first transfer, whether that happens depends on the machine's speed. */
static void print_locks(const char *when) {
  printf("~ %s: CONNECT locks %d\n", when, locks[CURL_LOCK_DATA_CONNECT]);
  printf(
      "%s: CONNECT balanced=%s, SHARE locks=%d unlocks=%d, nested=%d, "
      "not single=%d, foreign handles=%d, NULL handles=%d\n",
      when, locks[CURL_LOCK_DATA_CONNECT] == unlocks[CURL_LOCK_DATA_CONNECT] ? "yes" : "no",
      locks[CURL_LOCK_DATA_SHARE], unlocks[CURL_LOCK_DATA_SHARE], nested, not_single, wrong_handle,
      null_handle);
}

int main(int argc, char **argv) {
  CURLSH *sh;
  long port[3] = {0, 0, 0};
  int i, first_locks = 0;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  sh = curl_share_init();
  printf("LOCKFUNC=%d", (int)curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb));
  printf(" UNLOCKFUNC=%d", (int)curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb));
  printf(" SHARE CONNECT=%d\n",
         (int)curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT));
  for (i = 0; i < 3; ++i) {
    long nc = -1;
    CURLcode rc;
    g_easy[i] = curl_easy_init();
    curl_easy_setopt(g_easy[i], CURLOPT_URL, conf_url(i == 1 ? "/bytes/20" : "/bytes/10"));
    curl_easy_setopt(g_easy[i], CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(g_easy[i], CURLOPT_CLOSESOCKETFUNCTION, close_cb);
    /* The third handle is outside the share. */
    if (i < 2) curl_easy_setopt(g_easy[i], CURLOPT_SHARE, sh);
    rc = curl_easy_perform(g_easy[i]);
    curl_easy_getinfo(g_easy[i], CURLINFO_NUM_CONNECTS, &nc);
    curl_easy_getinfo(g_easy[i], CURLINFO_LOCAL_PORT, &port[i]);
    printf("e%d perform=%d connects=%ld same local port as e1: %s\n", i + 1, (int)rc, nc,
           i == 0               ? "-"
           : port[i] == port[0] ? "yes"
                                : "no");
    print_locks("so far");
    if (i == 0) printf("first transfer: CONNECT locks=%d\n", locks[CURL_LOCK_DATA_CONNECT]);
    if (i == 1) {
      int n = locks[CURL_LOCK_DATA_CONNECT] - first_locks;
      printf("reusing transfer: CONNECT locks %s\n",
             n == 6 || n == 8 ? "6 (8 if pruned)" : "other");
    }
    if (i == 0) first_locks = locks[CURL_LOCK_DATA_CONNECT];
  }
  printf("UNSHARE CONNECT while used=%d\n",
         (int)curl_share_setopt(sh, CURLSHOPT_UNSHARE, CURL_LOCK_DATA_CONNECT));
  printf("share cleanup while used=%d\n", (int)curl_share_cleanup(sh));
  /* The first handle runs again: the shared connection is still there. */
  {
    long nc = -1, p = 0;
    CURLcode rc = curl_easy_perform(g_easy[0]);
    curl_easy_getinfo(g_easy[0], CURLINFO_NUM_CONNECTS, &nc);
    curl_easy_getinfo(g_easy[0], CURLINFO_LOCAL_PORT, &p);
    printf("e1 again perform=%d connects=%ld same port: %s\n", (int)rc, nc,
           p == port[0] ? "yes" : "no");
  }
  for (i = 0; i < 3; ++i) curl_easy_cleanup(g_easy[i]);
  printf("closed before the share ends: %d\n", closed_sockets);
  printf("share cleanup=%d\n", (int)curl_share_cleanup(sh));
  printf("closed after: %d\n", closed_sockets);
  print_locks("end");
  curl_global_cleanup();
  return 0;
}
