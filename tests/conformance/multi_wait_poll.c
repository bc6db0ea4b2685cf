/* curl_multi_wait / curl_multi_poll without transfers: a negative timeout is
 * CURLM_BAD_FUNCTION_ARGUMENT; wait returns at once with nothing to wait on, poll sleeps
 * the timeout; extra_fds are polled and revents filled, numfds counts them; a wakeup
 * makes the next poll return at once and has no effect on wait; fdset adds no bits and
 * sets max_fd -1 and leaves the sets alone; timeout is -1.
 * BEHAVIOUR.md items 107, 111, 112, 114, 115. */
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

#include "support/conf.h"

static long elapsed_since(struct timeval *t0) {
  struct timeval t1;
  gettimeofday(&t1, NULL);
  return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_usec - t0->tv_usec) / 1000;
}

static const char *span(long ms) { return ms < 50 ? "at once" : ms < 1000 ? "slept" : "too long"; }

int main(int argc, char **argv) {
  CURLM *m;
  struct curl_waitfd extra[2];
  struct timeval t0;
  int p[2], n = -5, maxfd = -5;
  long t = -5;
  fd_set r, w, x;
  CURLMcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  if (pipe(p) != 0) return 1;
  printf("wait(-1) = %d\n", (int)curl_multi_wait(m, NULL, 0, -1, &n));
  printf("poll(-1) = %d\n", (int)curl_multi_poll(m, NULL, 0, -1, &n));
  gettimeofday(&t0, NULL);
  rc = curl_multi_wait(m, NULL, 0, 300, &n);
  printf("wait(300) empty = %d numfds=%d %s\n", (int)rc, n, span(elapsed_since(&t0)));
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(m, NULL, 0, 200, &n);
  printf("poll(200) empty = %d numfds=%d %s\n", (int)rc, n, span(elapsed_since(&t0)));
  printf("wait(NULL numfds) = %d\n", (int)curl_multi_wait(m, NULL, 0, 0, NULL));
  extra[0].fd = p[0];
  extra[0].events = CURL_WAIT_POLLIN;
  extra[0].revents = 0x55;
  extra[1].fd = p[1];
  extra[1].events = CURL_WAIT_POLLOUT;
  extra[1].revents = 0x55;
  gettimeofday(&t0, NULL);
  rc = curl_multi_wait(m, extra, 2, 300, &n);
  printf("wait(extra: idle pipe, writable end) = %d numfds=%d revents=%d,%d %s\n", (int)rc, n,
         extra[0].revents, extra[1].revents, span(elapsed_since(&t0)));
  if (write(p[1], "x", 1) != 1) return 1;
  extra[1].events = 0;
  rc = curl_multi_poll(m, extra, 2, 300, &n);
  printf("poll(extra: readable pipe) = %d numfds=%d revents=%d,%d\n", (int)rc, n, extra[0].revents,
         extra[1].revents);
  printf("wakeup = %d\n", (int)curl_multi_wakeup(m));
  printf("wakeup again = %d\n", (int)curl_multi_wakeup(m));
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(m, NULL, 0, 500, &n);
  printf("poll after wakeups = %d numfds=%d %s\n", (int)rc, n, span(elapsed_since(&t0)));
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(m, NULL, 0, 200, &n);
  printf("poll once more (coalesced) = %d numfds=%d %s\n", (int)rc, n, span(elapsed_since(&t0)));
  printf("wakeup = %d\n", (int)curl_multi_wakeup(m));
  gettimeofday(&t0, NULL);
  rc = curl_multi_wait(m, NULL, 0, 200, &n);
  printf("wait after wakeup = %d numfds=%d %s\n", (int)rc, n, span(elapsed_since(&t0)));
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  FD_SET(p[0], &r);
  rc = curl_multi_fdset(m, &r, &w, &x, &maxfd);
  printf("fdset empty = %d max_fd=%d own bit kept=%d\n", (int)rc, maxfd,
         FD_ISSET(p[0], &r) ? 1 : 0);
  rc = curl_multi_timeout(m, &t);
  printf("timeout empty = %d t=%ld\n", (int)rc, t);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(m));
  curl_global_cleanup();
  return 0;
}
