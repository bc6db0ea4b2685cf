/* The idle-connection limit of a connection share (CURL_LOCK_DATA_CONNECT) is the running
 * handle's CURLOPT_MAXCONNECTS (curl_easy_perform): with 1, the connection to 127.0.0.1
 * is closed when one to "localhost" is left idle, and the next 127.0.0.1 transfer
 * connects again; with 2 both stay. Handles are made and cleaned up one after the other,
 * so the connections live in the share only. */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

int main(int argc, char **argv) {
  static const char *hosts[] = {"127.0.0.1", "localhost", "127.0.0.1", "localhost", "127.0.0.1"};
  long mc;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (mc = 1; mc <= 2; mc++) {
    CURLSH *sh = curl_share_init();
    curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    printf("MAXCONNECTS %ld:", mc);
    for (i = 0; i < 5; i++) {
      char url[200];
      long n = -1;
      CURLcode rc;
      CURL *e = curl_easy_init();
      /* The later transfer takes a while: the idle connections differ in age. */
      snprintf(url, sizeof url, "http://%s:%d/slow/20", hosts[i], conf_port());
      curl_easy_setopt(e, CURLOPT_URL, url);
      curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
      curl_easy_setopt(e, CURLOPT_SHARE, sh);
      curl_easy_setopt(e, CURLOPT_MAXCONNECTS, mc);
      curl_easy_setopt(e, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
      rc = curl_easy_perform(e);
      curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &n);
      printf(" %s=%d/%ld", hosts[i], (int)rc, n);
      curl_easy_cleanup(e);
    }
    printf("\nshare cleanup=%d\n", (int)curl_share_cleanup(sh));
  }
  curl_global_cleanup();
  return 0;
}
