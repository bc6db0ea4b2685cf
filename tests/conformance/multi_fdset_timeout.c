/* curl_multi_fdset and curl_multi_timeout during a transfer driven by perform + select:
 * fdset offers the transfer's socket (max_fd >= 0) and only adds bits, timeout is 0
 * right after add and -1 when all is done; a poll-less app loop with select() completes
 * the transfer. BEHAVIOUR.md items 114, 115, 116. */
/* server: scripts/get_200.script */
#include <stdio.h>
#include <sys/select.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  int running = 1, maxfd, i, seen_fd = 0, own_kept = 1;
  long t = -5;
  fd_set r, w, e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  x = conf_xfer_new("e1", conf_url("/fd"));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  curl_multi_timeout(m, &t);
  printf("timeout after add: %s\n", conf_bucket(t));
  for (i = 0; i < 500 && running; ++i) {
    struct timeval tv;
    curl_multi_perform(m, &running);
    if (!running) break;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&e);
    FD_SET(0, &r); /* the application's own fd stays set */
    maxfd = -5;
    curl_multi_fdset(m, &r, &w, &e, &maxfd);
    if (!FD_ISSET(0, &r)) own_kept = 0;
    FD_CLR(0, &r);
    if (maxfd >= 0) seen_fd = 1;
    curl_multi_timeout(m, &t);
    tv.tv_sec = 0;
    tv.tv_usec = (t < 0 || t > 100 ? 100 : t) * 1000;
    select(maxfd + 1, &r, &w, &e, &tv);
  }
  printf("running=%d fdset offered a socket: %s, own bit kept: %s\n", running,
         seen_fd ? "yes" : "no", own_kept ? "yes" : "no");
  curl_multi_timeout(m, &t);
  printf("timeout when done: %ld\n", t);
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&e);
  maxfd = -5;
  curl_multi_fdset(m, &r, &w, &e, &maxfd);
  printf("fdset when done: max_fd=%d\n", maxfd);
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  curl_global_cleanup();
  return 0;
}
