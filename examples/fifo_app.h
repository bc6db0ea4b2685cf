/* fifo_app: the part of the event-loop examples (ephiperfifo.c, hiperfifo.c, multi-uv.c)
 * that does not depend on the event loop: the command line, the URL source (the command
 * line's URLs or the lines of a FIFO), the pool of easy handles that keeps at most
 * CONCURRENCY transfers in flight and reuses finished handles, the collection of finished
 * transfers with curl_multi_info_read, the per-transfer output lines and the summary.
 *
 * Each example keeps only its event-loop glue: it embeds a struct fifo_app, watches the
 * descriptors libcurl announces (each with a record that starts with a struct fifo_watch),
 * drives libcurl's timer, watches the FIFO, and calls fifo_app_act /
 * fifo_app_collect_finished / fifo_app_read_fifo from its loop. Plain C99; it is compiled
 * against whichever curl headers the example is built with. */
#ifndef MCURL_EXAMPLES_FIFO_APP_H
#define MCURL_EXAMPLES_FIFO_APP_H

#include <stddef.h>
#include <time.h>

#include <curl/curl.h>

/* One easy handle and the transfer it runs now. Handles are kept for reuse. */
struct fifo_job {
  CURL *easy;
  char *url;
  curl_off_t bytes;
  int active;                 /* added to the multi handle */
  struct fifo_job *next_idle; /* in app.idle while not active */
  struct fifo_job *next_all;  /* every job, for the final cleanup */
};

/* What we know about one descriptor libcurl asked us to watch; the first member of each
 * example's own record. */
struct fifo_watch {
  curl_socket_t fd;
  int what; /* the CURL_POLL_* value last announced */
  struct fifo_watch *prev, *next;
};

struct fifo_app {
  const char *prog; /* the program's name, the prefix of its messages */
  CURLM *multi;

  /* Where URLs come from: the command line (urls/nurls/total/issued) or a FIFO. */
  char **urls;
  int nurls;
  long total;
  long issued;
  const char *fifo_path;
  int fifo_fd;   /* -1 once the FIFO reached its end */
  int fifo_made; /* we created it, so we remove it */
  char *line;    /* the partial line read from the FIFO */
  size_t line_len, line_cap;
  char **queue; /* complete lines not yet started */
  size_t queue_head, queue_len, queue_cap;

  long concurrency;
  long in_flight;
  long finished;
  long failures;
  struct fifo_job *idle;
  struct fifo_job *all;
  struct fifo_watch *watched; /* list of descriptors being watched */
  long watched_count;

  const char *cainfo; /* -C FILE: CURLOPT_CAINFO for https URLs (verification stays on) */
  int quiet;
  int info;
  int edge; /* -e (only when the program offers it) */
  int fatal;
  struct timespec started;
};

/* Parses the command line into a zeroed app; with_edge: the program takes -e. Returns 0,
 * or 2 (the exit status) after printing the usage. */
int fifo_app_parse_args(struct fifo_app *app, const char *prog, int with_edge, int argc,
                        char **argv);

/* Ignores SIGPIPE and initialises libcurl; -1 (after a message) when that fails. */
int fifo_app_global_init(struct fifo_app *app);

/* Installs the callbacks on app->multi; both get `userp` as their user pointer. */
void fifo_app_set_callbacks(struct fifo_app *app, curl_socket_callback on_socket,
                            curl_multi_timer_callback on_timer, void *userp);

/* Creates the FIFO if needed and opens it non-blocking into app->fifo_fd; -1 (after a
 * message) on failure. The caller then watches app->fifo_fd for reading. */
int fifo_app_open_fifo(struct fifo_app *app);

/* Reads what the FIFO has. Returns 1 when the last writer has closed it: the caller stops
 * watching it and calls fifo_app_close_fifo, then fifo_app_start_transfers. */
int fifo_app_read_fifo(struct fifo_app *app);
void fifo_app_close_fifo(struct fifo_app *app);

/* Keeps `concurrency` transfers in flight while there are URLs. */
void fifo_app_start_transfers(struct fifo_app *app);

/* curl_multi_socket_action(fd, bits); a failure is fatal. */
void fifo_app_act(struct fifo_app *app, curl_socket_t fd, int bits);

/* Collects finished transfers, then starts new ones in their place. */
void fifo_app_collect_finished(struct fifo_app *app);

/* True when the loop must end: every transfer done, or a fatal error. */
int fifo_app_should_stop(const struct fifo_app *app);

/* The socket callback's bookkeeping. fifo_app_check_remove / fifo_app_check_announce
 * complain on stderr when libcurl breaks its contract (REMOVE for a socket it never
 * announced; the same events announced again); check_remove returns 0 when there is
 * nothing to remove. */
int fifo_app_check_remove(const struct fifo_app *app, curl_socket_t fd, const struct fifo_watch *w);
void fifo_app_check_announce(const struct fifo_app *app, curl_socket_t fd,
                             const struct fifo_watch *w, int what);
void fifo_app_link_watch(struct fifo_app *app, struct fifo_watch *w, curl_socket_t fd, int what);
void fifo_app_unlink_watch(struct fifo_app *app, struct fifo_watch *w);

/* Starts the clock (before the first transfers). */
void fifo_app_start_clock(struct fifo_app *app);

/* Prints the summary line; returns the exit status (0, 1 or 2). */
int fifo_app_summary(const struct fifo_app *app);

/* Teardown, in this order: fifo_app_cleanup_transfers (every easy handle, then the multi
 * handle; complains about sockets never removed), the example frees its remaining watch
 * records (app->watched), then fifo_app_cleanup_source (the queue, the FIFO). */
void fifo_app_cleanup_transfers(struct fifo_app *app);
void fifo_app_cleanup_source(struct fifo_app *app);

#endif
