/* A refused connection in event mode: the socket is announced (OUT) and REMOVEd, the
 * transfer ends with CURLE_COULDNT_CONNECT, one DONE message; getinfo after the
 * failure. Also a URL that fails at once (unsupported scheme) still gets exactly one
 * DONE message. BEHAVIOUR.md items 42, 43, 86. */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x, *y;
  char url[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  conf_set_port(conf_closed_port());
  snprintf(url, sizeof url, "http://127.0.0.1:%d/refused", conf_port());
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", url);
  printf("add e1 = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  conf_print_info(x->easy, "e1");
  y = conf_xfer_new("e2", "nosuchscheme://127.0.0.1/");
  printf("add e2 = %d\n", (int)curl_multi_add_handle(m, y->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  conf_xfer_free(x);
  conf_xfer_free(y);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
