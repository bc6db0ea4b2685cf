/* Two concurrent transfers to one host over HTTP/1.1 get two connections, each socket
 * announced with its own easy handle; afterwards both connections are idle in the pool
 * and two sequential transfers reuse them (NUM_CONNECTS 0).
 * BEHAVIOUR.md items 17, 18, 43, 48, 58, 123, 132. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

static void run_pair(CURLM *m, conf_loop *l, const char *p1, const char *p2, const char *n1,
                     const char *n2, int together) {
  conf_xfer *a = conf_xfer_new(n1, conf_url(p1));
  conf_xfer *b = conf_xfer_new(n2, conf_url(p2));
  long c1 = -1, c2 = -1;
  a->print_headers = b->print_headers = 0;
  printf("add %s = %d\n", n1, (int)curl_multi_add_handle(m, a->easy));
  if (!together) {
    conf_loop_run(l, 5000);
    conf_drain_messages(m, 1);
  }
  printf("add %s = %d\n", n2, (int)curl_multi_add_handle(m, b->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  curl_easy_getinfo(a->easy, CURLINFO_NUM_CONNECTS, &c1);
  curl_easy_getinfo(b->easy, CURLINFO_NUM_CONNECTS, &c2);
  printf("num_connects %s=%ld %s=%ld\n", n1, c1, n2, c2);
  conf_xfer_print(a);
  conf_xfer_print(b);
  conf_xfer_free(a);
  conf_xfer_free(b);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->coarse_timers = 1;
  conf_loop_options(l)->collapse_timers = 1;
  /* the first finishes well before the second: the socket order is fixed; the second
     answers after the 200 ms happy eyeballs timer has fired, never at the same time */
  run_pair(m, l, "/slow/10", "/slow/400", "a1", "a2", 1);
  run_pair(m, l, "/slow/20", "/slow/30", "b1", "b2", 0);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
