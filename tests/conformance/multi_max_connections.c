/* CURLMOPT_MAX_TOTAL_CONNECTIONS 1: three transfers to one host are queued and run one
 * after another on one connection (running counts the queued ones, NUM_CONNECTS 1, 0,
 * 0); removing a queued handle leaves no dangling entry. CURLMOPT_MAXCONNECTS 1 with two
 * concurrent connections keeps only one idle: of the next two sequential transfers one
 * reuses, one connects. BEHAVIOUR.md items 29, 46, 58, 117. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x[4];
  int i;
  long c;
  char name[8];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_timers = 0;
  printf("MAX_TOTAL_CONNECTIONS = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, 1L));
  for (i = 0; i < 4; ++i) {
    snprintf(name, sizeof name, "q%d", i + 1);
    x[i] = conf_xfer_new(name, conf_url("/slow/30"));
    x[i]->print_headers = 0;
    curl_multi_add_handle(m, x[i]->easy);
  }
  conf_loop_kick(l);
  printf("remove queued q4 = %d\n", (int)curl_multi_remove_handle(m, x[3]->easy));
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  for (i = 0; i < 4; ++i) {
    c = -1;
    curl_easy_getinfo(x[i]->easy, CURLINFO_NUM_CONNECTS, &c);
    printf("%s num_connects=%ld\n", x[i]->name, c);
    conf_xfer_free(x[i]);
  }
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);

  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_timers = 0;
  printf("MAXCONNECTS = %d\n", (int)curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 1L));
  x[0] = conf_xfer_new("c1", conf_url("/slow/20"));
  x[1] = conf_xfer_new("c2", conf_url("/slow/150"));
  x[0]->print_headers = x[1]->print_headers = 0;
  curl_multi_add_handle(m, x[0]->easy);
  curl_multi_add_handle(m, x[1]->easy);
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 1);
  for (i = 2; i < 4; ++i) {
    snprintf(name, sizeof name, "c%d", i + 1);
    x[i] = conf_xfer_new(name, conf_url("/slow/20"));
    x[i]->print_headers = 0;
    curl_multi_add_handle(m, x[i]->easy);
    conf_loop_run(l, 5000);
    conf_drain_messages(m, 1);
  }
  for (i = 0; i < 4; ++i) {
    c = -1;
    curl_easy_getinfo(x[i]->easy, CURLINFO_NUM_CONNECTS, &c);
    printf("%s num_connects=%ld\n", x[i]->name, c);
    conf_xfer_free(x[i]);
  }
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
