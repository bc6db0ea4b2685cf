/* One easy handle through easy -> multi -> easy: curl_easy_perform, then added to a multi
 * (curl_easy_perform on it answers CURLE_FAILED_INIT while added), run and removed, then
 * curl_easy_perform again; options set after add_handle and before the transfer starts
 * take effect. BEHAVIOUR.md items 28, 78, 104, 105. */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  int running = 1, n, i;
  long conns = -1;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("e", conf_url("/bytes/5"));
  x->print_body = 1;
  x->print_headers = 0;
  printf("easy perform = %d\n", (int)curl_easy_perform(x->easy));
  m = curl_multi_init();
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  printf("easy perform while added = %d\n", (int)curl_easy_perform(x->easy));
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/echo"));
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "set after add");
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  conf_drain_messages(m, 1);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("num_connects in the multi=%ld\n", conns);
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/7"));
  curl_easy_setopt(x->easy, CURLOPT_HTTPGET, 1L);
  printf("easy perform after remove = %d\n", (int)curl_easy_perform(x->easy));
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("num_connects=%ld\n", conns);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_xfer_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
