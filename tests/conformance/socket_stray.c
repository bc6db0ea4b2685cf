/* Stray actions: socket_action on an fd libcurl never announced, and on a socket it
 * already REMOVEd, returns CURLM_OK and changes nothing; ev_bitmask 0 ("find out
 * yourself") drives a whole transfer; curl_multi_socket (deprecated) is socket_action
 * with mask 0; socket_all re-checks everything.
 * BEHAVIOUR.md items 55, 56, 58, 61. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>
#include <unistd.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int p[2], running = -5;
  CURLMcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  if (pipe(p) != 0) return 1;
  running = -5;
  printf("empty: action(pipe, IN) = %d running=%d\n",
         (int)curl_multi_socket_action(m, p[0], CURL_CSELECT_IN, &running), running);
  running = -5;
  printf("empty: socket_all = %d running=%d\n", (int)curl_multi_socket_all(m, &running), running);
  x = conf_xfer_new("e1", conf_url("/s"));
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  running = -5;
  rc = curl_multi_socket_action(m, p[0], 7, &running);
  printf("action(pipe, IN|OUT|ERR) = %d running=%d\n", (int)rc, running);
  conf_loop_options(l)->zero_bitmask = 1;
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 0);
  running = -5;
  rc = curl_multi_socket_action(m, conf_sock_fd(1), CURL_CSELECT_IN, &running);
  printf("action(removed s1, IN) = %d running=%d\n", (int)rc, running);
  running = -5;
  rc = curl_multi_socket(m, conf_sock_fd(1), &running);
  printf("socket(removed s1) = %d running=%d\n", (int)rc, running);
  running = -5;
  rc = curl_multi_socket_all(m, &running);
  printf("socket_all = %d running=%d\n", (int)rc, running);
  conf_xfer_print(x);
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
