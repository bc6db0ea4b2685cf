/* fifo_app: the event-loop-independent part of the event-loop examples (see fifo_app.h). */
#define _GNU_SOURCE
#include "fifo_app.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- command line ------------------------------------------------------------------ */

static void usage(const struct fifo_app *app, int with_edge) {
  const char *e = with_edge ? " [-e]" : "";
  fprintf(stderr,
          "usage: %s [-q] [-i]%s [-C CAFILE] [-c CONCURRENCY] -f FIFO\n"
          "       %s [-q] [-i]%s [-C CAFILE] [-c CONCURRENCY] [-n TOTAL] URL...\n",
          app->prog, e, app->prog, e);
}

static int parse_count(const char *text, long *out) {
  char *end;
  long v;
  errno = 0;
  v = strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < 1) return -1;
  *out = v;
  return 0;
}

int fifo_app_parse_args(struct fifo_app *app, const char *prog, int with_edge, int argc,
                        char **argv) {
  int opt;
  app->prog = prog;
  app->fifo_fd = -1;
  app->concurrency = LONG_MAX;
  app->total = -1;
  while ((opt = getopt(argc, argv, with_edge ? "qief:n:c:C:h" : "qif:n:c:C:h")) != -1) {
    switch (opt) {
      case 'q':
        app->quiet = 1;
        break;
      case 'i':
        app->info = 1;
        break;
      case 'e':
        app->edge = 1;
        break;
      case 'f':
        app->fifo_path = optarg;
        break;
      case 'C':
        app->cainfo = optarg;
        break;
      case 'n':
        if (parse_count(optarg, &app->total) != 0) {
          usage(app, with_edge);
          return 2;
        }
        break;
      case 'c':
        if (parse_count(optarg, &app->concurrency) != 0) {
          usage(app, with_edge);
          return 2;
        }
        break;
      default:
        usage(app, with_edge);
        return 2;
    }
  }
  app->urls = argv + optind;
  app->nurls = argc - optind;
  if ((app->fifo_path != NULL) == (app->nurls > 0) || (app->fifo_path && app->total != -1)) {
    usage(app, with_edge);
    return 2;
  }
  if (app->total == -1) app->total = app->nurls;
  return 0;
}

int fifo_app_global_init(struct fifo_app *app) {
  signal(SIGPIPE, SIG_IGN);
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, "%s: curl_global_init failed\n", app->prog);
    return -1;
  }
  return 0;
}

void fifo_app_set_callbacks(struct fifo_app *app, curl_socket_callback on_socket,
                            curl_multi_timer_callback on_timer, void *userp) {
  curl_multi_setopt(app->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
  curl_multi_setopt(app->multi, CURLMOPT_SOCKETDATA, userp);
  curl_multi_setopt(app->multi, CURLMOPT_TIMERFUNCTION, on_timer);
  curl_multi_setopt(app->multi, CURLMOPT_TIMERDATA, userp);
}

/* ---- URL source ------------------------------------------------------------------- */

static int queue_push(struct fifo_app *app, const char *text, size_t len) {
  char *copy;
  if (app->queue_head + app->queue_len == app->queue_cap) {
    if (app->queue_head > 0) { /* slide the pending lines to the front */
      memmove(app->queue, app->queue + app->queue_head, app->queue_len * sizeof *app->queue);
      app->queue_head = 0;
    } else {
      size_t cap = app->queue_cap ? app->queue_cap * 2 : 64;
      char **grown = realloc(app->queue, cap * sizeof *grown);
      if (!grown) return -1;
      app->queue = grown;
      app->queue_cap = cap;
    }
  }
  copy = malloc(len + 1);
  if (!copy) return -1;
  memcpy(copy, text, len);
  copy[len] = '\0';
  app->queue[app->queue_head + app->queue_len++] = copy;
  return 0;
}

/* Takes one line of the FIFO: blanks around it are dropped, empty lines and lines
 * starting with '#' ignored. */
static void take_line(struct fifo_app *app, const char *text, size_t len) {
  while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
  while (len > 0 && (*text == ' ' || *text == '\t')) {
    text++;
    len--;
  }
  if (len == 0 || *text == '#') return;
  if (queue_push(app, text, len) != 0) {
    fprintf(stderr, "%s: out of memory\n", app->prog);
    app->fatal = 1;
  }
}

static void feed_bytes(struct fifo_app *app, const char *data, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (data[i] == '\n') {
      take_line(app, app->line, app->line_len);
      app->line_len = 0;
      continue;
    }
    if (app->line_len == app->line_cap) {
      size_t cap = app->line_cap ? app->line_cap * 2 : 256;
      char *grown = realloc(app->line, cap);
      if (!grown) {
        app->fatal = 1;
        return;
      }
      app->line = grown;
      app->line_cap = cap;
    }
    app->line[app->line_len++] = data[i];
  }
}

/* The next URL to fetch (malloc'd), or NULL when none is available right now. */
static char *next_url(struct fifo_app *app) {
  if (app->nurls > 0) {
    if (app->issued >= app->total) return NULL;
    return strdup(app->urls[app->issued++ % app->nurls]);
  }
  if (app->queue_len == 0) return NULL;
  app->queue_len--;
  return app->queue[app->queue_head++];
}

/* True when no URL will ever come again. */
static int source_exhausted(const struct fifo_app *app) {
  if (app->nurls > 0) return app->issued >= app->total;
  return app->fifo_fd < 0 && app->queue_len == 0;
}

int fifo_app_open_fifo(struct fifo_app *app) {
  struct stat st;
  if (lstat(app->fifo_path, &st) == 0) {
    if (!S_ISFIFO(st.st_mode)) {
      fprintf(stderr, "%s: %s exists and is not a FIFO\n", app->prog, app->fifo_path);
      return -1;
    }
  } else if (errno == ENOENT) {
    if (mkfifo(app->fifo_path, 0600) != 0) {
      fprintf(stderr, "%s: mkfifo %s: %s\n", app->prog, app->fifo_path, strerror(errno));
      return -1;
    }
    app->fifo_made = 1;
  } else {
    fprintf(stderr, "%s: %s: %s\n", app->prog, app->fifo_path, strerror(errno));
    return -1;
  }
  /* Non-blocking: the open does not wait for a writer, and the end is reported only once
   * a writer has come and gone. */
  app->fifo_fd = open(app->fifo_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (app->fifo_fd < 0) {
    fprintf(stderr, "%s: open %s: %s\n", app->prog, app->fifo_path, strerror(errno));
    return -1;
  }
  return 0;
}

int fifo_app_read_fifo(struct fifo_app *app) {
  char buf[4096];
  for (;;) {
    ssize_t n = read(app->fifo_fd, buf, sizeof buf);
    if (n > 0) {
      feed_bytes(app, buf, (size_t)n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return 0;
    if (n < 0) fprintf(stderr, "%s: read %s: %s\n", app->prog, app->fifo_path, strerror(errno));
    /* the end: the last writer closed */
    take_line(app, app->line, app->line_len);
    app->line_len = 0;
    return 1;
  }
}

void fifo_app_close_fifo(struct fifo_app *app) {
  close(app->fifo_fd);
  app->fifo_fd = -1;
}

/* ---- transfers -------------------------------------------------------------------- */

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp) {
  struct fifo_job *job = userp;
  (void)data;
  job->bytes += (curl_off_t)(size * nmemb);
  return size * nmemb;
}

static struct fifo_job *new_job(struct fifo_app *app) {
  struct fifo_job *job = calloc(1, sizeof *job);
  if (!job) return NULL;
  job->easy = curl_easy_init();
  if (!job->easy) {
    free(job);
    return NULL;
  }
  curl_easy_setopt(job->easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(job->easy, CURLOPT_WRITEDATA, job);
  curl_easy_setopt(job->easy, CURLOPT_PRIVATE, job);
  curl_easy_setopt(job->easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(job->easy, CURLOPT_MAXREDIRS, 20L);
  if (app->cainfo != NULL) curl_easy_setopt(job->easy, CURLOPT_CAINFO, app->cainfo);
  job->next_all = app->all;
  app->all = job;
  return job;
}

void fifo_app_start_transfers(struct fifo_app *app) {
  while (!app->fatal && app->in_flight < app->concurrency) {
    struct fifo_job *job;
    CURLMcode mc;
    char *url = next_url(app);
    if (!url) return;
    job = app->idle;
    if (job) {
      app->idle = job->next_idle;
    } else {
      job = new_job(app);
      if (!job) {
        fprintf(stderr, "%s: cannot create an easy handle\n", app->prog);
        free(url);
        app->fatal = 1;
        return;
      }
    }
    free(job->url);
    job->url = url;
    job->bytes = 0;
    curl_easy_setopt(job->easy, CURLOPT_URL, url);
    mc = curl_multi_add_handle(app->multi, job->easy);
    if (mc != CURLM_OK) {
      fprintf(stderr, "%s: curl_multi_add_handle: %s\n", app->prog, curl_multi_strerror(mc));
      job->next_idle = app->idle;
      app->idle = job;
      app->fatal = 1;
      return;
    }
    job->active = 1;
    app->in_flight++;
  }
}

void fifo_app_act(struct fifo_app *app, curl_socket_t fd, int bits) {
  int running;
  CURLMcode mc = curl_multi_socket_action(app->multi, fd, bits, &running);
  if (mc != CURLM_OK) {
    fprintf(stderr, "%s: curl_multi_socket_action: %s\n", app->prog, curl_multi_strerror(mc));
    app->fatal = 1;
  }
}

static void report(struct fifo_app *app, struct fifo_job *job, CURLcode result) {
  app->finished++;
  if (result != CURLE_OK) app->failures++;
  if (app->quiet) return;
  printf("%s result=%d bytes=%" CURL_FORMAT_CURL_OFF_T, job->url, (int)result, job->bytes);
  if (app->info) {
    long status = 0, redirects = 0;
    curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(job->easy, CURLINFO_REDIRECT_COUNT, &redirects);
    printf(" http=%ld redirects=%ld", status, redirects);
  }
  putchar('\n');
}

void fifo_app_collect_finished(struct fifo_app *app) {
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read(app->multi, &left)) != NULL) {
    struct fifo_job *job = NULL;
    CURL *easy = msg->easy_handle;
    CURLcode result = msg->data.result;
    if (msg->msg != CURLMSG_DONE) continue;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&job);
    report(app, job, result);
    curl_multi_remove_handle(app->multi, easy); /* msg is gone from here on */
    job->active = 0;
    job->next_idle = app->idle;
    app->idle = job;
    app->in_flight--;
  }
  fifo_app_start_transfers(app);
}

int fifo_app_should_stop(const struct fifo_app *app) {
  return app->fatal || (source_exhausted(app) && app->in_flight == 0);
}

/* ---- the socket callback's bookkeeping ------------------------------------------------- */

int fifo_app_check_remove(const struct fifo_app *app, curl_socket_t fd,
                          const struct fifo_watch *w) {
  if (w) return 1;
  fprintf(stderr, "%s: REMOVE for fd %d that was never announced\n", app->prog, (int)fd);
  return 0;
}

void fifo_app_check_announce(const struct fifo_app *app, curl_socket_t fd,
                             const struct fifo_watch *w, int what) {
  if (w->what == what)
    fprintf(stderr, "%s: fd %d announced again with the same events\n", app->prog, (int)fd);
}

void fifo_app_link_watch(struct fifo_app *app, struct fifo_watch *w, curl_socket_t fd, int what) {
  w->fd = fd;
  w->what = what;
  w->prev = NULL;
  w->next = app->watched;
  if (w->next) w->next->prev = w;
  app->watched = w;
  app->watched_count++;
}

void fifo_app_unlink_watch(struct fifo_app *app, struct fifo_watch *w) {
  if (w->prev)
    w->prev->next = w->next;
  else
    app->watched = w->next;
  if (w->next) w->next->prev = w->prev;
  app->watched_count--;
}

/* ---- clock, summary, teardown ---------------------------------------------------------- */

void fifo_app_start_clock(struct fifo_app *app) { clock_gettime(CLOCK_MONOTONIC, &app->started); }

int fifo_app_summary(const struct fifo_app *app) {
  struct timespec now;
  double seconds;
  clock_gettime(CLOCK_MONOTONIC, &now);
  seconds = (double)(now.tv_sec - app->started.tv_sec) +
            (double)(now.tv_nsec - app->started.tv_nsec) / 1e9;
  printf("transfers %ld failures %ld seconds %.3f transfers/s %.1f\n", app->finished, app->failures,
         seconds, seconds > 0 ? (double)app->finished / seconds : 0.0);
  return app->fatal ? 2 : app->failures ? 1 : 0;
}

void fifo_app_cleanup_transfers(struct fifo_app *app) {
  struct fifo_job *job = app->all;
  while (job) {
    struct fifo_job *next = job->next_all;
    if (job->active) curl_multi_remove_handle(app->multi, job->easy);
    curl_easy_cleanup(job->easy);
    free(job->url);
    free(job);
    job = next;
  }
  app->all = app->idle = NULL;
  if (app->multi) curl_multi_cleanup(app->multi);
  app->multi = NULL;
  /* Every announced socket must have been removed by now. */
  if (app->watched_count != 0)
    fprintf(stderr, "%s: %ld sockets were never removed\n", app->prog, app->watched_count);
}

void fifo_app_cleanup_source(struct fifo_app *app) {
  while (app->queue_len > 0) {
    free(app->queue[app->queue_head++]);
    app->queue_len--;
  }
  free(app->queue);
  free(app->line);
  if (app->fifo_fd >= 0) close(app->fifo_fd);
  if (app->fifo_made) unlink(app->fifo_path);
}
