/* curl_multi_assign: BAD_SOCKET for fds libcurl does not know (an application fd, a
 * socket already REMOVEd), OK for an announced socket; the pointer is passed as socketp
 * to the next callbacks for that fd; the last call wins and NULL clears it.
 * BEHAVIOUR.md items 39, 47, 81, 82, 83, 84. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>
#include <unistd.h>

#include "support/conf.h"

static int other;

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int p[2], i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  if (pipe(p) != 0) return 1;
  printf("assign(pipe fd) = %d\n", (int)curl_multi_assign(m, p[0], &other));
  printf("assign(-1) = %d\n", (int)curl_multi_assign(m, -1, &other));
  x = conf_xfer_new("e1", conf_url("/a"));
  x->print_headers = 0;
  conf_loop_options(l)->assign_on_announce = 1;
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  conf_loop_options(l)->assign_on_announce = 0;
  printf("assign(s1, NULL) = %d\n", (int)curl_multi_assign(m, conf_sock_fd(1), NULL));
  printf("assign(s1, other) = %d\n", (int)curl_multi_assign(m, conf_sock_fd(1), &other));
  /* step until the socket is watched for IN */
  for (i = 0; i < 100 && conf_loop_what(l, 1) != CURL_POLL_IN && conf_loop_running(l); ++i)
    conf_loop_step(l, 50);
  printf("assign(s1, NULL) again = %d\n", (int)curl_multi_assign(m, conf_sock_fd(1), NULL));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 0);
  printf("assign(s1) after REMOVE = %d\n", (int)curl_multi_assign(m, conf_sock_fd(1), &other));
  printf("assign(pipe fd) again = %d\n", (int)curl_multi_assign(m, p[0], NULL));
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
