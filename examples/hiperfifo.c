/* hiperfifo: many concurrent HTTP transfers on one thread, driven by libevent 2 through
 * curl_multi_socket_action.
 *
 *   hiperfifo [-q] [-i] [-c CONCURRENCY] -f FIFO
 *   hiperfifo [-q] [-i] [-c CONCURRENCY] [-n TOTAL] URL...
 *
 * The command line and the output are those of ephiperfifo (see there or README.md):
 * URLs from a FIFO until its last writer closes it, or TOTAL transfers cycling over the
 * URLs given, at most CONCURRENCY at a time; one line "URL result=CODE bytes=N" per
 * finished transfer unless -q, then "transfers N failures F seconds S transfers/s R".
 *
 * The event loop: each descriptor libcurl announces through CURLMOPT_SOCKETFUNCTION gets
 * a persistent libevent event (kept in a record attached with curl_multi_assign, re-armed
 * when the wanted directions change, freed on CURL_POLL_REMOVE); CURLMOPT_TIMERFUNCTION
 * drives one evtimer. Both end in curl_multi_socket_action, after which finished
 * transfers are collected with curl_multi_info_read. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include <curl/curl.h>

#include "fifo_app.h"

#define PROG "hiperfifo"

/* What we know about one descriptor libcurl asked us to watch. */
struct watched {
  struct fifo_watch base; /* first: the shared list holds &base */
  struct event *ev;
};

/* The shared part (fifo_app.h) and the libevent glue. */
struct app {
  struct fifo_app core;
  struct event_base *base;
  struct event *timer;
  struct event *fifo_ev;
};

/* ---- the event loop ------------------------------------------------------------------ */

/* Ends the loop when every transfer is done (or something went badly wrong). */
static void check_end(struct app *app) {
  if (fifo_app_should_stop(&app->core)) event_base_loopbreak(app->base);
}

static void on_socket_event(evutil_socket_t fd, short kind, void *arg) {
  struct app *app = arg;
  int bits = 0;
  if (kind & EV_READ) bits |= CURL_CSELECT_IN;
  if (kind & EV_WRITE) bits |= CURL_CSELECT_OUT;
  fifo_app_act(&app->core, fd, bits);
  fifo_app_collect_finished(&app->core);
  check_end(app);
}

static void on_timer_event(evutil_socket_t fd, short kind, void *arg) {
  struct app *app = arg;
  (void)fd;
  (void)kind;
  fifo_app_act(&app->core, CURL_SOCKET_TIMEOUT, 0);
  fifo_app_collect_finished(&app->core);
  check_end(app);
}

static void on_fifo_event(evutil_socket_t fd, short kind, void *arg) {
  struct app *app = arg;
  (void)fd;
  (void)kind;
  if (fifo_app_read_fifo(&app->core)) {
    event_free(app->fifo_ev);
    app->fifo_ev = NULL;
    fifo_app_close_fifo(&app->core);
  }
  fifo_app_start_transfers(&app->core);
  check_end(app);
}

/* ---- libcurl's callbacks -------------------------------------------------------------- */

static short event_kinds(int what) {
  return (short)(((what & CURL_POLL_IN) ? EV_READ : 0) | ((what & CURL_POLL_OUT) ? EV_WRITE : 0) |
                 EV_PERSIST);
}

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
  struct app *app = userp;
  struct watched *w = socketp;
  (void)easy;

  if (what == CURL_POLL_REMOVE) {
    if (!fifo_app_check_remove(&app->core, fd, w ? &w->base : NULL)) return 0;
    event_free(w->ev);
    fifo_app_unlink_watch(&app->core, &w->base);
    free(w);
    return 0;
  }

  if (w) {
    fifo_app_check_announce(&app->core, fd, &w->base, what);
    /* An event's kinds are fixed while it is pending: take it out, change it, re-add. */
    event_del(w->ev);
    if (event_assign(w->ev, app->base, fd, event_kinds(what), on_socket_event, app) != 0 ||
        event_add(w->ev, NULL) != 0) {
      fprintf(stderr, PROG ": cannot re-arm the event of fd %d\n", (int)fd);
      return -1;
    }
    w->base.what = what;
    return 0;
  }
  w = calloc(1, sizeof *w);
  if (!w) return -1;
  w->ev = event_new(app->base, fd, event_kinds(what), on_socket_event, app);
  if (!w->ev || event_add(w->ev, NULL) != 0) {
    fprintf(stderr, PROG ": cannot watch fd %d\n", (int)fd);
    if (w->ev) event_free(w->ev);
    free(w);
    return -1;
  }
  fifo_app_link_watch(&app->core, &w->base, fd, what);
  curl_multi_assign(app->core.multi, fd, w);
  return 0;
}

static int on_timer(CURLM *multi, long timeout_ms, void *userp) {
  struct app *app = userp;
  struct timeval tv;
  (void)multi;
  if (timeout_ms < 0) { /* -1: no timeout pending any more */
    evtimer_del(app->timer);
    return 0;
  }
  /* 0 too goes through the loop: libcurl must not be called from inside its callback. */
  tv.tv_sec = timeout_ms / 1000;
  tv.tv_usec = (timeout_ms % 1000) * 1000;
  if (evtimer_add(app->timer, &tv) != 0) {
    fprintf(stderr, PROG ": evtimer_add failed\n");
    return -1;
  }
  return 0;
}

/* ---- setup and teardown ---------------------------------------------------------------- */

static void teardown(struct app *app) {
  fifo_app_cleanup_transfers(&app->core);
  while (app->core.watched) { /* what libcurl never removed */
    struct watched *w = (struct watched *)app->core.watched;
    app->core.watched = w->base.next;
    event_free(w->ev);
    free(w);
  }
  if (app->fifo_ev) event_free(app->fifo_ev);
  fifo_app_cleanup_source(&app->core);
  if (app->timer) event_free(app->timer);
  if (app->base) event_base_free(app->base);
  libevent_global_shutdown();
}

int main(int argc, char **argv) {
  struct app app;
  int status;

  memset(&app, 0, sizeof app);
  status = fifo_app_parse_args(&app.core, PROG, 0, argc, argv);
  if (status != 0) return status;
  if (fifo_app_global_init(&app.core) != 0) return 2;
  status = 2;
  app.base = event_base_new();
  app.timer = app.base ? evtimer_new(app.base, on_timer_event, &app) : NULL;
  app.core.multi = curl_multi_init();
  if (!app.base || !app.timer || !app.core.multi) {
    fprintf(stderr, PROG ": setup failed\n");
    goto out;
  }
  fifo_app_set_callbacks(&app.core, on_socket, on_timer, &app);
  if (app.core.fifo_path) {
    if (fifo_app_open_fifo(&app.core) != 0) goto out;
    app.fifo_ev = event_new(app.base, app.core.fifo_fd, EV_READ | EV_PERSIST, on_fifo_event, &app);
    if (!app.fifo_ev || event_add(app.fifo_ev, NULL) != 0) {
      fprintf(stderr, PROG ": cannot watch %s\n", app.core.fifo_path);
      goto out;
    }
  }

  fifo_app_start_clock(&app.core);
  fifo_app_start_transfers(
      &app.core); /* adding handles sets a timer; its expiry kicks libcurl off */
  if (!fifo_app_should_stop(&app.core)) event_base_dispatch(app.base);
  status = fifo_app_summary(&app.core);
out:
  teardown(&app);
  curl_global_cleanup();
  fflush(stdout);
  return status;
}
