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
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#define PROG "ephiperfifo"

/* One easy handle and the transfer it runs now. Handles are kept for reuse. */
struct job {
  CURL *easy;
  char *url;
  curl_off_t bytes;
  int active;            /* added to the multi handle */
  struct job *next_idle; /* in app.idle while not active */
  struct job *next_all;  /* every job, for the final cleanup */
};

/* What we know about one descriptor libcurl asked us to watch. */
struct watched {
  curl_socket_t fd;
  int what; /* the CURL_POLL_* value last announced */
  struct watched *prev, *next;
};

struct app {
  CURLM *multi;
  int epfd;
  int timerfd;

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
  struct job *idle;
  struct job *all;
  struct watched *watched; /* list of descriptors being watched */
  long watched_count;

  int quiet;
  int info;
  int edge; /* -e: edge-triggered epoll */
  int fatal;
  struct timespec started;
};

static double seconds_since(const struct timespec *t0) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- URL source ------------------------------------------------------------------- */

static int queue_push(struct app *app, const char *text, size_t len) {
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
static void take_line(struct app *app, const char *text, size_t len) {
  while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
  while (len > 0 && (*text == ' ' || *text == '\t')) {
    text++;
    len--;
  }
  if (len == 0 || *text == '#') return;
  if (queue_push(app, text, len) != 0) {
    fprintf(stderr, PROG ": out of memory\n");
    app->fatal = 1;
  }
}

static void feed_bytes(struct app *app, const char *data, size_t n) {
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
static char *next_url(struct app *app) {
  if (app->nurls > 0) {
    if (app->issued >= app->total) return NULL;
    return strdup(app->urls[app->issued++ % app->nurls]);
  }
  if (app->queue_len == 0) return NULL;
  app->queue_len--;
  return app->queue[app->queue_head++];
}

/* True when no URL will ever come again. */
static int source_exhausted(const struct app *app) {
  if (app->nurls > 0) return app->issued >= app->total;
  return app->fifo_fd < 0 && app->queue_len == 0;
}

/* ---- transfers -------------------------------------------------------------------- */

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp) {
  struct job *job = userp;
  (void)data;
  job->bytes += (curl_off_t)(size * nmemb);
  return size * nmemb;
}

static struct job *new_job(struct app *app) {
  struct job *job = calloc(1, sizeof *job);
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
  job->next_all = app->all;
  app->all = job;
  return job;
}

/* Keeps `concurrency` transfers in flight while there are URLs. */
static void start_transfers(struct app *app) {
  while (!app->fatal && app->in_flight < app->concurrency) {
    struct job *job;
    CURLMcode mc;
    char *url = next_url(app);
    if (!url) return;
    job = app->idle;
    if (job) {
      app->idle = job->next_idle;
    } else {
      job = new_job(app);
      if (!job) {
        fprintf(stderr, PROG ": cannot create an easy handle\n");
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
      fprintf(stderr, PROG ": curl_multi_add_handle: %s\n", curl_multi_strerror(mc));
      job->next_idle = app->idle;
      app->idle = job;
      app->fatal = 1;
      return;
    }
    job->active = 1;
    app->in_flight++;
  }
}

static void report(struct app *app, struct job *job, CURLcode result) {
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

/* Collects finished transfers, then starts new ones in their place. */
static void collect_finished(struct app *app) {
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read(app->multi, &left)) != NULL) {
    struct job *job = NULL;
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
  start_transfers(app);
}

/* ---- libcurl's callbacks -------------------------------------------------------------- */

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
  struct app *app = userp;
  struct watched *w = socketp;
  struct epoll_event ev;
  (void)easy;

  if (what == CURL_POLL_REMOVE) {
    if (!w) {
      fprintf(stderr, PROG ": REMOVE for fd %d that was never announced\n", (int)fd);
      return 0;
    }
    if (epoll_ctl(app->epfd, EPOLL_CTL_DEL, fd, NULL) != 0)
      fprintf(stderr, PROG ": epoll_ctl DEL fd %d: %s\n", (int)fd, strerror(errno));
    if (w->prev)
      w->prev->next = w->next;
    else
      app->watched = w->next;
    if (w->next) w->next->prev = w->prev;
    app->watched_count--;
    free(w);
    return 0;
  }

  memset(&ev, 0, sizeof ev);
  ev.events = ((what & CURL_POLL_IN) ? EPOLLIN : 0) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0) |
              (app->edge ? EPOLLET : 0);
  ev.data.fd = fd;
  if (w) {
    if (w->what == what)
      fprintf(stderr, PROG ": fd %d announced again with the same events\n", (int)fd);
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
  w->fd = fd;
  w->what = what;
  w->next = app->watched;
  if (w->next) w->next->prev = w;
  app->watched = w;
  app->watched_count++;
  curl_multi_assign(app->multi, fd, w);
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

static void act(struct app *app, curl_socket_t fd, int bits) {
  int running;
  CURLMcode mc = curl_multi_socket_action(app->multi, fd, bits, &running);
  if (mc != CURLM_OK) {
    fprintf(stderr, PROG ": curl_multi_socket_action: %s\n", curl_multi_strerror(mc));
    app->fatal = 1;
  }
}

static void read_fifo(struct app *app) {
  char buf[4096];
  for (;;) {
    ssize_t n = read(app->fifo_fd, buf, sizeof buf);
    if (n > 0) {
      feed_bytes(app, buf, (size_t)n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) break;
    if (n < 0) fprintf(stderr, PROG ": read %s: %s\n", app->fifo_path, strerror(errno));
    /* the end: the last writer closed */
    take_line(app, app->line, app->line_len);
    app->line_len = 0;
    epoll_ctl(app->epfd, EPOLL_CTL_DEL, app->fifo_fd, NULL);
    close(app->fifo_fd);
    app->fifo_fd = -1;
    break;
  }
  start_transfers(app);
}

static void run(struct app *app) {
  struct epoll_event events[64];
  while (!app->fatal && !(source_exhausted(app) && app->in_flight == 0)) {
    int i, n = epoll_wait(app->epfd, events, 64, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      fprintf(stderr, PROG ": epoll_wait: %s\n", strerror(errno));
      app->fatal = 1;
      break;
    }
    for (i = 0; i < n && !app->fatal; i++) {
      int fd = events[i].data.fd;
      uint32_t e = events[i].events;
      if (fd == app->timerfd) {
        uint64_t expirations;
        /* A timer re-armed since epoll_wait returned has not expired: nothing to do. */
        if (read(app->timerfd, &expirations, sizeof expirations) != sizeof expirations) continue;
        act(app, CURL_SOCKET_TIMEOUT, 0);
      } else if (fd == app->fifo_fd) {
        read_fifo(app);
        continue;
      } else {
        int bits = 0;
        if (e & EPOLLIN) bits |= CURL_CSELECT_IN;
        if (e & EPOLLOUT) bits |= CURL_CSELECT_OUT;
        if (e & (EPOLLERR | EPOLLHUP)) bits |= CURL_CSELECT_ERR;
        act(app, fd, bits);
      }
      collect_finished(app);
    }
  }
}

/* ---- setup and teardown ---------------------------------------------------------------- */

static int open_fifo(struct app *app) {
  struct stat st;
  struct epoll_event ev;
  if (lstat(app->fifo_path, &st) == 0) {
    if (!S_ISFIFO(st.st_mode)) {
      fprintf(stderr, PROG ": %s exists and is not a FIFO\n", app->fifo_path);
      return -1;
    }
  } else if (errno == ENOENT) {
    if (mkfifo(app->fifo_path, 0600) != 0) {
      fprintf(stderr, PROG ": mkfifo %s: %s\n", app->fifo_path, strerror(errno));
      return -1;
    }
    app->fifo_made = 1;
  } else {
    fprintf(stderr, PROG ": %s: %s\n", app->fifo_path, strerror(errno));
    return -1;
  }
  /* Non-blocking: the open does not wait for a writer, and epoll reports the end only
   * once a writer has come and gone. */
  app->fifo_fd = open(app->fifo_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (app->fifo_fd < 0) {
    fprintf(stderr, PROG ": open %s: %s\n", app->fifo_path, strerror(errno));
    return -1;
  }
  memset(&ev, 0, sizeof ev);
  ev.events = EPOLLIN;
  ev.data.fd = app->fifo_fd;
  if (epoll_ctl(app->epfd, EPOLL_CTL_ADD, app->fifo_fd, &ev) != 0) {
    fprintf(stderr, PROG ": epoll_ctl %s: %s\n", app->fifo_path, strerror(errno));
    return -1;
  }
  return 0;
}

static void teardown(struct app *app) {
  struct job *job = app->all;
  while (job) {
    struct job *next = job->next_all;
    if (job->active) curl_multi_remove_handle(app->multi, job->easy);
    curl_easy_cleanup(job->easy);
    free(job->url);
    free(job);
    job = next;
  }
  if (app->multi) curl_multi_cleanup(app->multi);
  /* Every announced socket must have been removed by now; free what was not. */
  if (app->watched_count != 0)
    fprintf(stderr, PROG ": %ld sockets were never removed\n", app->watched_count);
  while (app->watched) {
    struct watched *next = app->watched->next;
    free(app->watched);
    app->watched = next;
  }
  while (app->queue_len > 0) {
    free(app->queue[app->queue_head++]);
    app->queue_len--;
  }
  free(app->queue);
  free(app->line);
  if (app->fifo_fd >= 0) close(app->fifo_fd);
  if (app->fifo_made) unlink(app->fifo_path);
  if (app->timerfd >= 0) close(app->timerfd);
  if (app->epfd >= 0) close(app->epfd);
}

static void usage(void) {
  fprintf(stderr, "usage: " PROG
                  " [-q] [-i] [-e] [-c CONCURRENCY] -f FIFO\n"
                  "       " PROG " [-q] [-i] [-e] [-c CONCURRENCY] [-n TOTAL] URL...\n");
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

int main(int argc, char **argv) {
  struct app app;
  int opt, status;
  double seconds;

  memset(&app, 0, sizeof app);
  app.epfd = app.timerfd = app.fifo_fd = -1;
  app.concurrency = LONG_MAX;
  app.total = -1;
  while ((opt = getopt(argc, argv, "qief:n:c:h")) != -1) {
    switch (opt) {
      case 'q':
        app.quiet = 1;
        break;
      case 'i':
        app.info = 1;
        break;
      case 'e':
        app.edge = 1;
        break;
      case 'f':
        app.fifo_path = optarg;
        break;
      case 'n':
        if (parse_count(optarg, &app.total) != 0) {
          usage();
          return 2;
        }
        break;
      case 'c':
        if (parse_count(optarg, &app.concurrency) != 0) {
          usage();
          return 2;
        }
        break;
      default:
        usage();
        return 2;
    }
  }
  app.urls = argv + optind;
  app.nurls = argc - optind;
  if ((app.fifo_path != NULL) == (app.nurls > 0) || (app.fifo_path && app.total != -1)) {
    usage();
    return 2;
  }
  if (app.total == -1) app.total = app.nurls;

  signal(SIGPIPE, SIG_IGN);
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, PROG ": curl_global_init failed\n");
    return 2;
  }
  status = 2;
  app.epfd = epoll_create1(EPOLL_CLOEXEC);
  app.timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  app.multi = curl_multi_init();
  if (app.epfd < 0 || app.timerfd < 0 || !app.multi) {
    fprintf(stderr, PROG ": setup failed: %s\n", strerror(errno));
    goto out;
  } else {
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.fd = app.timerfd;
    if (epoll_ctl(app.epfd, EPOLL_CTL_ADD, app.timerfd, &ev) != 0) goto out;
  }
  curl_multi_setopt(app.multi, CURLMOPT_SOCKETFUNCTION, on_socket);
  curl_multi_setopt(app.multi, CURLMOPT_SOCKETDATA, &app);
  curl_multi_setopt(app.multi, CURLMOPT_TIMERFUNCTION, on_timer);
  curl_multi_setopt(app.multi, CURLMOPT_TIMERDATA, &app);
  if (app.fifo_path && open_fifo(&app) != 0) goto out;

  clock_gettime(CLOCK_MONOTONIC, &app.started);
  start_transfers(&app); /* adding handles sets a timer; its expiry kicks libcurl off */
  run(&app);
  seconds = seconds_since(&app.started);
  printf("transfers %ld failures %ld seconds %.3f transfers/s %.1f\n", app.finished, app.failures,
         seconds, seconds > 0 ? (double)app.finished / seconds : 0.0);
  status = app.fatal ? 2 : app.failures ? 1 : 0;
out:
  teardown(&app);
  curl_global_cleanup();
  fflush(stdout);
  return status;
}
