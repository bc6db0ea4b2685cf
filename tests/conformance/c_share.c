/* CURL_LOCK_DATA_COOKIE through curl_share: a cookie one handle received goes out with
 * another handle's request; the lock callback sees CURL_LOCK_DATA_COOKIE taken and
 * given back in pairs; CURLINFO_COOKIELIST of either handle shows the shared jar; a
 * handle that leaves the share no longer sees it. curl_share, cookies (issue 7). */
/* server: scripts/c_share.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int locked, cookie_locks, unbalanced;

static void lock_cb(CURL *h, curl_lock_data d, curl_lock_access a, void *u) {
  (void)h;
  (void)a;
  (void)u;
  if (d == CURL_LOCK_DATA_COOKIE) {
    if (locked) unbalanced = 1;
    locked = 1;
    ++cookie_locks;
  }
}

static void unlock_cb(CURL *h, curl_lock_data d, void *u) {
  (void)h;
  (void)u;
  if (d == CURL_LOCK_DATA_COOKIE) {
    if (!locked) unbalanced = 1;
    locked = 0;
  }
}

static void print_list(CURL *e, const char *tag) {
  struct curl_slist *l = NULL, *p;
  curl_easy_getinfo(e, CURLINFO_COOKIELIST, &l);
  printf("cookielist %s:%s\n", tag, l ? "" : " NULL");
  for (p = l; p; p = p->next) conf_print_escaped("  ", p->data, strlen(p->data));
  curl_slist_free_all(l);
}

int main(int argc, char **argv) {
  CURLSH *sh;
  conf_xfer *a, *b;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  sh = curl_share_init();
  curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb);
  curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb);
  printf("share cookie = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE));
  a = conf_xfer_new("a", conf_url("/a"));
  b = conf_xfer_new("b", conf_url("/b"));
  a->print_headers = 0;
  b->print_headers = 0;
  curl_easy_setopt(a->easy, CURLOPT_SHARE, sh);
  curl_easy_setopt(b->easy, CURLOPT_SHARE, sh);
  curl_easy_setopt(a->easy, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(b->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(a);
  print_list(b->easy, "b after a");
  conf_perform_print(b);
  print_list(a->easy, "a after b");
  printf("cookie locks taken: %s, balanced: %s\n", cookie_locks > 0 ? "yes" : "no",
         unbalanced ? "no" : "yes");
  curl_easy_setopt(b->easy, CURLOPT_SHARE, NULL);
  print_list(b->easy, "b after leaving");
  conf_perform_print(b);
  conf_xfer_free(a);
  conf_xfer_free(b);
  printf("share cleanup = %d\n", (int)curl_share_cleanup(sh));
  curl_global_cleanup();
  return 0;
}
