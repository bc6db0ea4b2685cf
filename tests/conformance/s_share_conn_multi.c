/* A connection share (CURL_LOCK_DATA_CONNECT) across curl_easy_perform and two multi
 * handles driven by socket_action: the connection e1 made with curl_easy_perform serves
 * e2 in multi A, then e3 in multi B. Each multi's socket callback hears about the socket
 * only while its own transfer uses it (announced when the transfer takes the idle
 * connection, CURL_POLL_REMOVE when it is done); no callback runs for it while idle, nor
 * when a multi or the share ends. Reuse shows as no new connect and the same local
 * port. */
/* server: httpd */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

static long local_port(CURL *e) {
  long p = 0;
  curl_easy_getinfo(e, CURLINFO_LOCAL_PORT, &p);
  return p;
}

static long connects(CURL *e) {
  long n = -1;
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &n);
  return n;
}

static void run_in(const char *name, CURLM *m, conf_loop *l, conf_xfer *x, long port1) {
  printf("%s: add=%d\n", name, (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 0);
  printf("%s: watched after done=%d\n", name, conf_loop_watched(l));
  printf("%s: remove=%d\n", name, (int)curl_multi_remove_handle(m, x->easy));
  printf("%s: %s connects=%ld same local port as e1: %s\n", name, x->name, connects(x->easy),
         local_port(x->easy) == port1 ? "yes" : "no");
}

int main(int argc, char **argv) {
  CURLSH *sh;
  CURLM *ma, *mb;
  conf_loop *la, *lb;
  conf_xfer *x1, *x2, *x3;
  long port1;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  sh = curl_share_init();
  printf("SHARE CONNECT=%d\n", (int)curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT));
  x1 = conf_xfer_new("e1", conf_url("/bytes/10"));
  /* Answers that come a little later, so that each multi waits on the socket. */
  x2 = conf_xfer_new("e2", conf_url("/slow/100"));
  x3 = conf_xfer_new("e3", conf_url("/slow/150"));
  x1->print_headers = x2->print_headers = x3->print_headers = 0;
  curl_easy_setopt(x1->easy, CURLOPT_SHARE, sh);
  curl_easy_setopt(x2->easy, CURLOPT_SHARE, sh);
  curl_easy_setopt(x3->easy, CURLOPT_SHARE, sh);
  ma = curl_multi_init();
  mb = curl_multi_init();
  la = conf_loop_new(ma, conf_loop_kind());
  lb = conf_loop_new(mb, conf_loop_kind());
  conf_loop_options(la)->print_timers = 0;
  conf_loop_options(lb)->print_timers = 0;
  printf("e1 perform=%d", (int)curl_easy_perform(x1->easy));
  printf(" connects=%ld\n", connects(x1->easy));
  port1 = local_port(x1->easy);
  run_in("A", ma, la, x2, port1);
  run_in("B", mb, lb, x3, port1);
  /* Back in multi A with the same handle: the connection comes back from B's use. */
  run_in("A", ma, la, x2, port1);
  conf_xfer_print(x1);
  conf_xfer_print(x2);
  conf_xfer_print(x3);
  printf("multi A cleanup=%d\n", (int)curl_multi_cleanup(ma));
  printf("share cleanup while used=%d\n", (int)curl_share_cleanup(sh));
  conf_xfer_free(x1);
  conf_xfer_free(x2);
  conf_xfer_free(x3);
  printf("share cleanup=%d\n", (int)curl_share_cleanup(sh));
  printf("multi B cleanup=%d\n", (int)curl_multi_cleanup(mb));
  conf_loop_free(la);
  conf_loop_free(lb);
  curl_global_cleanup();
  return 0;
}
