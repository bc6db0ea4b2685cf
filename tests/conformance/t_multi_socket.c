/* TLS in event mode (curl_multi_socket_action): 10 concurrent https transfers (1 KiB and
 * 1 MiB, two of them to the untrusted server so that failures and successes mix), then
 * the 1 MiB file with an edge-triggered epoll loop, which never re-polls a socket libcurl
 * left decrypted-but-undelivered bytes on (BEHAVIOUR.md item 127: TLS stall), plain and
 * gzip-encoded. Completion order depends on timing, so results print by name. */
/* server: nginx */
/* loops: epoll poll */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

#define N 10

static void concurrent(CURLM *m, conf_loop *l) {
  conf_xfer *x[N];
  CURLcode result[N];
  CURLMsg *msg;
  int i, left, done = 0;
  for (i = 0; i < N; ++i) {
    char name[16];
    const char *block = (i == 3 || i == 7) ? "untrusted" : "good";
    snprintf(name, sizeof name, "c%d", i);
    x[i] = conf_xfer_new(name, conf_nginx_url(block, i % 2 ? "/1m" : "/1k"));
    x[i]->print_headers = 0;
    result[i] = (CURLcode)-1;
    curl_easy_setopt(x[i]->easy, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
    curl_easy_setopt(x[i]->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
    curl_multi_add_handle(m, x[i]->easy);
  }
  printf("loop = %d\n", (int)conf_loop_run(l, 30000));
  while ((msg = curl_multi_info_read(m, &left)) != NULL) {
    for (i = 0; i < N; ++i)
      if (msg->msg == CURLMSG_DONE && msg->easy_handle == x[i]->easy) {
        result[i] = msg->data.result;
        ++done;
      }
  }
  printf("%d messages\n", done);
  for (i = 0; i < N; ++i) {
    long connects = -1;
    curl_easy_getinfo(x[i]->easy, CURLINFO_NUM_CONNECTS, &connects);
    printf("%s result %d, num_connects %ld\n", x[i]->name, (int)result[i], connects);
    conf_xfer_print(x[i]);
    curl_multi_remove_handle(m, x[i]->easy);
    conf_xfer_free(x[i]);
  }
}

static void single(CURLM *m, conf_loop *l, const char *name, const char *block,
                   const char *encoding) {
  conf_xfer *x = conf_xfer_new(name, conf_nginx_url(block, "/1m"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
  curl_easy_setopt(x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (encoding) curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, encoding);
  /* A fresh connection, so that the handshake happens under the edge-triggered loop. */
  curl_easy_setopt(x->easy, CURLOPT_FRESH_CONNECT, 1L);
  curl_multi_add_handle(m, x->easy);
  printf("loop = %d\n", (int)conf_loop_run(l, 20000));
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_sockets = 0;
  conf_loop_options(l)->print_timers = 0;
  concurrent(m, l);
  if (conf_loop_kind() == CONF_LOOP_EPOLL) conf_loop_options(l)->edge_triggered = 1;
  /* the poll loop runs the same transfers level-triggered, so both print the same */
  single(m, l, "edge", "good", NULL);
  single(m, l, "edge_tls12", "tls12", NULL);
  single(m, l, "edge_gzip", "gzip_https", "");
  /* 7.88.1 keeps data it decrypted but did not deliver moving with 0 ms timers (runs of
   * about 10 here); a library that needs fewer is no worse, so this is informational. */
  printf("~ longest 0 ms run %d\n", conf_loop_options(l)->max_zero_timer_run);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
