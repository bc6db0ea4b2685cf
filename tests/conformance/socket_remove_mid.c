/* remove_handle in the middle of a transfer (request sent, no answer yet): the socket
 * is REMOVEd, the timer is cleared, no DONE message ever appears, the connection is not
 * reused (a new transfer to the same host connects again), and the removed handle can
 * run again. BEHAVIOUR.md items 24, 25, 26, 27, 28, 70. */
/* server: scripts/partial_then_200.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x, *y;
  int i, n = -1;
  long conns = -1;
  CURLMsg *msg;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/partial"));
  printf("add e1 = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  for (i = 0; i < 100 && x->body_bytes == 0; ++i) conf_loop_step(l, 20);
  conf_loop_run_for(l, 50);
  printf("e1 received %lu bytes, running=%d\n", (unsigned long)x->body_bytes, conf_loop_running(l));
  printf("remove e1 mid-transfer = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  printf("watched=%d\n", conf_loop_watched(l));
  msg = curl_multi_info_read(m, &n);
  printf("info_read = %s n=%d\n", msg ? "msg" : "NULL", n);
  y = conf_xfer_new("e2", conf_url("/next"));
  printf("add e2 = %d\n", (int)curl_multi_add_handle(m, y->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  curl_easy_getinfo(y->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("e2 num_connects=%ld\n", conns);
  conf_xfer_print(y);
  printf("remove e1 again = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  conf_xfer_free(y);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
