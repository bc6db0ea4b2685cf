/* curl_easy_cleanup on a handle still added to a multi, while its response is half
 * received: it is removed implicitly (its socket REMOVEd), the multi goes on, and the
 * next transfer to the same host never sees the abandoned bytes: it uses a new
 * connection and gets its own answer. BEHAVIOUR.md items 25, 34, 133.
 * mcurl only, self-checking: libcurl 7.88.1 has the bug of item 133 (curl issue
 * #17578): it puts the half-read connection back in the pool and sends the next request
 * on it, which then waits for an answer that never comes. */
/* server: scripts/partial_then_200.script */
/* loops: epoll poll */
/* mcurl-only */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x, *y;
  int i, running = -5;
  long conns = -1;
  CURLMsg *msg;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  x = conf_xfer_new("e1", conf_url("/partial"));
  curl_multi_add_handle(m, x->easy);
  conf_loop_kick(l);
  for (i = 0; i < 100 && x->body_bytes == 0; ++i) conf_loop_step(l, 20);
  printf("e1 got %lu bytes; easy_cleanup without remove\n", (unsigned long)x->body_bytes);
  conf_xfer_free(x);
  if (conf_loop_watched(l) != 0) printf("FAIL: %d sockets still watched\n", conf_loop_watched(l));
  curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  if (running != 0) printf("FAIL: running=%d after the implicit remove\n", running);
  y = conf_xfer_new("e2", conf_url("/next"));
  y->print_body = 1;
  curl_easy_setopt(y->easy, CURLOPT_TIMEOUT_MS, 3000L);
  curl_multi_add_handle(m, y->easy);
  conf_loop_run(l, 5000);
  msg = curl_multi_info_read(m, &i);
  if (!msg || msg->data.result != CURLE_OK) printf("FAIL: e2 did not succeed\n");
  curl_easy_getinfo(y->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("e2 num_connects=%ld\n", conns);
  if (conns != 1) printf("FAIL: e2 should use a new connection\n");
  if (y->body_bytes != 2) printf("FAIL: e2 body %lu bytes, want 2\n", (unsigned long)y->body_bytes);
  curl_multi_remove_handle(m, y->easy);
  conf_xfer_free(y);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
