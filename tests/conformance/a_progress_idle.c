/* The progress callback over an idle period, event-driven: the server is silent for
 * 1 s after the request. libcurl sets no timer just to call the progress callback: the
 * application is woken only a few times in that second, and the xferinfo callback runs
 * only from inside the application's calls into libcurl (never from another thread,
 * never while the application waits). BEHAVIOUR.md item 72. */
/* server: scripts/answer_1s.script */
/* loops: epoll poll */
#include <stdio.h>
#include <pthread.h>

#include "support/conf.h"

static int g_inside; /* the application is inside a libcurl call */
static int g_calls, g_outside, g_other_thread;
static pthread_t g_main;

static int xferinfo(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  (void)u;
  (void)dt;
  (void)dn;
  (void)ut;
  (void)un;
  g_calls++;
  if (!g_inside) g_outside++;
  if (!pthread_equal(pthread_self(), g_main)) g_other_thread++;
  return 0;
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_loop *l;
  conf_xfer *x;
  int steps = 0, timers;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  g_main = pthread_self();
  m = curl_multi_init();
  l = conf_loop_new(m, conf_loop_kind());
  conf_loop_options(l)->print_sockets = 0;
  conf_loop_options(l)->print_timers = 0;
  x = conf_xfer_new("e1", conf_url("/idle"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, xferinfo);
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  g_inside = 1;
  curl_multi_add_handle(m, x->easy);
  conf_loop_kick(l);
  g_inside = 0;
  /* Steps: the loop waits (outside libcurl) then acts (inside); g_inside marks the
   * action part only approximately, so the wait is done here with the flag clear. */
  while (conf_loop_running(l) && steps < 200) {
    steps++;
    g_inside = 1;
    conf_loop_step(l, 2000);
    g_inside = 0;
  }
  timers = conf_loop_timer_calls(l);
  printf("done: running=%d\n", conf_loop_running(l));
  printf("xferinfo called: %s, outside libcurl calls: %d, from another thread: %d\n",
         g_calls > 0 ? "yes" : "no", g_outside, g_other_thread);
  printf("loop steps over the idle second: %s\n", steps <= 6 ? "few (<= 6)" : "many");
  printf("timer callbacks: %s\n", timers <= 5 ? "few (<= 5)" : "many");
  printf("~ steps %d timer calls %d xferinfo calls %d\n", steps, timers, g_calls);
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
