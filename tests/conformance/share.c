/* curl_share_*: options, the lock callbacks and "in use" (BEHAVIOUR.md section N). */
#include <stdio.h>

#include <curl/curl.h>

static void lock_cb(CURL *h, curl_lock_data data, curl_lock_access access, void *user) {
  printf("  lock(%s, %d, %d, %s)\n", h ? "easy" : "NULL", (int)data, (int)access,
         (const char *)user);
}
static void unlock_cb(CURL *h, curl_lock_data data, void *user) {
  printf("  unlock(%s, %d, %s)\n", h ? "easy" : "NULL", (int)data, (const char *)user);
}

int main(void) {
  CURLSH *sh;
  CURL *easy;
  int i;

  curl_global_init(CURL_GLOBAL_DEFAULT);
  printf("setopt(NULL) = %d\n", (int)curl_share_setopt(NULL, CURLSHOPT_SHARE, 1));
  printf("cleanup(NULL) = %d\n", (int)curl_share_cleanup(NULL));

  sh = curl_share_init();
  printf("init %s\n", sh ? "ok" : "NULL");
  for (i = -1; i <= 8; i++) {
    printf("share %d = %d\n", i, (int)curl_share_setopt(sh, CURLSHOPT_SHARE, i));
    printf("unshare %d = %d\n", i, (int)curl_share_setopt(sh, CURLSHOPT_UNSHARE, i));
  }
  for (i = 1; i <= 5; i++) printf("share %d = %d\n", i, (int)curl_share_setopt(sh, CURLSHOPT_SHARE, i));
  printf("option 0 = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_NONE, 0));
  printf("option LAST = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_LAST, 0));
  printf("option 99 = %d\n", (int)curl_share_setopt(sh, (CURLSHoption)99, 0));
  printf("lockfunc = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb));
  printf("unlockfunc = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb));
  printf("userdata = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_USERDATA, "ud"));

  easy = curl_easy_init();
  printf("easy SHARE = %d\n", (int)curl_easy_setopt(easy, CURLOPT_SHARE, sh));
  printf("share while in use = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_SHARE,
                                                              CURL_LOCK_DATA_DNS));
  printf("userdata while in use = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_USERDATA, "x"));
  printf("cleanup while in use:\n");
  printf("  = %d\n", (int)curl_share_cleanup(sh));
  printf("easy SHARE NULL = %d\n", (int)curl_easy_setopt(easy, CURLOPT_SHARE, NULL));
  printf("share after detach = %d\n", (int)curl_share_setopt(sh, CURLSHOPT_UNSHARE,
                                                              CURL_LOCK_DATA_DNS));
  printf("easy SHARE again = %d\n", (int)curl_easy_setopt(easy, CURLOPT_SHARE, sh));
  printf("easy cleanup detaches:\n");
  curl_easy_cleanup(easy);
  printf("cleanup:\n");
  printf("  = %d\n", (int)curl_share_cleanup(sh));
  curl_global_cleanup();
  return 0;
}
