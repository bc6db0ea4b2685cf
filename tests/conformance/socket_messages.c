/* Several transfers finishing at different times: DONE messages in completion order
 * (FIFO), msgs_in_queue counts what is left, the canonical loop (read, remove,
 * cleanup, read on) is valid, running_handles counts down.
 * BEHAVIOUR.md items 17, 58, 85, 86, 87, 88, 90, 116. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *a, *b, *c;
  CURLMsg *msg;
  int left = -1, i, last = -1;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_sockets = 0;
  conf_loop_options(l)->print_timers = 0;
  /* added in one order, finishing in another */
  a = conf_xfer_new("slow300", conf_url("/slow/300"));
  b = conf_xfer_new("slow10", conf_url("/slow/10"));
  c = conf_xfer_new("slow150", conf_url("/slow/150"));
  a->print_headers = b->print_headers = c->print_headers = 0;
  printf("add = %d %d %d\n", (int)curl_multi_add_handle(m, a->easy),
         (int)curl_multi_add_handle(m, b->easy), (int)curl_multi_add_handle(m, c->easy));
  conf_loop_kick(l);
  for (i = 0; i < 200 && conf_loop_running(l) > 0; ++i) {
    conf_loop_step(l, 50);
    if (conf_loop_running(l) != last) {
      last = conf_loop_running(l);
      printf("running=%d\n", last);
      if (last == 1) {
        /* two finished: both messages queued, in completion order */
        while ((msg = curl_multi_info_read(m, &left)) != NULL) {
          CURL *e = msg->easy_handle;
          printf("msg %s result=%d left=%d\n", conf_easy_name(e), (int)msg->data.result, left);
          printf("remove = %d\n", (int)curl_multi_remove_handle(m, e));
        }
      }
    }
  }
  conf_drain_messages(m, 1);
  conf_xfer_print(a);
  conf_xfer_print(b);
  conf_xfer_print(c);
  conf_xfer_free(a);
  conf_xfer_free(b);
  conf_xfer_free(c);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
