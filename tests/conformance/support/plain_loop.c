/* See plain_loop.h. */
#define _GNU_SOURCE
#include "plain_loop.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static struct {
  curl_socket_t fd[16];
  short ev[16];
  int n;
  long timeout;
  long long deadline;
  int print;
} pl;

static long long pl_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int pl_socket(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  int i;
  (void)e;
  (void)u;
  (void)sp;
  if (pl.print) printf("  sock %s %s\n", conf_sock_name(s), conf_what(what));
  for (i = 0; i < pl.n && pl.fd[i] != s; ++i) continue;
  if (what == CURL_POLL_REMOVE) {
    if (i < pl.n) {
      pl.fd[i] = pl.fd[pl.n - 1];
      pl.ev[i] = pl.ev[pl.n - 1];
      pl.n--;
    }
    return 0;
  }
  if (i == pl.n) {
    if (pl.n == 16) return -1;
    pl.fd[pl.n++] = s;
  }
  pl.ev[i] = (short)(((what & CURL_POLL_IN) ? POLLIN : 0) | ((what & CURL_POLL_OUT) ? POLLOUT : 0));
  return 0;
}

static int pl_timer(CURLM *m, long ms, void *u) {
  (void)m;
  (void)u;
  pl.deadline = ms < 0 ? -1 : pl_now() + ms;
  return 0;
}

int plain_loop_watched(void) { return pl.n; }

static CURLMcode dispatch(CURLM *m, int mode, curl_socket_t s, int mask, int *running) {
  if (mode == PLAIN_SOCKET_ALL) return curl_multi_socket_all(m, running);
  if (mode == PLAIN_SOCKET) return curl_multi_socket(m, s, running);
  return curl_multi_socket_action(m, s, mask, running);
}

int plain_loop_run(CURLM *m, int mode, long max_ms, int print_sockets) {
  int running = 1, calls = 0, loops, i, n, bad = 0;
  long long end = pl_now() + max_ms;
  memset(&pl, 0, sizeof pl);
  pl.deadline = -1;
  pl.print = print_sockets;
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, pl_socket);
  curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, pl_timer);
  /* the kickstart */
  if (dispatch(m, mode, CURL_SOCKET_TIMEOUT, 0, &running) != CURLM_OK) bad++;
  calls++;
  for (loops = 0; loops < 100000 && running && pl_now() < end; ++loops) {
    struct pollfd p[16];
    long wait = 200;
    int cnt = pl.n;
    if (pl.deadline >= 0) {
      long long d = pl.deadline - pl_now();
      wait = d < 0 ? 0 : d < wait ? (long)d : wait;
    }
    for (i = 0; i < cnt; ++i) {
      p[i].fd = pl.fd[i];
      p[i].events = pl.ev[i];
      p[i].revents = 0;
    }
    n = poll(p, (nfds_t)cnt, (int)wait);
    if (n > 0) {
      for (i = 0; i < cnt; ++i) {
        int mask = 0;
        if (!p[i].revents) continue;
        if (p[i].revents & (POLLIN | POLLHUP)) mask |= CURL_CSELECT_IN;
        if (p[i].revents & POLLOUT) mask |= CURL_CSELECT_OUT;
        if (p[i].revents & POLLERR) mask |= CURL_CSELECT_ERR;
        if (dispatch(m, mode, p[i].fd, mask, &running) != CURLM_OK) bad++;
        calls++;
        break; /* the watched set may have changed */
      }
    } else if (pl.deadline >= 0 && pl.deadline <= pl_now()) {
      pl.deadline = -1;
      if (dispatch(m, mode, CURL_SOCKET_TIMEOUT, 0, &running) != CURLM_OK) bad++;
      calls++;
    }
  }
  printf("  loop: running=%d bad codes=%d watched=%d\n", running, bad, pl.n);
  return calls;
}
