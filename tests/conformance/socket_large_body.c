/* Large bodies in event mode: 4 MB in one burst from mcurl_httpd, with the level-
 * triggered loop and with an edge-triggered epoll loop (the transfer must complete even
 * though the loop never re-polls a socket that still has data), chunked too; no run of
 * 0 ms timer calls without I/O. BEHAVIOUR.md items 53, 127, 131. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void one(CURLM *m, conf_loop *l, const char *name, const char *path) {
  conf_xfer *x = conf_xfer_new(name, conf_url(path));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  conf_loop_run(l, 20000);
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
  one(m, l, "level", "/bytes/4000000");
  one(m, l, "chunked", "/chunked/1000000");
  if (conf_loop_kind() == CONF_LOOP_EPOLL) conf_loop_options(l)->edge_triggered = 1;
  /* the poll loop runs the same transfers again, so both loops print the same lines */
  one(m, l, "edge", "/bytes/4000000");
  one(m, l, "edgechunked", "/chunked/1000000");
  printf("0 ms timer storm: %s\n", conf_loop_options(l)->max_zero_timer_run > 5 ? "yes" : "no");
  printf("~ longest 0 ms run %d\n", conf_loop_options(l)->max_zero_timer_run);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
