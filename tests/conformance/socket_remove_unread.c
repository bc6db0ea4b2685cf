/* remove_handle of a finished transfer whose DONE message was not read discards the
 * message; re-adding the handle makes a new transfer and a new message; double remove
 * and removing a never-added handle are CURLM_OK.
 * BEHAVIOUR.md items 19, 20, 21, 26, 86, 89, 129. */
/* server: scripts/keepalive2.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  CURL *never;
  int n = -1;
  CURLMsg *msg;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  never = curl_easy_init();
  printf("remove never-added on empty multi = %d\n", (int)curl_multi_remove_handle(m, never));
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/u"));
  x->print_headers = 0;
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  printf("re-add while finished = %d\n", (int)curl_multi_add_handle(m, x->easy));
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  msg = curl_multi_info_read(m, &n);
  printf("info_read after remove = %s n=%d\n", msg ? "msg" : "NULL", n);
  printf("remove again = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  printf("remove never-added = %d\n", (int)curl_multi_remove_handle(m, never));
  printf("add again = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  printf("messages: %d\n", conf_drain_messages(m, 0));
  msg = curl_multi_info_read(m, &n);
  printf("info_read when empty = %s n=%d\n", msg ? "msg" : "NULL", n);
  conf_xfer_print(x);
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  curl_easy_cleanup(never);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
