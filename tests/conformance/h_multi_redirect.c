/* A followed redirect in event mode: the redirect and its target on one kept-alive
 * connection; the socket stays announced between the two requests (no REMOVE until the
 * end), one DONE message, REDIRECT_COUNT 1, the redirect's body not delivered.
 * Redirects, multi-socket variant (issue 4). */
/* server: scripts/h_multi_redirect.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->coarse_timers = 1;
  conf_loop_options(l)->collapse_timers = 1;
  x = conf_xfer_new("r", conf_url("/start"));
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  {
    CURLMcode rc = conf_loop_run(l, 5000);
    printf("run = %d running=%d watched=%d\n", (int)rc, conf_loop_running(l), conf_loop_watched(l));
  }
  conf_xfer_print(x);
  conf_drain_messages(m, 0);
  conf_print_info(x->easy, "r");
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
