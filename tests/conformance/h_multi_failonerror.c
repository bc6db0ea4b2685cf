/* FAILONERROR in event mode: the 404 ends the transfer with CURLE_HTTP_RETURNED_ERROR
 * (one DONE message), its socket is REMOVEd and the connection closed, so the next
 * transfer on the multi connects again (a new socket, NUM_CONNECTS 1).
 * FAILONERROR with 400+ codes, multi-socket variant (issue 4). */
/* server: scripts/h_multi_failonerror.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->coarse_timers = 1;
  conf_loop_options(l)->collapse_timers = 1;
  for (i = 0; i < 2; ++i) {
    x = conf_xfer_new(i == 0 ? "fail" : "next", conf_url(i == 0 ? "/missing" : "/ok"));
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 1L);
    printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
    conf_loop_kick(l);
    {
      CURLMcode rc = conf_loop_run(l, 5000);
      printf("run = %d running=%d watched=%d\n", (int)rc, conf_loop_running(l),
             conf_loop_watched(l));
    }
    conf_xfer_print(x);
    conf_drain_messages(m, 0);
    conf_print_info(x->easy, x->name);
    printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
    conf_xfer_free(x);
  }
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
