/* A transfer driven only by curl_multi_socket_all (every socket and timer re-checked on each
 * call) from a poll loop behind the socket and timer
 * callbacks: the announcements are the same as with socket_action; two GETs in a row on
 * one kept-alive connection, then one on a fresh connection, all complete; nothing is
 * left watched. BEHAVIOUR.md items 55, 61. */
/* server: scripts/keepalive2.script */
#include <stdio.h>

#include "support/plain_loop.h"

static void one(CURLM *m, conf_xfer *x, const char *label) {
  printf("%s:\n", label);
  curl_multi_add_handle(m, x->easy);
  plain_loop_run(m, PLAIN_SOCKET_ALL, 5000, 1);
  conf_drain_messages(m, 1);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *a;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  a = conf_xfer_new("e1", conf_url("/one"));
  a->print_body = 1;
  a->print_headers = 0;
  one(m, a, "first");
  one(m, a, "second (reused connection)");
  curl_easy_setopt(a->easy, CURLOPT_FRESH_CONNECT, 1L);
  one(m, a, "third (fresh connection)");
  conf_xfer_print(a);
  printf("watched at the end: %d\n", plain_loop_watched());
  conf_xfer_free(a);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
