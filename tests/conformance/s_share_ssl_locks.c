/* A share with CURL_LOCK_DATA_SSL_SESSION used by two handles for https transfers: the
 * lock and unlock callbacks are called for the session cache around its use, with the
 * access kind the library asks for. Printed: the call sequence of each transfer (one
 * letter per lock: "s" shared, "x" single, "S"/"X" the same for CURL_LOCK_DATA_SHARE,
 * ")" per unlock), whether every lock was released and never nested, and whether the
 * second handle's connection resumed the first one's session. */
/* server: nginx */
/* link: ssl */
#include <stdio.h>
#include <string.h>

#include <openssl/ssl.h>

#include "support/conf.h"

static char seq[2048];
static int depth[8], nested, unbalanced_unlock, other_kind;

static void add(const char *s) {
  if (strlen(seq) + strlen(s) < sizeof seq) strcat(seq, s);
}

static void lock_cb(CURL *h, curl_lock_data d, curl_lock_access a, void *u) {
  (void)h;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  if (depth[d]++) nested++;
  if (d == CURL_LOCK_DATA_SSL_SESSION) {
    add(a == CURL_LOCK_ACCESS_SHARED ? "s" : "x");
  } else if (d == CURL_LOCK_DATA_SHARE) {
    add(a == CURL_LOCK_ACCESS_SHARED ? "S" : "X");
  } else {
    other_kind++;
  }
}

static void unlock_cb(CURL *h, curl_lock_data d, void *u) {
  (void)h;
  (void)u;
  if ((int)d < 0 || (int)d >= 8) return;
  if (depth[d]-- <= 0) unbalanced_unlock++;
  add(")");
}

static int resumed = -1;

static size_t on_write(char *p, size_t size, size_t n, void *userp) {
  CURL *e = (CURL *)userp;
  (void)p;
  if (resumed < 0) {
    struct curl_tlssessioninfo *info = NULL;
    resumed = 0;
    if (curl_easy_getinfo(e, CURLINFO_TLS_SSL_PTR, &info) == CURLE_OK && info &&
        info->backend == CURLSSLBACKEND_OPENSSL && info->internals)
      resumed = SSL_session_reused((SSL *)info->internals) ? 1 : 0;
  }
  return size * n;
}

static CURL *handle(CURLSH *sh) {
  CURL *e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_nginx_url("good", "/1k"));
  curl_easy_setopt(e, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
  curl_easy_setopt(e, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, e);
  curl_easy_setopt(e, CURLOPT_SHARE, sh);
  return e;
}

static void fetch(const char *label, CURL *e) {
  long nc = -1;
  CURLcode rc;
  seq[0] = '\0';
  resumed = -1;
  rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &nc);
  printf("%s: perform=%d connects=%ld resumed=%d locks: %s\n", label, (int)rc, nc, resumed, seq);
}

int main(int argc, char **argv) {
  CURLSH *sh;
  CURL *a, *b;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  sh = curl_share_init();
  curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb);
  curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb);
  printf("SHARE SSL_SESSION=%d\n",
         (int)curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION));
  a = handle(sh);
  b = handle(sh);
  fetch("a first", a);
  fetch("a again (reused connection)", a);
  fetch("b (new connection)", b);
  seq[0] = '\0';
  curl_easy_cleanup(a);
  printf("cleanup a: %s\n", seq);
  seq[0] = '\0';
  curl_easy_cleanup(b);
  printf("cleanup b: %s\n", seq);
  seq[0] = '\0';
  printf("share cleanup=%d: %s\n", (int)curl_share_cleanup(sh), seq);
  printf("nested=%d unbalanced unlocks=%d other kinds=%d\n", nested, unbalanced_unlock, other_kind);
  return 0;
}
