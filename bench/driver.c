/* mcurl benchmark driver.
 *
 * One C program, compiled once against the system's libcurl headers and linked with
 * -lcurl, so that the same binary measures the system libcurl and mcurl: only
 * LD_LIBRARY_PATH differs between the two runs.
 *
 * It drives transfers the way an event-loop application does (curl_multi_socket_action
 * on epoll, the timeout taken from CURLMOPT_TIMERFUNCTION), checks every transfer
 * (CURLE_OK, status 200, byte count) and prints one line of key=value pairs.
 *
 * Usage: driver [options] URL [URL...]   (URLs are used round-robin)
 *   -n N            total transfers (default 1000)
 *   -c C            concurrent transfers (default 10)
 *   --new-conn      a new connection per transfer (CURLOPT_FORBID_REUSE)
 *   --fresh         a new easy handle per transfer (default: reuse C handles)
 *   --cainfo FILE   CA bundle for https (CURLOPT_CAINFO)
 *   --no-session    no TLS session reuse (CURLOPT_SSL_SESSIONID_CACHE 0)
 *   --encoding STR  CURLOPT_ACCEPT_ENCODING ("" = everything the library decodes)
 *   --bytes B       expected body bytes per transfer (after decoding); -1: do not check
 *   --hold          start C transfers at once (to a slow URL), measure CPU and memory
 *                   once every one of them waits for its response, then let them end
 *   --time-limit S  give up after S seconds (default 300)
 *   --label STR     printed first on the result line
 *
 * Result line (one, on stdout):
 *   label=... lib=... n= c= ok= failed= secs= tps= mbps= cpu_us= user_us= sys_us=
 *   maxrss_kb= sa_per= [hold_kb= hold_cpu_us=]
 * cpu_us, user_us, sys_us: client CPU (getrusage) per transfer; sa_per: socket_action
 * calls per transfer. Exit status 0 only when every transfer succeeded.
 */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

struct config {
  long total;
  long concurrency;
  int new_conn;
  int fresh;
  const char *cainfo;
  int no_session;
  const char *encoding;
  long long bytes;
  int hold;
  double time_limit;
  const char *label;
  char **urls;
  int nurls;
};

struct slot {
  CURL *easy;
  int configured;
  long long received;
};

struct bench {
  struct config cfg;
  CURLM *multi;
  int epfd;
  int64_t deadline_ns; /* timer from CURLMOPT_TIMERFUNCTION; -1: none */
  long started;
  long finished;
  long ok;
  long failed;
  long long bytes_total;
  long long socket_actions;
  long waiting_in; /* sockets whose last action is CURL_POLL_IN (hold mode) */
  int *fd_state;   /* last action per fd, 0 = not registered */
  int fd_cap;
  int first_error_printed;
};

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static double cpu_us(const struct rusage *ru, int which) {
  double u = ru->ru_utime.tv_sec * 1e6 + ru->ru_utime.tv_usec;
  double s = ru->ru_stime.tv_sec * 1e6 + ru->ru_stime.tv_usec;
  return which == 0 ? u : which == 1 ? s : u + s;
}

/* Resident set size now, in KiB (ru_maxrss only gives the peak). */
static long rss_kb(void) {
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (!f) return -1;
  if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = -1;
  fclose(f);
  return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp) {
  struct slot *s = userp;
  (void)data;
  s->received += (long long)(size * nmemb);
  return size * nmemb;
}

static int on_socket(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp) {
  struct bench *b = userp;
  struct epoll_event ev;
  (void)easy;
  (void)socketp;
  if (fd >= b->fd_cap) {
    int cap = b->fd_cap ? b->fd_cap : 1024;
    while (cap <= fd) cap *= 2;
    int *grown = realloc(b->fd_state, (size_t)cap * sizeof(int));
    if (!grown) return -1;
    memset(grown + b->fd_cap, 0, (size_t)(cap - b->fd_cap) * sizeof(int));
    b->fd_state = grown;
    b->fd_cap = cap;
  }
  int before = b->fd_state[fd];
  if (before == CURL_POLL_IN) b->waiting_in--;
  if (what == CURL_POLL_REMOVE) {
    if (before) epoll_ctl(b->epfd, EPOLL_CTL_DEL, fd, NULL);
    b->fd_state[fd] = 0;
    return 0;
  }
  memset(&ev, 0, sizeof ev);
  ev.data.fd = fd;
  if (what & CURL_POLL_IN) ev.events |= EPOLLIN;
  if (what & CURL_POLL_OUT) ev.events |= EPOLLOUT;
  if (epoll_ctl(b->epfd, before ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0) {
    /* The library may have closed and reopened the number without telling: retry. */
    int op = errno == ENOENT ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    if (epoll_ctl(b->epfd, op, fd, &ev) != 0) {
      fprintf(stderr, "epoll_ctl(%d): %s\n", fd, strerror(errno));
      return -1;
    }
  }
  b->fd_state[fd] = what;
  if (what == CURL_POLL_IN) b->waiting_in++;
  return 0;
}

static int on_timer(CURLM *multi, long timeout_ms, void *userp) {
  struct bench *b = userp;
  (void)multi;
  b->deadline_ns = timeout_ms < 0 ? -1 : now_ns() + (int64_t)timeout_ms * 1000000;
  return 0;
}

static void setup_easy(struct bench *b, struct slot *s) {
  const struct config *c = &b->cfg;
  CURL *e = s->easy;
  s->received = 0;
  if (!s->configured || c->nurls > 1)
    curl_easy_setopt(e, CURLOPT_URL, c->urls[b->started % c->nurls]);
  if (s->configured) return; /* a reused handle keeps its options */
  s->configured = 1;
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, s);
  curl_easy_setopt(e, CURLOPT_PRIVATE, s);
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
  if (c->new_conn) curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  if (c->cainfo) curl_easy_setopt(e, CURLOPT_CAINFO, c->cainfo);
  if (c->no_session) curl_easy_setopt(e, CURLOPT_SSL_SESSIONID_CACHE, 0L);
  if (c->encoding) curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, c->encoding);
}

static int start_one(struct bench *b, struct slot *s) {
  if (!s->easy) {
    s->easy = curl_easy_init();
    if (!s->easy) return -1;
    s->configured = 0;
  }
  setup_easy(b, s);
  b->started++;
  if (curl_multi_add_handle(b->multi, s->easy) != CURLM_OK) return -1;
  return 0;
}

static void check_done(struct bench *b) {
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read(b->multi, &left))) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL *e = msg->easy_handle;
    CURLcode rc = msg->data.result;
    struct slot *s = NULL;
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&s);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    int good = rc == CURLE_OK && status == 200 && (b->cfg.bytes < 0 || s->received == b->cfg.bytes);
    if (good) {
      b->ok++;
    } else {
      b->failed++;
      if (!b->first_error_printed) {
        b->first_error_printed = 1;
        fprintf(stderr, "transfer failed: result %d (%s), status %ld, %lld bytes (want %lld)\n",
                (int)rc, curl_easy_strerror(rc), status, s->received, b->cfg.bytes);
      }
    }
    b->bytes_total += s->received;
    b->finished++;
    curl_multi_remove_handle(b->multi, e);
    if (b->cfg.fresh) {
      curl_easy_cleanup(e);
      s->easy = NULL;
    }
    if (!b->cfg.hold && b->started < b->cfg.total) {
      if (start_one(b, s) != 0) {
        fprintf(stderr, "cannot start a transfer\n");
        b->failed++;
        b->finished++;
      }
    }
  }
}

static void socket_action(struct bench *b, curl_socket_t fd, int mask) {
  int running = 0;
  b->socket_actions++;
  CURLMcode mc = curl_multi_socket_action(b->multi, fd, mask, &running);
  if (mc != CURLM_OK) fprintf(stderr, "curl_multi_socket_action: %s\n", curl_multi_strerror(mc));
  check_done(b);
}

static void usage(void) {
  fprintf(stderr,
          "usage: driver [-n N] [-c C] [--new-conn] [--fresh] [--cainfo F] [--no-session]\n"
          "              [--encoding S] [--bytes B] [--hold] [--time-limit S] [--label L] "
          "URL...\n");
  exit(2);
}

static void parse_args(int argc, char **argv, struct config *c) {
  c->total = 1000;
  c->concurrency = 10;
  c->bytes = -1;
  c->time_limit = 300;
  c->label = "run";
  c->urls = calloc((size_t)argc, sizeof(char *));
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "-n") && v)
      c->total = atol(argv[++i]);
    else if (!strcmp(a, "-c") && v)
      c->concurrency = atol(argv[++i]);
    else if (!strcmp(a, "--new-conn"))
      c->new_conn = 1;
    else if (!strcmp(a, "--fresh"))
      c->fresh = 1;
    else if (!strcmp(a, "--cainfo") && v)
      c->cainfo = argv[++i];
    else if (!strcmp(a, "--no-session"))
      c->no_session = 1;
    else if (!strcmp(a, "--encoding") && v)
      c->encoding = argv[++i];
    else if (!strcmp(a, "--bytes") && v)
      c->bytes = atoll(argv[++i]);
    else if (!strcmp(a, "--hold"))
      c->hold = 1;
    else if (!strcmp(a, "--time-limit") && v)
      c->time_limit = atof(argv[++i]);
    else if (!strcmp(a, "--label") && v)
      c->label = argv[++i];
    else if (a[0] == '-')
      usage();
    else
      c->urls[c->nurls++] = argv[i];
  }
  if (c->nurls == 0 || c->total < 1 || c->concurrency < 1) usage();
  if (c->hold) c->total = c->concurrency;
  if (c->concurrency > c->total) c->concurrency = c->total;
}

int main(int argc, char **argv) {
  struct bench b;
  memset(&b, 0, sizeof b);
  parse_args(argc, argv, &b.cfg);
  b.deadline_ns = -1;

  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  b.multi = curl_multi_init();
  b.epfd = epoll_create1(EPOLL_CLOEXEC);
  if (!b.multi || b.epfd < 0) return 1;
  curl_multi_setopt(b.multi, CURLMOPT_SOCKETFUNCTION, on_socket);
  curl_multi_setopt(b.multi, CURLMOPT_SOCKETDATA, &b);
  curl_multi_setopt(b.multi, CURLMOPT_TIMERFUNCTION, on_timer);
  curl_multi_setopt(b.multi, CURLMOPT_TIMERDATA, &b);

  long n_slots = b.cfg.concurrency;
  struct slot *slots = calloc((size_t)n_slots, sizeof *slots);
  struct epoll_event *events = calloc(1024, sizeof *events);
  if (!slots || !events) return 1;

  long rss_before = rss_kb();
  struct rusage ru0, ru1, ru_held;
  getrusage(RUSAGE_SELF, &ru0);
  int64_t t0 = now_ns();
  int64_t limit = t0 + (int64_t)(b.cfg.time_limit * 1e9);
  long rss_held = -1;
  int held = 0;

  for (long i = 0; i < n_slots; i++) {
    if (start_one(&b, &slots[i]) != 0) {
      fprintf(stderr, "cannot start transfer %ld\n", i);
      return 1;
    }
  }

  int timed_out = 0;
  while (b.finished < b.cfg.total) {
    int64_t now = now_ns();
    if (now > limit) {
      timed_out = 1;
      break;
    }
    int wait_ms = 1000;
    if (b.deadline_ns >= 0) {
      int64_t d = b.deadline_ns - now;
      wait_ms = d <= 0 ? 0 : (int)((d + 999999) / 1000000);
      if (wait_ms > 1000) wait_ms = 1000;
    }
    int n = epoll_wait(b.epfd, events, 1024, wait_ms);
    if (n < 0 && errno != EINTR) {
      perror("epoll_wait");
      return 1;
    }
    for (int i = 0; i < n; i++) {
      int mask = 0;
      if (events[i].events & (EPOLLIN | EPOLLHUP)) mask |= CURL_CSELECT_IN;
      if (events[i].events & EPOLLOUT) mask |= CURL_CSELECT_OUT;
      if (events[i].events & EPOLLERR) mask |= CURL_CSELECT_ERR;
      socket_action(&b, events[i].data.fd, mask);
    }
    if (b.deadline_ns >= 0 && now_ns() >= b.deadline_ns) {
      b.deadline_ns = -1;
      socket_action(&b, CURL_SOCKET_TIMEOUT, 0);
    }
    if (b.cfg.hold && !held && b.waiting_in >= b.cfg.concurrency) {
      held = 1;
      rss_held = rss_kb();
      getrusage(RUSAGE_SELF, &ru_held);
    }
  }
  getrusage(RUSAGE_SELF, &ru1);
  double secs = (double)(now_ns() - t0) / 1e9;

  /* mcurl reports libcurl's version first and names itself later in the string. */
  const char *lib = strstr(curl_version(), "mcurl/") ? "mcurl" : "libcurl";
  for (long i = 0; i < n_slots; i++) {
    if (slots[i].easy) {
      curl_multi_remove_handle(b.multi, slots[i].easy);
      curl_easy_cleanup(slots[i].easy);
    }
  }
  curl_multi_cleanup(b.multi);
  curl_global_cleanup();

  if (timed_out) {
    fprintf(stderr, "time limit: %ld of %ld transfers finished\n", b.finished, b.cfg.total);
    b.failed += b.cfg.total - b.finished;
  }
  double done = b.finished > 0 ? (double)b.finished : 1.0;
  printf(
      "label=%s lib=%s n=%ld c=%ld ok=%ld failed=%ld secs=%.3f tps=%.0f mbps=%.1f "
      "cpu_us=%.2f user_us=%.2f sys_us=%.2f cpu_ms=%.1f maxrss_kb=%ld sa_per=%.2f",
      b.cfg.label, lib, b.cfg.total, b.cfg.concurrency, b.ok, b.failed, secs, b.finished / secs,
      b.bytes_total / secs / 1e6, (cpu_us(&ru1, 2) - cpu_us(&ru0, 2)) / done,
      (cpu_us(&ru1, 0) - cpu_us(&ru0, 0)) / done, (cpu_us(&ru1, 1) - cpu_us(&ru0, 1)) / done,
      (cpu_us(&ru1, 2) - cpu_us(&ru0, 2)) / 1e3, ru1.ru_maxrss, b.socket_actions / done);
  if (b.cfg.hold) {
    if (held)
      printf(" hold_kb=%.2f hold_cpu_us=%.2f", (double)(rss_held - rss_before) / b.cfg.concurrency,
             (cpu_us(&ru_held, 2) - cpu_us(&ru0, 2)) / b.cfg.concurrency);
    else
      printf(" hold_kb=nan hold_cpu_us=nan");
  }
  printf("\n");
  return b.failed == 0 && b.ok == b.cfg.total && (!b.cfg.hold || held) ? 0 : 1;
}
