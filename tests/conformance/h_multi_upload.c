/* An upload of unknown size (chunked PUT from a read callback, Expect: 100-continue) in
 * event mode: the socket announcements while sending the head, waiting for 100, sending
 * the body and reading the answer; the read callback calls; one DONE message; the bytes
 * the server decoded (log). READFUNCTION uploads, multi-socket variant (issue 4). */
/* server: scripts/h_multi_upload.script */
/* loops: epoll poll */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int reads;

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  (void)u;
  (void)sz;
  (void)n;
  ++reads;
  printf("read callback %d\n", reads);
  if (reads > 2) return 0;
  memcpy(buf, reads == 1 ? "part one;" : "part two", reads == 1 ? 9 : 8);
  return reads == 1 ? 9 : 8;
}

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
  x = conf_xfer_new("up", conf_url("/put"));
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  {
    CURLMcode rc = conf_loop_run(l, 5000);
    printf("run = %d running=%d watched=%d\n", (int)rc, conf_loop_running(l), conf_loop_watched(l));
  }
  conf_xfer_print(x);
  conf_drain_messages(m, 0);
  conf_print_info(x->easy, "up");
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
