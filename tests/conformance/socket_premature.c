/* A premature CURL_SOCKET_TIMEOUT call (before the announced expiry) is harmless: the
 * transfer goes on, and the timer callback re-announces the remaining timeout.
 * add_handle calls the timer callback (0) and no socket callback; a second add_handle
 * makes the timer call again.
 * BEHAVIOUR.md items 14, 15, 16, 17, 60, 65, 66, 67. */
/* server: scripts/slow_answer.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int running = -5, i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/p"));
  x->print_headers = 0;
  printf("add = %d watched=%d\n", (int)curl_multi_add_handle(m, x->easy), conf_loop_watched(l));
  conf_loop_kick(l);
  for (i = 0; i < 100 && conf_loop_what(l, 1) != CURL_POLL_IN; ++i) conf_loop_step(l, 20);
  printf("waiting for the answer: watched=%d\n", conf_loop_watched(l));
  for (i = 0; i < 3; ++i) {
    printf("premature timeout action = %d",
           (int)curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running));
    printf(" running=%d\n", running);
  }
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
