/* multi-uv: many concurrent HTTP transfers on one thread, driven by libuv through
 * curl_multi_socket_action.
 *
 *   multi-uv [-q] [-i] [-c CONCURRENCY] -f FIFO
 *   multi-uv [-q] [-i] [-c CONCURRENCY] [-n TOTAL] URL...
 *
 * The command line and the output are those of ephiperfifo (see there or README.md):
 * URLs from a FIFO until its last writer closes it, or TOTAL transfers cycling over the
 * URLs given, at most CONCURRENCY at a time; one line "URL result=CODE bytes=N" per
 * finished transfer unless -q, then "transfers N failures F seconds S transfers/s R".
 *
 * The event loop: each descriptor libcurl announces through CURLMOPT_SOCKETFUNCTION gets
 * a uv_poll_t (inside a record attached with curl_multi_assign; uv_poll_start again when
 * the wanted directions change; stopped and closed on CURL_POLL_REMOVE, the record freed
 * by the close callback); CURLMOPT_TIMERFUNCTION drives one uv_timer_t. Both end in
 * curl_multi_socket_action, after which finished transfers are collected with
 * curl_multi_info_read. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include <curl/curl.h>

#include "fifo_app.h"

#define PROG "multi-uv"

/* What we know about one descriptor libcurl asked us to watch. */
struct watched {
  struct fifo_watch base; /* first: the shared list holds &base */
  uv_poll_t poll;         /* poll.data points back to the app */
};

/* The shared part (fifo_app.h) and the libuv glue. */
struct app {
  struct fifo_app core;
  uv_loop_t loop;
  int loop_ready;
  uv_timer_t timer;
  int timer_ready;
  uv_poll_t fifo_poll;
  int fifo_polling; /* fifo_poll is initialised and not closed */
};

/* ---- the event loop ------------------------------------------------------------------ */

/* Ends the loop when every transfer is done (or something went badly wrong). */
static void check_end(struct app *app) {
  if (fifo_app_should_stop(&app->core)) uv_stop(&app->loop);
}

static void on_poll(uv_poll_t *poll, int status, int events) {
  struct app *app = poll->data;
  struct watched *w = (struct watched *)((char *)poll - offsetof(struct watched, poll));
  int bits = 0;
  if (status < 0) {
    bits = CURL_CSELECT_ERR;
  } else {
    if (events & UV_READABLE) bits |= CURL_CSELECT_IN;
    if (events & UV_WRITABLE) bits |= CURL_CSELECT_OUT;
  }
  /* may free nothing yet: a removed record waits for its close */
  fifo_app_act(&app->core, w->base.fd, bits);
  fifo_app_collect_finished(&app->core);
  check_end(app);
}

static void on_timer_expiry(uv_timer_t *timer) {
  struct app *app = timer->data;
  fifo_app_act(&app->core, CURL_SOCKET_TIMEOUT, 0);
  fifo_app_collect_finished(&app->core);
  check_end(app);
}

static void close_fifo(struct app *app) {
  uv_poll_stop(&app->fifo_poll);
  uv_close((uv_handle_t *)&app->fifo_poll, NULL); /* the handle lives in app */
  app->fifo_polling = 0;
  fifo_app_close_fifo(&app->core);
}

static void on_fifo(uv_poll_t *poll, int status, int events) {
  struct app *app = poll->data;
  (void)status;
  (void)events;
  if (fifo_app_read_fifo(&app->core)) close_fifo(app);
  fifo_app_start_transfers(&app->core);
  check_end(app);
}

/* ---- libcurl's callbacks -------------------------------------------------------------- */

static void free_watched(uv_handle_t *handle) {
  free((char *)handle - offsetof(struct watched, poll));
}

/* Stops watching now, while the descriptor is still open; the record goes in the close
 * callback. */
static void drop_watched(struct app *app, struct watched *w) {
  uv_poll_stop(&w->poll);
  fifo_app_unlink_watch(&app->core, &w->base);
  uv_close((uv_handle_t *)&w->poll, free_watched);
}

static int poll_events(int what) {
  return ((what & CURL_POLL_IN) ? UV_READABLE : 0) | ((what & CURL_POLL_OUT) ? UV_WRITABLE : 0);
}

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
  struct app *app = userp;
  struct watched *w = socketp;
  int rc;
  (void)easy;

  if (what == CURL_POLL_REMOVE) {
    if (fifo_app_check_remove(&app->core, fd, w ? &w->base : NULL)) drop_watched(app, w);
    return 0;
  }

  if (w) {
    fifo_app_check_announce(&app->core, fd, &w->base, what);
    rc = uv_poll_start(&w->poll, poll_events(what), on_poll);
    if (rc != 0) {
      fprintf(stderr, PROG ": uv_poll_start fd %d: %s\n", (int)fd, uv_strerror(rc));
      return -1;
    }
    w->base.what = what;
    return 0;
  }
  w = calloc(1, sizeof *w);
  if (!w) return -1;
  rc = uv_poll_init_socket(&app->loop, &w->poll, fd);
  if (rc != 0) {
    fprintf(stderr, PROG ": uv_poll_init_socket fd %d: %s\n", (int)fd, uv_strerror(rc));
    free(w);
    return -1;
  }
  w->poll.data = app;
  fifo_app_link_watch(&app->core, &w->base, fd, what);
  rc = uv_poll_start(&w->poll, poll_events(what), on_poll);
  if (rc != 0) {
    fprintf(stderr, PROG ": uv_poll_start fd %d: %s\n", (int)fd, uv_strerror(rc));
    drop_watched(app, w);
    return -1;
  }
  curl_multi_assign(app->core.multi, fd, w);
  return 0;
}

static int on_timer(CURLM *multi, long timeout_ms, void *userp) {
  struct app *app = userp;
  (void)multi;
  if (timeout_ms < 0) { /* -1: no timeout pending any more */
    uv_timer_stop(&app->timer);
    return 0;
  }
  /* 0 too goes through the loop: libcurl must not be called from inside its callback. */
  if (uv_timer_start(&app->timer, on_timer_expiry, (uint64_t)timeout_ms, 0) != 0) {
    fprintf(stderr, PROG ": uv_timer_start failed\n");
    return -1;
  }
  return 0;
}

/* ---- setup and teardown ---------------------------------------------------------------- */

/* Watches the opened FIFO; 0 on success. */
static int watch_fifo(struct app *app) {
  int rc = uv_poll_init(&app->loop, &app->fifo_poll, app->core.fifo_fd);
  if (rc == 0) {
    app->fifo_poll.data = app;
    app->fifo_polling = 1;
    rc = uv_poll_start(&app->fifo_poll, UV_READABLE | UV_DISCONNECT, on_fifo);
  }
  if (rc != 0) {
    fprintf(stderr, PROG ": cannot watch %s: %s\n", app->core.fifo_path, uv_strerror(rc));
    return -1;
  }
  return 0;
}

static void teardown(struct app *app) {
  fifo_app_cleanup_transfers(&app->core);
  while (app->core.watched) /* what libcurl never removed */
    drop_watched(app, (struct watched *)app->core.watched);
  if (app->fifo_polling) close_fifo(app);
  fifo_app_cleanup_source(&app->core);
  if (app->timer_ready) uv_close((uv_handle_t *)&app->timer, NULL);
  if (app->loop_ready) {
    uv_run(&app->loop, UV_RUN_DEFAULT); /* runs the close callbacks */
    if (uv_loop_close(&app->loop) != 0) fprintf(stderr, PROG ": handles left in the loop\n");
  }
}

int main(int argc, char **argv) {
  struct app app;
  int status;

  memset(&app, 0, sizeof app);
  status = fifo_app_parse_args(&app.core, PROG, 0, argc, argv);
  if (status != 0) return status;
  if (fifo_app_global_init(&app.core) != 0) return 2;
  status = 2;
  app.loop_ready = uv_loop_init(&app.loop) == 0;
  app.timer_ready = app.loop_ready && uv_timer_init(&app.loop, &app.timer) == 0;
  app.timer.data = &app;
  app.core.multi = curl_multi_init();
  if (!app.loop_ready || !app.timer_ready || !app.core.multi) {
    fprintf(stderr, PROG ": setup failed\n");
    goto out;
  }
  fifo_app_set_callbacks(&app.core, on_socket, on_timer, &app);
  if (app.core.fifo_path && (fifo_app_open_fifo(&app.core) != 0 || watch_fifo(&app) != 0)) goto out;

  fifo_app_start_clock(&app.core);
  fifo_app_start_transfers(
      &app.core); /* adding handles sets a timer; its expiry kicks libcurl off */
  if (!fifo_app_should_stop(&app.core)) uv_run(&app.loop, UV_RUN_DEFAULT);
  status = fifo_app_summary(&app.core);
out:
  teardown(&app);
  curl_global_cleanup();
  fflush(stdout);
  return status;
}
