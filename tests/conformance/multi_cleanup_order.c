/* Teardown orders. (1) The documented order after a finished transfer whose connection
 * is idle in the pool: remove, easy_cleanup, multi_cleanup; the pooled socket was
 * REMOVEd when the transfer ended and gets no second REMOVE at close. (2) multi_cleanup
 * with handles still added (one finished, one mid-transfer): it detaches them, the
 * socket of the running one is REMOVEd, and easy_cleanup / easy_perform on them work
 * afterwards. (3) A never-used multi. BEHAVIOUR.md items 28, 30, 31, 33, 37, 46, 124. */
/* server: scripts/cleanup_order.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x, *y;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);

  printf("== documented order\n");
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/one"));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  printf("watched=%d\n", conf_loop_watched(l));
  conf_loop_free(l);

  printf("== cleanup with handles added\n");
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("done", conf_url("/two"));
  y = conf_xfer_new("stuck", conf_url("/stuck"));
  x->print_headers = y->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  conf_loop_run(l, 5000);
  curl_multi_add_handle(m, y->easy);
  for (i = 0; i < 100 && conf_loop_what(l, 2) != CURL_POLL_IN; ++i) conf_loop_step(l, 20);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  printf("watched=%d\n", conf_loop_watched(l));
  conf_loop_free(l);
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/three"));
  curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 3000L);
  conf_perform_print(x);
  conf_xfer_free(x);
  conf_xfer_free(y);

  printf("== never used\n");
  m = curl_multi_init();
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  curl_global_cleanup();
  return 0;
}
