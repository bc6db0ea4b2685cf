/* Pause and unpause in event mode: the write callback returns CURL_WRITEFUNC_PAUSE, the
 * same bytes come again after unpause (delivered from inside curl_easy_pause), pausing
 * the same state again is a no-op, unpause makes a timer update (0) so the loop resumes
 * the transfer without new socket activity, and a paused transfer is not a busy loop.
 * curl_easy_pause on a handle with no connection (not started, done) answers
 * CURLE_BAD_FUNCTION_ARGUMENT. BEHAVIOUR.md items 71, 91, 92, 93, 94, 95, 97, 126. */
/* server: scripts/body_3parts.script */
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
  x->print_body = 1;
  x->pause_at_write = 1;
  printf("pause before start = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_RECV));
  printf("add = %d\n", (int)curl_multi_add_handle(m, x->easy));
  conf_loop_kick(l);
  for (i = 0; i < 200 && x->write_calls == 0; ++i) conf_loop_step(l, 20);
  printf("paused: watched=%d\n", conf_loop_watched(l));
  printf("pause RECV again (same state) = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_RECV));
  /* wait while the rest of the body arrives: the loop must not spin */
  wake0 = conf_loop_wakeups(l);
  conf_loop_run_for(l, 300);
  printf("wakeups while paused: %s\n", conf_loop_wakeups(l) - wake0 < 20 ? "few" : "MANY");
  printf("body bytes while paused: %lu\n", (unsigned long)x->body_bytes);
  printf("unpause = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_CONT));
  printf("body bytes after unpause: %lu\n", (unsigned long)x->body_bytes);
  conf_loop_run(l, 5000);
  conf_drain_messages(m, 0);
  conf_xfer_print(x);
  printf("pause after done = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_RECV));
  printf("remove = %d\n", (int)curl_multi_remove_handle(m, x->easy));
  printf("pause after remove = %d\n", (int)curl_easy_pause(x->easy, CURLPAUSE_RECV));
  conf_xfer_free(x);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
