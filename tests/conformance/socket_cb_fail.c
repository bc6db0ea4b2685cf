/* The socket callback returns -1 (at the 1st call, then in a new multi at the 2nd):
 * the triggering call answers CURLM_ABORTED_BY_CALLBACK, the multi is dead (add_handle
 * answers ABORTED_BY_CALLBACK while transfers remain), driving on ends every transfer
 * with CURLE_ABORTED_BY_CALLBACK, and once all are removed add_handle works again.
 * BEHAVIOUR.md items 13, 38, 50, 128. */
/* server: scripts/keepalive2.script */
/* loops: epoll poll */
/* requests: not compared */
#include <stdio.h>

#include "support/conf.h"

static void scenario(int fail_at) {
  CURLM *m = curl_multi_init();
  conf_loop *l = conf_loop_new(m, conf_loop_kind());
  conf_xfer *x = conf_xfer_new("e1", conf_url("/f"));
  conf_xfer *y = conf_xfer_new("e2", conf_url("/f"));
  CURLMcode rc;
  int i, running = -5;
  long t = -5;
  printf("== socket callback fails at call %d\n", fail_at);
  conf_loop_options(l)->socket_fail_at = fail_at;
  printf("add e1 = %d\n", (int)curl_multi_add_handle(m, x->easy));
  rc = conf_loop_kick(l);
  for (i = 0; i < 50 && rc == CURLM_OK && conf_loop_running(l) != 0; ++i)
    rc = conf_loop_step(l, 50);
  printf("stopped with %d\n", (int)rc);
  rc = curl_multi_timeout(m, &t);
  printf("timeout = %d t=%s\n", (int)rc, conf_bucket(t));
  printf("add e2 on dead multi = %d\n", (int)curl_multi_add_handle(m, y->easy));
  rc = curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  printf("drive on = %d running=%d\n", (int)rc, running);
  rc = curl_multi_perform(m, &running);
  printf("perform = %d running=%d\n", (int)rc, running);
  conf_drain_messages(m, 0);
  printf("remove e1 = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  printf("remove e2 = %d\n", (int)curl_multi_remove_handle(m, y->easy));
  conf_loop_options(l)->socket_fail_at = 0;
  printf("add e2 after all removed = %d\n", (int)curl_multi_add_handle(m, y->easy));
  printf("remove e2 = %d\n", (int)curl_multi_remove_handle(m, y->easy));
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  conf_xfer_free(x);
  conf_xfer_free(y);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  scenario(1);
  scenario(2);
  curl_global_cleanup();
  return 0;
}
