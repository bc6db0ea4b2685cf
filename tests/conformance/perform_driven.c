/* The socket and timer callbacks installed, but the transfer driven only with
 * curl_multi_perform and curl_multi_wait: it completes; the callbacks still report
 * (perform does not replace the announcements); curl_multi_timeout before and after.
 * BEHAVIOUR.md items 62, 112, 115, 116. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int running = 1, i, n;
  long t = -5;
  CURLMcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  rc = curl_multi_timeout(m, &t);
  printf("timeout on empty = %d t=%ld\n", (int)rc, t);
  x = conf_xfer_new("e1", conf_url("/perf"));
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  rc = curl_multi_timeout(m, &t);
  printf("timeout after add = %d t=%s\n", (int)rc, conf_bucket(t));
  for (i = 0; i < 500 && running; ++i) {
    rc = curl_multi_perform(m, &running);
    if (rc != CURLM_OK) printf("perform = %d\n", (int)rc);
    if (!running) break;
    rc = curl_multi_wait(m, NULL, 0, 100, &n);
    if (rc != CURLM_OK) printf("wait = %d\n", (int)rc);
  }
  printf("running=%d\n", running);
  rc = curl_multi_timeout(m, &t);
  printf("timeout when done = %d t=%ld\n", (int)rc, t);
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
