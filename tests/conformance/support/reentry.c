/* See reentry.h. */
#define _GNU_SOURCE
#include "reentry.h"

#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <time.h>

conf_reentry conf_re;

static void try_multi(CURLM *m) {
  int running = -7, n = -7, maxfd = -7;
  long t = -7;
  fd_set r, w, x;
  CURLMsg *msg;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  printf("  multi: perform=%d", (int)curl_multi_perform(m, &running));
  printf(" socket_action=%d", (int)curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running));
  printf(" socket=%d", (int)curl_multi_socket(m, CURL_SOCKET_TIMEOUT, &running));
  printf(" socket_all=%d", (int)curl_multi_socket_all(m, &running));
  printf(" timeout=%d", (int)curl_multi_timeout(m, &t));
  printf(" fdset=%d\n", (int)curl_multi_fdset(m, &r, &w, &x, &maxfd));
  printf("  multi: wait=%d", (int)curl_multi_wait(m, NULL, 0, 0, &n));
  printf(" poll=%d", (int)curl_multi_poll(m, NULL, 0, 0, &n));
  printf(" setopt=%d", (int)curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 5L));
  n = -7;
  msg = curl_multi_info_read(m, &n);
  printf(" info_read=%s/%d", msg ? "msg" : "NULL", n);
  printf(" add(other)=%d", (int)curl_multi_add_handle(m, conf_re.other));
  printf(" remove(self)=%d", (int)curl_multi_remove_handle(m, conf_re.self));
  printf(" assign=%d", (int)curl_multi_assign(m, 12345, NULL));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(m));
}

void conf_reentry_try(const char *where) {
  char buf[8];
  size_t got = 99;
  long code = -1;
  CURL *self = conf_re.self;
  conf_re.calls++;
  if (conf_re.tried) return;
  conf_re.tried = 1;
  printf(" in %s (%s run):\n", where, conf_re.multi ? "multi" : "easy");
  if (conf_re.multi) try_multi(conf_re.multi);
  printf("  easy: perform(self)=%d", (int)curl_easy_perform(self));
  printf(" recv=%d", (int)curl_easy_recv(self, buf, sizeof buf, &got));
  printf("/%lu", (unsigned long)got);
  got = 99;
  printf(" send=%d", (int)curl_easy_send(self, "x", 1, &got));
  printf("/%lu", (unsigned long)got);
  printf(" getinfo=%d", (int)curl_easy_getinfo(self, CURLINFO_PRIVATE, &code));
  printf(" setopt=%d\n", (int)curl_easy_setopt(self, CURLOPT_MAXREDIRS, 5L));
  /* A multi that is not inside a callback answers normally. */
  printf("  spare multi: timeout=%d", (int)curl_multi_timeout(conf_re.spare, &code));
  printf("/%ld", code);
  printf(" add(self)=%d", (int)curl_multi_add_handle(conf_re.spare, self));
  printf(" add(other)=%d", (int)curl_multi_add_handle(conf_re.spare, conf_re.other));
  printf(" remove(other)=%d\n", (int)curl_multi_remove_handle(conf_re.spare, conf_re.other));
}

static void finish(const char *how, CURL *e, CURLcode rc) {
  long code = 0;
  curl_off_t down = -1;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &down);
  printf(" %s run: result=%d response=%ld downloaded=%lld callback ran: %s\n", how, (int)rc, code,
         (long long)down, conf_re.calls ? "yes" : "no");
}

void conf_reentry_run(const char *label, CURL *easy, void (*setup)(CURL *)) {
  int running = 1, i, n;
  CURLcode rc = CURLE_OK;
  CURLMsg *msg;
  printf("%s\n", label);
  memset(&conf_re, 0, sizeof conf_re);
  conf_re.multi = curl_multi_init();
  conf_re.spare = curl_multi_init();
  conf_re.other = curl_easy_init();
  conf_re.self = easy;
  if (setup) setup(easy);
  curl_multi_add_handle(conf_re.multi, easy);
  for (i = 0; i < 2000 && running; ++i) {
    if (curl_multi_perform(conf_re.multi, &running) != CURLM_OK) break;
    if (running) curl_multi_wait(conf_re.multi, NULL, 0, 100, &n);
  }
  if (running) printf(" multi run: still running\n");
  while ((msg = curl_multi_info_read(conf_re.multi, &n)))
    if (msg->msg == CURLMSG_DONE) rc = msg->data.result;
  finish("multi", easy, rc);
  printf(" after: remove(self)=%d", (int)curl_multi_remove_handle(conf_re.multi, easy));
  printf(" remove(other)=%d", (int)curl_multi_remove_handle(conf_re.multi, conf_re.other));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(conf_re.multi));

  conf_re.multi = NULL;
  conf_re.tried = 0;
  conf_re.calls = 0;
  if (setup) setup(easy);
  rc = curl_easy_perform(easy);
  finish("easy", easy, rc);
  printf(" after: remove(self from spare)=%d", (int)curl_multi_remove_handle(conf_re.spare, easy));
  printf(" cleanup(spare)=%d\n", (int)curl_multi_cleanup(conf_re.spare));
  curl_easy_cleanup(conf_re.other);
  memset(&conf_re, 0, sizeof conf_re);
}

/* ---- the event-driven run ------------------------------------------------------------ */
static struct {
  curl_socket_t fd[8];
  short ev[8];
  int n;
  long timeout; /* -1: none */
  int try_in;
} ev;

static int ev_socket(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  int i;
  (void)e;
  (void)u;
  (void)sp;
  if (ev.try_in == 1) conf_reentry_try("socket callback");
  for (i = 0; i < ev.n && ev.fd[i] != s; ++i) continue;
  if (what == CURL_POLL_REMOVE) {
    if (i < ev.n) {
      ev.fd[i] = ev.fd[ev.n - 1];
      ev.ev[i] = ev.ev[ev.n - 1];
      ev.n--;
    }
    return 0;
  }
  if (i == ev.n) {
    if (ev.n == 8) return -1;
    ev.fd[ev.n++] = s;
  }
  ev.ev[i] = (short)(((what & CURL_POLL_IN) ? POLLIN : 0) | ((what & CURL_POLL_OUT) ? POLLOUT : 0));
  return 0;
}

static int ev_timer(CURLM *m, long ms, void *u) {
  (void)m;
  (void)u;
  if (ev.try_in == 2) conf_reentry_try("timer callback");
  ev.timeout = ms;
  return 0;
}

static long long ev_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void conf_reentry_run_events(const char *label, CURL *easy, int try_in) {
  int running = 1, n, i, loops;
  CURLcode rc = CURLE_OK;
  CURLMsg *msg;
  long long end = ev_now() + 10000;
  printf("%s\n", label);
  memset(&conf_re, 0, sizeof conf_re);
  memset(&ev, 0, sizeof ev);
  ev.timeout = -1;
  ev.try_in = try_in;
  conf_re.multi = curl_multi_init();
  conf_re.spare = curl_multi_init();
  conf_re.other = curl_easy_init();
  conf_re.self = easy;
  curl_multi_setopt(conf_re.multi, CURLMOPT_SOCKETFUNCTION, ev_socket);
  curl_multi_setopt(conf_re.multi, CURLMOPT_TIMERFUNCTION, ev_timer);
  curl_multi_add_handle(conf_re.multi, easy);
  for (loops = 0; loops < 10000 && running && ev_now() < end; ++loops) {
    struct pollfd p[8];
    long wait = ev.timeout < 0 ? 200 : ev.timeout;
    for (i = 0; i < ev.n; ++i) {
      p[i].fd = ev.fd[i];
      p[i].events = ev.ev[i];
      p[i].revents = 0;
    }
    n = poll(p, (nfds_t)ev.n, (int)wait);
    if (n == 0 || ev.n == 0) {
      ev.timeout = -1;
      curl_multi_socket_action(conf_re.multi, CURL_SOCKET_TIMEOUT, 0, &running);
      continue;
    }
    for (i = 0; i < ev.n && n > 0; ++i) {
      int mask = 0;
      if (!p[i].revents) continue;
      if (p[i].revents & (POLLIN | POLLHUP)) mask |= CURL_CSELECT_IN;
      if (p[i].revents & POLLOUT) mask |= CURL_CSELECT_OUT;
      if (p[i].revents & POLLERR) mask |= CURL_CSELECT_ERR;
      curl_multi_socket_action(conf_re.multi, p[i].fd, mask, &running);
      break; /* the watched set may have changed */
    }
  }
  if (running) printf(" event run: still running\n");
  while ((msg = curl_multi_info_read(conf_re.multi, &n)))
    if (msg->msg == CURLMSG_DONE) rc = msg->data.result;
  finish("event", easy, rc);
  printf(" after: remove(self)=%d", (int)curl_multi_remove_handle(conf_re.multi, easy));
  printf(" cleanup=%d cleanup(spare)=%d\n", (int)curl_multi_cleanup(conf_re.multi),
         (int)curl_multi_cleanup(conf_re.spare));
  curl_easy_cleanup(conf_re.other);
  memset(&conf_re, 0, sizeof conf_re);
}
