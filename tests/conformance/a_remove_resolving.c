/* Removing a handle while its name is being resolved. A name that is not an IP literal
 * ("localhost", as the URL host, not in CURLOPT_RESOLVE) goes to 7.88.1's threaded
 * resolver (CURLOPT_DNS_CACHE_TIMEOUT 0: every time), so right after the kickstart the
 * transfer is usually still resolving (whether the answer is already in depends on
 * timing, so the socket callbacks are only counted). 7.88.1 announces its resolver's
 * socketpair and REMOVEs it after closing it; a loop that checks that (conf_loop) flags
 * it, so this case uses plain counting callbacks. remove_handle then answers OK at once, leaves
 * nothing watched, no timer and no message, 20 times over; the same handle then runs to completion,
 * and curl_multi_cleanup / curl_easy_cleanup with a resolve in flight return promptly. BEHAVIOUR.md
 * item 29. */
/* server: httpd */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>

#include "support/conf.h"

static int g_watched, g_timer = -1;

static int sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  (void)e;
  (void)s;
  (void)u;
  if (what == CURL_POLL_REMOVE)
    g_watched--;
  else if (!sp) {
    g_watched++;
    curl_multi_assign((CURLM *)u, s, &g_watched);
  }
  return 0;
}

static int timer_cb(CURLM *m, long ms, void *u) {
  (void)m;
  (void)u;
  g_timer = ms < 0 ? -1 : 1;
  return 0;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  CURL *e2;
  char url[128];
  int i, bad_rc = 0, msgs = 0, watched = 0, timers = 0, n;
  long long t0, slowest = 0;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  snprintf(url, sizeof url, "http://localhost:%d/bytes/100", conf_port());
  m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, sock_cb);
  curl_multi_setopt(m, CURLMOPT_SOCKETDATA, m);
  curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, timer_cb);
  x = conf_xfer_new("e1", url);
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_DNS_CACHE_TIMEOUT, 0L);
  curl_easy_setopt(x->easy, CURLOPT_FRESH_CONNECT, 1L);
  for (i = 0; i < 20; ++i) {
    int running = -1;
    t0 = now_ms();
    if (curl_multi_add_handle(m, x->easy) != CURLM_OK) bad_rc++;
    if (curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running) != CURLM_OK) bad_rc++;
    if (running != 1) bad_rc++;
    if (curl_multi_remove_handle(m, x->easy) != CURLM_OK) bad_rc++;
    if (now_ms() - t0 > slowest) slowest = now_ms() - t0;
    while (curl_multi_info_read(m, &n)) msgs++;
    watched += g_watched;
    if (g_timer != -1) timers++;
  }
  printf("20 add/kick/remove: bad codes %d, messages %d, sockets left watched %d, timers left %d\n",
         bad_rc, msgs, watched, timers);
  printf("remove returned promptly: %s\n", slowest < 1000 ? "yes" : "no");
  /* The same handle, run to the end. */
  curl_multi_add_handle(m, x->easy);
  n = 1;
  for (i = 0; i < 1000 && n; ++i) {
    int k;
    curl_multi_perform(m, &n);
    if (n) curl_multi_wait(m, NULL, 0, 100, &k);
  }
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  printf("watched after the transfer: %d, timer %d\n", g_watched, g_timer);
  /* Remove before any action: the resolve never started. */
  printf("add=%d", (int)curl_multi_add_handle(m, x->easy));
  printf(" remove before the kickstart=%d\n", (int)curl_multi_remove_handle(m, x->easy));
  /* multi_cleanup and easy_cleanup with a resolve in flight. */
  e2 = curl_easy_init();
  curl_easy_setopt(e2, CURLOPT_URL, url);
  curl_easy_setopt(e2, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e2, CURLOPT_DNS_CACHE_TIMEOUT, 0L);
  curl_easy_setopt(e2, CURLOPT_FRESH_CONNECT, 1L);
  curl_multi_add_handle(m, e2);
  curl_multi_add_handle(m, x->easy);
  curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &n);
  t0 = now_ms();
  curl_easy_cleanup(e2);
  printf("easy_cleanup while resolving: %s\n", now_ms() - t0 < 1000 ? "prompt" : "slow");
  t0 = now_ms();
  printf("multi_cleanup while resolving=%d", (int)curl_multi_cleanup(m));
  printf(" %s\n", now_ms() - t0 < 1000 ? "prompt" : "slow");
  x->body_bytes = 0;
  printf("perform after the multi is gone=%d", (int)curl_easy_perform(x->easy));
  printf(" body %lu\n", (unsigned long)x->body_bytes);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
