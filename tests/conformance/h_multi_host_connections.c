/* CURLMOPT_MAX_HOST_CONNECTIONS 1 with three transfers to one host driven by
 * curl_multi_perform/curl_multi_poll: they run one after another on one connection
 * (NUM_CONNECTS 1, 0, 0), DONE messages in the order added, running counts the queued
 * ones; then MAX_HOST_CONNECTIONS 2 with three: the idle connection and one new one
 * (one more connect).
 * Connection limits with pending transfers (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static void round_of(CURLM *m, long limit) {
  conf_xfer *x[3];
  int i, running = -1, steps = 0;
  char name[8];
  long total = 0;
  printf("== limit %ld\n", limit);
  curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, limit);
  for (i = 0; i < 3; ++i) {
    snprintf(name, sizeof name, "t%d", i + 1);
    x[i] = conf_xfer_new(name, conf_url("/slow/50"));
    x[i]->print_headers = 0;
    curl_multi_add_handle(m, x[i]->easy);
  }
  curl_multi_perform(m, &running);
  printf("after first perform: running %d\n", running);
  while (running > 0 && steps < 2000) {
    curl_multi_poll(m, NULL, 0, 100, NULL);
    curl_multi_perform(m, &running);
    ++steps;
    if (limit == 1) conf_drain_messages(m, 0);
  }
  if (limit != 1) {
    /* Two transfers run at once: which ends first is timing; count the messages. */
    int left = 0, n = 0;
    CURLMsg *msg;
    while ((msg = curl_multi_info_read(m, &left)) != NULL)
      if (msg->msg == CURLMSG_DONE && msg->data.result == CURLE_OK) ++n;
    printf("%d DONE messages with CURLE_OK\n", n);
  }
  for (i = 0; i < 3; ++i) {
    long c = -1;
    curl_easy_getinfo(x[i]->easy, CURLINFO_NUM_CONNECTS, &c);
    total += c;
    if (limit == 1) printf("%s num_connects %ld\n", x[i]->name, c);
    conf_xfer_print(x[i]);
    curl_multi_remove_handle(m, x[i]->easy);
    conf_xfer_free(x[i]);
  }
  printf("connects in total: %ld\n", total);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  round_of(m, 1);
  round_of(m, 2);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
