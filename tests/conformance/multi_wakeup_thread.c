/* curl_multi_wakeup from another thread wakes a curl_multi_poll that would otherwise
 * sleep for seconds; several wakeups coalesce into one early return.
 * BEHAVIOUR.md items 107, 112. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

#include "support/conf.h"

static CURLM *g_m;

static void *waker(void *arg) {
  (void)arg;
  usleep(100000);
  curl_multi_wakeup(g_m);
  return NULL;
}

static long since(struct timeval *t0) {
  struct timeval t1;
  gettimeofday(&t1, NULL);
  return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_usec - t0->tv_usec) / 1000;
}

int main(int argc, char **argv) {
  pthread_t t;
  struct timeval t0;
  int n = -5, i;
  long ms;
  CURLMcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  g_m = curl_multi_init();
  pthread_create(&t, NULL, waker, NULL);
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(g_m, NULL, 0, 5000, &n);
  ms = since(&t0);
  printf("poll woken by thread = %d numfds=%d %s\n", (int)rc, n,
         ms < 50     ? "too early"
         : ms > 2000 ? "not woken"
                     : "woken");
  pthread_join(t, NULL);
  for (i = 0; i < 3; ++i) curl_multi_wakeup(g_m);
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(g_m, NULL, 0, 1000, &n);
  printf("poll after 3 wakeups = %d %s\n", (int)rc, since(&t0) < 50 ? "at once" : "slept");
  gettimeofday(&t0, NULL);
  rc = curl_multi_poll(g_m, NULL, 0, 200, &n);
  printf("next poll = %d %s\n", (int)rc, since(&t0) < 50 ? "at once" : "slept");
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(g_m));
  curl_global_cleanup();
  return 0;
}
