/* One easy handle and two multi handles: adding it to the second while it is in the
 * first answers CURLM_ADDED_ALREADY, removing it through the second answers
 * CURLM_BAD_EASY_HANDLE and leaves it in the first (the transfer still completes there);
 * after removal from the first it can be added to the second and run.
 * BEHAVIOUR.md items 11, 20, 22. */
/* server: scripts/keepalive2.script */
#include <stdio.h>

#include "support/conf.h"

static void drive(CURLM *m) {
  int running = 1, n, i;
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
}

int main(int argc, char **argv) {
  CURLM *m1, *m2;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m1 = curl_multi_init();
  m2 = curl_multi_init();
  x = conf_xfer_new("e", conf_url("/m"));
  x->print_body = 1;
  x->print_headers = 0;
  printf("add to m1 = %d\n", (int)curl_multi_add_handle(m1, x->easy));
  printf("add to m1 again = %d\n", (int)curl_multi_add_handle(m1, x->easy));
  printf("add to m2 = %d\n", (int)curl_multi_add_handle(m2, x->easy));
  printf("remove from m2 = %d\n", (int)curl_multi_remove_handle(m2, x->easy));
  drive(m1);
  printf("m1 messages: %d\n", conf_drain_messages(m1, 0));
  printf("m2 messages: %d\n", conf_drain_messages(m2, 0));
  printf("remove from m1 = %d\n", (int)curl_multi_remove_handle(m1, x->easy));
  printf("add to m2 = %d\n", (int)curl_multi_add_handle(m2, x->easy));
  drive(m2);
  printf("m2 messages: %d\n", conf_drain_messages(m2, 1));
  conf_xfer_print(x);
  conf_xfer_free(x);
  printf("cleanup m1 = %d, m2 = %d\n", (int)curl_multi_cleanup(m1), (int)curl_multi_cleanup(m2));
  curl_global_cleanup();
  return 0;
}
