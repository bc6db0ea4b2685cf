/* Keep-alive reuse in event mode: the socket is REMOVEd when its transfer ends and the
 * connection goes idle in the pool; a second transfer to the same host is announced
 * again on the same fd with socketp NULL (the assigned pointer is forgotten), and it
 * makes no new connection.
 * BEHAVIOUR.md items 18, 43, 45, 46, 47, 81, 84, 123, 124, 125. */
/* server: scripts/keepalive2.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

static void one(CURLM *m, conf_loop *l, const char *name) {
  conf_xfer *x = conf_xfer_new(name, conf_url("/k"));
  x->print_headers = 0;
  x->print_body = 1;
  printf("add %s = %d\n", name, (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  printf("watched after %s: %d\n", name, conf_loop_watched(l));
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  {
    long n = -1;
    curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &n);
    printf("%s num_connects=%ld\n", name, n);
  }
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->assign_on_announce = 1;
  one(m, l, "e1");
  printf("assign on the idle socket = %d\n", (int)curl_multi_assign(m, conf_sock_fd(1), NULL));
  one(m, l, "e2");
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  printf("socket calls=%d\n", conf_loop_socket_calls(l));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
