/* curl_multi_wait / curl_multi_poll with extra_fds while a transfer waits for its
 * answer (the server is silent for 1 s): a readable extra pipe returns at once with
 * numfds 1 and revents CURL_WAIT_POLLIN; a writable one with POLLOUT; an extra fd with
 * no events and one that is -1 are ignored (revents 0); a curl_multi_wakeup before
 * curl_multi_poll returns at once (numfds counts the wakeup); with nothing ready the
 * wait ends at libcurl's own next timeout, and the extra fds' revents are left as the
 * application set them (7.88.1 copies revents only when poll() reported events); the
 * transfer completes. BEHAVIOUR.md items 107, 111, 112. */
/* server: scripts/answer_1s.script */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "support/conf.h"

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void show(const char *label, CURLMcode rc, int n, struct curl_waitfd *w, int nw,
                 long long t0) {
  int i;
  long long took = now_ms() - t0;
  printf("%s: rc=%d numfds=%d revents:", label, (int)rc, n);
  for (i = 0; i < nw; ++i) printf(" 0x%x", (unsigned)w[i].revents);
  printf(" %s\n", took < 300 ? "at once" : "after waiting");
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  int p[2], running = 1, n, i;
  struct curl_waitfd w[3];
  long long t0;
  char c;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (pipe(p)) return 1;
  m = curl_multi_init();
  x = conf_xfer_new("e1", conf_url("/w"));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  /* Connect and send the request. */
  for (i = 0; i < 20; ++i) {
    long code = 0;
    curl_multi_perform(m, &running);
    curl_easy_getinfo(x->easy, CURLINFO_REQUEST_SIZE, &code);
    if (code > 0) break;
    curl_multi_wait(m, NULL, 0, 50, &n);
  }
  w[0].fd = p[0];
  w[0].events = CURL_WAIT_POLLIN;
  w[1].fd = p[1];
  w[1].events = 0;
  w[2].fd = -1;
  w[2].events = CURL_WAIT_POLLIN;
  if (write(p[1], "x", 1) != 1) return 1;
  w[0].revents = w[1].revents = w[2].revents = 0x77;
  t0 = now_ms();
  show("readable pipe, wait", curl_multi_wait(m, w, 3, 2000, &n), n, w, 3, t0);
  w[0].revents = w[1].revents = w[2].revents = 0x77;
  t0 = now_ms();
  show("readable pipe, poll", curl_multi_poll(m, w, 3, 2000, &n), n, w, 3, t0);
  if (read(p[0], &c, 1) != 1) return 1;
  w[0].fd = p[1];
  w[0].events = CURL_WAIT_POLLOUT;
  t0 = now_ms();
  show("writable pipe", curl_multi_wait(m, w, 1, 2000, &n), n, w, 1, t0);
  curl_multi_wakeup(m);
  t0 = now_ms();
  show("after wakeup, poll", curl_multi_poll(m, NULL, 0, 2000, &n), n, w, 0, t0);
  w[0].fd = p[0];
  w[0].events = CURL_WAIT_POLLIN;
  w[0].revents = 0x77;
  t0 = now_ms();
  show("nothing ready, wait", curl_multi_wait(m, w, 1, 3000, &n), n, w, 1, t0);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  close(p[0]);
  close(p[1]);
  curl_global_cleanup();
  return 0;
}
