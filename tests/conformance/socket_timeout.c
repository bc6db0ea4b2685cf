/* A silent server and CURLOPT_TIMEOUT_MS: in event mode the transfer ends with
 * CURLE_OPERATION_TIMEDOUT purely through timer expiry, on time; the socket is
 * REMOVEd and the timer deleted. Also CURLOPT_CONNECTTIMEOUT_MS does not fire once
 * connected. BEHAVIOUR.md items 65, 73, 86, 130. */
/* server: scripts/hold.script */
/* loops: epoll poll */
#include <stdio.h>
#include <sys/time.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  struct timeval t0, t1;
  long ms;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->coarse_timers = 1;
  conf_loop_options(l)->collapse_timers = 1;
  x = conf_xfer_new("e1", conf_url("/silent"));
  curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 400L);
  curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT_MS, 100L);
  gettimeofday(&t0, NULL);
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_run(l, 5000);
  gettimeofday(&t1, NULL);
  ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_usec - t0.tv_usec) / 1000;
  printf("ended %s\n", ms < 390 ? "too early" : ms > 600 ? "too late" : "on time");
  printf("~ after %ld ms\n", ms);
  conf_drain_messages(m, 1);
  conf_print_info(x->easy, "e1");
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
