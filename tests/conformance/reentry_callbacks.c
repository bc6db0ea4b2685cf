/* Multi API calls from inside the socket, timer and write callbacks answer
 * CURLM_RECURSIVE_API_CALL (info_read: NULL with 0 in the queue), change nothing, and the
 * transfer completes normally; curl_multi_assign is allowed inside the socket callback.
 * BEHAVIOUR.md items 12, 23, 32, 51, 68, 74, 75, 76, 80, 84, 119. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_reentry = 1;
  conf_loop_options(l)->assign_on_announce = 1;
  x = conf_xfer_new("e1", conf_url("/r"));
  x->print_headers = 0;
  x->print_reentry = 1;
  x->multi = m;
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
