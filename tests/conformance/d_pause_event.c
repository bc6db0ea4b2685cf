/* BEHAVIOUR.md item 98 in event mode: a gzip body arriving in three parts, paused at the
 * first decoded write. While paused the loop does not spin and nothing is delivered; on
 * unpause, curl_easy_pause itself delivers everything decoded from what was read before
 * the pause, then the transfer resumes without new socket activity and the whole
 * decoded body (1 MiB) arrives. */
/* server: scripts/d_pause_event.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int i, wake0;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->coarse_timers = 1;
  conf_loop_options(l)->collapse_timers = 1;
  x = conf_xfer_new("e1", conf_url("/pause"));
  x->print_headers = 0;
  x->pause_at_write = 1;
  curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, "gzip");
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  for (i = 0; i < 200 && x->write_calls == 0; ++i) conf_loop_step(l, 20);
  wake0 = conf_loop_wakeups(l);
  conf_loop_run_for(l, 400);
  printf("wakeups while paused: %s\n", conf_loop_wakeups(l) - wake0 < 20 ? "few" : "MANY");
  printf("body bytes while paused: %lu\n", (unsigned long)x->body_bytes);
  printf("unpause = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_CONT));
  printf("body bytes after unpause: %lu\n", (unsigned long)x->body_bytes);
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 0);
  conf_xfer_print(x);
  conf_print_info(x->easy, "e1");
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
