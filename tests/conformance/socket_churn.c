/* Connection churn with CURLOPT_FORBID_REUSE: 200 sequential transfers in event mode,
 * each socket announced afresh (socketp NULL even when the fd number comes back),
 * REMOVEd exactly once while still open (epoll DEL never fails), nothing left watched.
 * BEHAVIOUR.md items 43, 44, 47, 121, 122, 125. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  int i, ok = 0, fdreuse = 0;
  curl_socket_t first = -1;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_sockets = 0;
  conf_loop_options(l)->print_timers = 0;
  conf_loop_options(l)->assign_on_announce = 0;
  for (i = 0; i < 200; ++i) {
    conf_xfer *x = conf_xfer_new("e", conf_url("/bytes/100"));
    CURLMsg *msg;
    int n;
    x->print_headers = 0;
    /* the sequence of the first two transfers in full */
    conf_loop_options(l)->print_sockets = i < 2;
    curl_easy_setopt(x->easy, CURLOPT_FORBID_REUSE, 1L);
    curl_multi_add_handle(m, x->easy);
    conf_loop_run(l, 5000);
    while ((msg = curl_multi_info_read(m, &n)) != NULL)
      if (msg->data.result == CURLE_OK) ++ok;
    curl_multi_remove_handle(m, x->easy);
    if (conf_loop_watched(l) != 0)
      printf("!! transfer %d left %d sockets watched\n", i, conf_loop_watched(l));
    if (i == 0)
      first = conf_sock_fd(1);
    else if (conf_sock_fd(1) == first)
      fdreuse = 1;
    conf_xfer_free(x);
  }
  printf("ok transfers: %d\n", ok);
  /* every transfer: one announcement and one REMOVE on its socket (maybe an OUT->IN
   * change too); reported as the count per transfer */
  printf("socket calls per transfer: %d\n", conf_loop_socket_calls(l) / 200);
  printf("fd number reused: %s\n", fdreuse ? "yes" : "no");
  printf("watched at the end: %d\n", conf_loop_watched(l));
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
