/* ephiperfifo: many concurrent HTTP transfers on one thread, driven by epoll through
 * curl_multi_socket_action.
 *
 *   ephiperfifo [-q] [-i] [-e] [-c CONCURRENCY] -f FIFO
 *   ephiperfifo [-q] [-i] [-e] [-c CONCURRENCY] [-n TOTAL] URL...
 *
 * With -f, URLs are read one per line from FIFO (created if it does not exist) until the
 * last writer closes it. Otherwise the URLs of the command line are fetched: TOTAL
 * transfers in all (default: each URL once), transfer i fetching URL number i modulo the
 * number of URLs. At most CONCURRENCY transfers are in flight (default: no limit); when one
 * finishes its easy handle is reused for the next URL.
 *
 * For every finished transfer it prints "URL result=CODE bytes=N" (with -i also
 * " http=STATUS redirects=N"), unless -q; at the end a summary:
 *   transfers N failures F seconds S transfers/s R
 * The exit status is 0 when every transfer succeeded, 1 when some failed, 2 on errors.
 * With -e the sockets are watched edge-triggered (EPOLLET) instead of level-triggered:
 * libcurl's contract is level-triggered, but a transfer must complete either way.
 *
 * The event loop: libcurl tells us through CURLMOPT_SOCKETFUNCTION which descriptors to
 * watch (each registered in epoll, with a small record attached by curl_multi_assign) and
 * through CURLMOPT_TIMERFUNCTION when it wants to be called without socket activity (a
 * timerfd, itself watched by epoll). Every readiness report and every timer expiry goes
 * to curl_multi_socket_action, after which finished transfers are collected with
 * curl_multi_info_read. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <curl/curl.h>

#include "fifo_app.h"

#define PROG "ephiperfifo"

/* The shared part (fifo_app.h) and the epoll glue. Watch records are plain
 * struct fifo_watch: epoll needs nothing more per descriptor. */
struct app {
  struct fifo_app core;
  int epfd;
  int timerfd;
};

/* ---- libcurl's callbacks -------------------------------------------------------------- */

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
  struct app *app = userp;
  struct fifo_watch *w = socketp;
  struct epoll_event ev;
  (void)easy;

  if (what == CURL_POLL_REMOVE) {
    if (!fifo_app_check_remove(&app->core, fd, w)) return 0;
    if (epoll_ctl(app->epfd, EPOLL_CTL_DEL, fd, NULL) != 0)
      fprintf(stderr, PROG ": epoll_ctl DEL fd %d: %s\n", (int)fd, strerror(errno));
    fifo_app_unlink_watch(&app->core, w);
    free(w);
    return 0;
  }

  memset(&ev, 0, sizeof ev);
  ev.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0) |
              (app->core.edge ? EPOLLET : 0);
  ev.data.fd = fd;
  if (w) {
    fifo_app_check_announce(&app->core, fd, w, what);
    if (epoll_ctl(app->epfd, EPOLL_CTL_MOD, fd, &ev) != 0) {
      fprintf(stderr, PROG ": epoll_ctl MOD fd %d: %s\n", (int)fd, strerror(errno));
      return -1;
    }
    w->what = what;
    return 0;
  }
  w = calloc(1, sizeof *w);
  if (!w) return -1;
  if (epoll_ctl(app->epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
    int err = errno;
    fprintf(stderr, PROG ": epoll_ctl ADD fd %d: %s\n", (int)fd, strerror(err));
    if (err != EEXIST || epoll_ctl(app->epfd, EPOLL_CTL_MOD, fd, &ev) != 0) {
      free(w);
      return -1;
    }
  }
  fifo_app_link_watch(&app->core, w, fd, what);
  curl_multi_assign(app->core.multi, fd, w);
  return 0;
}

static int on_timer(CURLM *multi, long timeout_ms, void *userp) {
  struct app *app = userp;
  struct itimerspec its;
  (void)multi;
  memset(&its, 0, sizeof its);
  if (timeout_ms > 0) {
    its.it_value.tv_sec = timeout_ms / 1000;
    its.it_value.tv_nsec = (timeout_ms % 1000) * 1000000L;
  } else if (timeout_ms == 0) {
    its.it_value.tv_nsec = 1; /* as soon as possible, from the event loop (0 would disarm) */
  }                           /* -1: all zero, the timer is disarmed */
  if (timerfd_settime(app->timerfd, 0, &its, NULL) != 0) {
    fprintf(stderr, PROG ": timerfd_settime: %s\n", strerror(errno));
    return -1;
  }
  return 0;
}

/* ---- the event loop ------------------------------------------------------------------ */

static void read_fifo(struct app *app) {
  if (fifo_app_read_fifo(&app->core)) {
    epoll_ctl(app->epfd, EPOLL_CTL_DEL, app->core.fifo_fd, NULL);
    fifo_app_close_fifo(&app->core);
  }
  fifo_app_start_transfers(&app->core);
}

static void run(struct app *app) {
  struct epoll_event events[64];
  while (!fifo_app_should_stop(&app->core)) {
    int i, n = epoll_wait(app->epfd, events, 64, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      fprintf(stderr, PROG ": epoll_wait: %s\n", strerror(errno));
      app->core.fatal = 1;
      break;
    }
    for (i = 0; i < n && !app->core.fatal; i++) {
      int fd = events[i].data.fd;
      uint32_t e = events[i].events;
      if (fd == app->timerfd) {
        uint64_t expirations;
        /* A timer re-armed since epoll_wait returned has not expired: nothing to do. */
        if (read(app->timerfd, &expirations, sizeof expirations) != sizeof expirations) continue;
        fifo_app_act(&app->core, CURL_SOCKET_TIMEOUT, 0);
      } else if (fd == app->core.fifo_fd) {
        read_fifo(app);
        continue;
      } else {
        int bits = 0;
        if (e & EPOLLIN) bits |= CURL_CSELECT_IN;
        if (e & EPOLLOUT) bits |= CURL_CSELECT_OUT;
        if (e & (EPOLLERR | EPOLLHUP)) bits |= CURL_CSELECT_ERR;
        fifo_app_act(&app->core, fd, bits);
      }
      fifo_app_collect_finished(&app->core);
    }
  }
}

/* ---- setup and teardown ---------------------------------------------------------------- */

/* Watches `fd` for reading; 0 on success. */
static int watch_readable(struct app *app, int fd) {
  struct epoll_event ev;
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = fd;
  return epoll_ctl(app->epfd, EPOLL_CTL_ADD, fd, &ev);
}

static void teardown(struct app *app) {
  fifo_app_cleanup_transfers(&app->core);
  while (app->core.watched) { /* what libcurl never removed */
    struct fifo_watch *next = app->core.watched->next;
    free(app->core.watched);
    app->core.watched = next;
  }
  fifo_app_cleanup_source(&app->core);
  if (app->timerfd >= 0) close(app->timerfd);
  if (app->epfd >= 0) close(app->epfd);
}

int main(int argc, char **argv) {
  struct app app;
  int status;

  memset(&app, 0, sizeof app);
  app.epfd = app.timerfd = -1;
  status = fifo_app_parse_args(&app.core, PROG, 1, argc, argv);
  if (status != 0) return status;
  if (fifo_app_global_init(&app.core) != 0) return 2;
  status = 2;
  app.epfd = epoll_create1(EPOLL_CLOEXEC);
  app.timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  app.core.multi = curl_multi_init();
  if (app.epfd < 0 || app.timerfd < 0 || !app.core.multi) {
    fprintf(stderr, PROG ": setup failed: %s\n", strerror(errno));
    goto out;
  }
  if (watch_readable(&app, app.timerfd) != 0) goto out;
  fifo_app_set_callbacks(&app.core, on_socket, on_timer, &app);
  if (app.core.fifo_path) {
    if (fifo_app_open_fifo(&app.core) != 0) goto out;
    /* epoll reports the end only once a writer has come and gone. */
    if (watch_readable(&app, app.core.fifo_fd) != 0) {
      fprintf(stderr, PROG ": epoll_ctl %s: %s\n", app.core.fifo_path, strerror(errno));
      goto out;
    }
  }

  fifo_app_start_clock(&app.core);
  fifo_app_start_transfers(
      &app.core); /* adding handles sets a timer; its expiry kicks libcurl off */
  run(&app);
  status = fifo_app_summary(&app.core);
out:
  teardown(&app);
  curl_global_cleanup();
  fflush(stdout);
  return status;
}
