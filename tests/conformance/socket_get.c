/* One GET through curl_multi_socket_action: the timer call inside add_handle, the
 * kickstart, the socket announcements while connecting and receiving, the REMOVE at
 * the end (fd still open), the final timer -1, the DONE message and its lifetime.
 * BEHAVIOUR.md items 14, 15, 16, 40, 42, 43, 44, 53, 54, 58, 64, 65, 70, 85, 86, 90. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  CURLMcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/get"));
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  printf("after add: watched=%d\n", conf_loop_watched(l));
  conf_loop_kick(l);
  rc = conf_loop_run(l, 5000);
  printf("run = %d running=%d watched=%d timer=%ld\n", (int)rc, conf_loop_running(l),
         conf_loop_watched(l), conf_loop_timer(l));
  conf_xfer_print(x);
  conf_drain_messages(m, 0);
  conf_print_info(x->easy, "e1");
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
