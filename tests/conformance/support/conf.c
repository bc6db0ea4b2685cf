/* Shared helpers for conformance cases: argument parsing, an epoll loop and a poll loop
 * behind CURLMOPT_SOCKETFUNCTION/TIMERFUNCTION with normalised recording, and a
 * recording easy handle. See conf.h. */
#define _GNU_SOURCE
#include "conf.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int g_port;
static int g_loop = CONF_LOOP_NONE;

void conf_init(int argc, char **argv) {
  int i;
  for (i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "epoll"))
      g_loop = CONF_LOOP_EPOLL;
    else if (!strcmp(argv[i], "poll"))
      g_loop = CONF_LOOP_POLL;
    else if (argv[i][0] >= '0' && argv[i][0] <= '9')
      g_port = atoi(argv[i]);
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
}

int conf_port(void) { return g_port; }
void conf_set_port(int port) { g_port = port; }
int conf_loop_kind(void) { return g_loop == CONF_LOOP_NONE ? CONF_LOOP_EPOLL : g_loop; }
const char *conf_loop_name(void) {
  return g_loop == CONF_LOOP_POLL ? "poll" : g_loop == CONF_LOOP_EPOLL ? "epoll" : "none";
}

const char *conf_url(const char *path) {
  static char buf[4][512];
  static int slot;
  char *b = buf[slot++ & 3];
  snprintf(b, sizeof buf[0], "http://127.0.0.1:%d%s", g_port, path);
  return b;
}

int conf_closed_port(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  int fd = socket(AF_INET, SOCK_STREAM, 0), port = 1;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
      getsockname(fd, (struct sockaddr *)&a, &len) == 0)
    port = ntohs(a.sin_port);
  if (fd >= 0) close(fd);
  return port;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- names ------------------------------------------------------------------------- */
#define MAX_NAMES 1024
static curl_socket_t g_sock_fd[MAX_NAMES];
static char g_sock_nm[MAX_NAMES][16];
static int g_socks;

const char *conf_sock_name(curl_socket_t s) {
  int i;
  for (i = 0; i < g_socks; ++i)
    if (g_sock_fd[i] == s) return g_sock_nm[i];
  if (g_socks == MAX_NAMES) return "s?";
  g_sock_fd[g_socks] = s;
  snprintf(g_sock_nm[g_socks], sizeof g_sock_nm[0], "s%d", g_socks + 1);
  return g_sock_nm[g_socks++];
}

curl_socket_t conf_sock_fd(int n) { return n >= 1 && n <= g_socks ? g_sock_fd[n - 1] : -1; }

const char *conf_easy_name(CURL *e) {
  char *p = NULL;
  if (!e) return "(null)";
  if (curl_easy_getinfo(e, CURLINFO_PRIVATE, &p) != CURLE_OK || !p) return "e?";
  return p;
}

const char *conf_what(int what) {
  switch (what) {
    case CURL_POLL_NONE:
      return "NONE";
    case CURL_POLL_IN:
      return "IN";
    case CURL_POLL_OUT:
      return "OUT";
    case CURL_POLL_INOUT:
      return "INOUT";
    case CURL_POLL_REMOVE:
      return "REMOVE";
  }
  return "?";
}

const char *conf_bucket(long ms) {
  if (ms < 0) return ms == -1 ? "-1" : "<-1";
  if (ms == 0) return "0";
  return ms < 100 ? "<100" : ">=100";
}

/* ---- the loop ---------------------------------------------------------------------- */
#define MAX_FDS 256
struct conf_loop {
  CURLM *m;
  int kind;
  int epfd;
  curl_socket_t fd[MAX_FDS];
  int what[MAX_FDS];
  int nfds;
  long long deadline; /* -1: no timer */
  int running;
  int acted;
  conf_loop_opts o;
  int sock_calls, timer_calls, wakeups;
  int last_bucket_valid;
  char last_bucket[8];
  int reentry_sock_done, reentry_timer_done;
  int marker;
  long long start;
  int zero_run;
};

static int find_fd(conf_loop *l, curl_socket_t s) {
  int i;
  for (i = 0; i < l->nfds; ++i)
    if (l->fd[i] == s) return i;
  return -1;
}

static void print_reentry(CURLM *m, const char *where) {
  int running = -7, n = -7, maxfd = -7;
  long t = -7;
  fd_set r, w, x;
  CURLMsg *msg;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  printf("%s: perform=%d", where, (int)curl_multi_perform(m, &running));
  printf(" socket_action=%d", (int)curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running));
  printf(" socket_all=%d", (int)curl_multi_socket_all(m, &running));
  printf(" timeout=%d", (int)curl_multi_timeout(m, &t));
  printf(" fdset=%d", (int)curl_multi_fdset(m, &r, &w, &x, &maxfd));
  printf(" wait=%d", (int)curl_multi_wait(m, NULL, 0, 0, &n));
  printf(" poll=%d", (int)curl_multi_poll(m, NULL, 0, 0, &n));
  printf(" setopt=%d", (int)curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 5L));
  n = -7;
  msg = curl_multi_info_read(m, &n);
  printf(" info_read=%s/%d", msg ? "msg" : "NULL", n);
  printf(" add(NULL)=%d", (int)curl_multi_add_handle(m, NULL));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(m));
}

static int sock_cb(CURL *e, curl_socket_t s, int what, void *clientp, void *socketp) {
  conf_loop *l = (conf_loop *)clientp;
  int i = find_fd(l, s), rc = 0;
  l->sock_calls++;
  if (l->o.print_sockets)
    printf("sock %s %s easy=%s socketp=%s\n", conf_sock_name(s), conf_what(what), conf_easy_name(e),
           socketp == NULL         ? "NULL"
           : socketp == &l->marker ? "set"
                                   : "other");
  if (what == CURL_POLL_REMOVE) {
    if (i < 0) printf("!! REMOVE of a socket that is not watched: %s\n", conf_sock_name(s));
    if (fcntl(s, F_GETFD) < 0) printf("!! fd %s already closed at REMOVE\n", conf_sock_name(s));
    if (i >= 0) {
      if (l->kind == CONF_LOOP_EPOLL && epoll_ctl(l->epfd, EPOLL_CTL_DEL, s, NULL) != 0)
        printf("!! epoll DEL %s failed errno=%d\n", conf_sock_name(s), errno);
      l->fd[i] = l->fd[l->nfds - 1];
      l->what[i] = l->what[l->nfds - 1];
      l->nfds--;
    }
  } else if (what >= CURL_POLL_IN && what <= CURL_POLL_INOUT) {
    if (i >= 0 && l->what[i] == what)
      printf("!! %s announced again with unchanged %s\n", conf_sock_name(s), conf_what(what));
    if (i < 0 && socketp != NULL) printf("!! first announcement with socketp set\n");
    if (l->kind == CONF_LOOP_EPOLL) {
      struct epoll_event ev;
      memset(&ev, 0, sizeof ev);
      ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0) | (what & CURL_POLL_OUT ? EPOLLOUT : 0) |
                  (l->o.edge_triggered ? EPOLLET : 0);
      ev.data.fd = s;
      if (epoll_ctl(l->epfd, i < 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, s, &ev) != 0)
        printf("!! epoll %s %s failed errno=%d\n", i < 0 ? "ADD" : "MOD", conf_sock_name(s), errno);
    }
    if (i < 0 && l->nfds < MAX_FDS) {
      i = l->nfds++;
      l->fd[i] = s;
      if (l->o.assign_on_announce)
        printf("assign in callback = %d\n", (int)curl_multi_assign(l->m, s, &l->marker));
    }
    if (i >= 0) l->what[i] = what;
  } else {
    printf("!! socket callback with what=%d\n", what);
  }
  if (l->o.print_reentry && !l->reentry_sock_done) {
    l->reentry_sock_done = 1;
    print_reentry(l->m, "in socket cb");
  }
  if (l->o.socket_fail_at && l->sock_calls == l->o.socket_fail_at) {
    printf("sock callback returns -1\n");
    rc = -1;
  }
  return rc;
}

static int timer_cb(CURLM *m, long ms, void *clientp) {
  conf_loop *l = (conf_loop *)clientp;
  const char *b = l->o.coarse_timers ? (ms < 0 ? "-1" : ms == 0 ? "0" : ">0") : conf_bucket(ms);
  int rc = 0;
  l->timer_calls++;
  if (m != l->m) printf("!! timer callback with another multi\n");
  if (getenv("CONF_RAW")) printf("~ timer raw %ld at %lld\n", ms, now_ms() - l->start);
  if (l->o.print_timers) {
    if (!l->o.collapse_timers || !l->last_bucket_valid || strcmp(l->last_bucket, b))
      printf("timer %s\n", b);
    l->last_bucket_valid = 1;
    snprintf(l->last_bucket, sizeof l->last_bucket, "%s", b);
  }
  /* +1 ms: now_ms() truncates, and a timer fired a fraction of a millisecond early only
   * makes libcurl announce the 1 ms that is left (a timing artefact, not behaviour). */
  l->deadline = ms < 0 ? -1 : now_ms() + ms + (ms > 0 ? 1 : 0);
  if (ms == 0) {
    if (++l->zero_run > l->o.max_zero_timer_run) l->o.max_zero_timer_run = l->zero_run;
  } else {
    l->zero_run = 0;
  }
  if (l->o.print_reentry && !l->reentry_timer_done) {
    l->reentry_timer_done = 1;
    print_reentry(l->m, "in timer cb");
  }
  if (l->o.timer_fail_at && l->timer_calls == l->o.timer_fail_at) {
    printf("timer callback returns -1\n");
    rc = -1;
  }
  return rc;
}

conf_loop *conf_loop_new(CURLM *m, int kind) {
  conf_loop *l = (conf_loop *)calloc(1, sizeof *l);
  l->m = m;
  l->kind = kind;
  l->epfd = kind == CONF_LOOP_EPOLL ? epoll_create1(EPOLL_CLOEXEC) : -1;
  l->deadline = -1;
  l->running = -1;
  l->start = now_ms();
  l->o.print_sockets = 1;
  l->o.print_timers = 1;
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, sock_cb);
  curl_multi_setopt(m, CURLMOPT_SOCKETDATA, l);
  curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, timer_cb);
  curl_multi_setopt(m, CURLMOPT_TIMERDATA, l);
  return l;
}

conf_loop_opts *conf_loop_options(conf_loop *l) { return &l->o; }
int conf_loop_running(conf_loop *l) { return l->running; }
int conf_loop_what(conf_loop *l, int n) {
  int i = find_fd(l, conf_sock_fd(n));
  return i < 0 ? -1 : l->what[i];
}
int conf_loop_watched(conf_loop *l) { return l->nfds; }
int conf_loop_socket_calls(conf_loop *l) { return l->sock_calls; }
int conf_loop_timer_calls(conf_loop *l) { return l->timer_calls; }
int conf_loop_wakeups(conf_loop *l) { return l->wakeups; }
long conf_loop_timer(conf_loop *l) {
  long long d;
  if (l->deadline < 0) return -1;
  d = l->deadline - now_ms();
  return d < 0 ? 0 : (long)d;
}

void conf_loop_free(conf_loop *l) {
  if (!l) return;
  if (l->epfd >= 0) close(l->epfd);
  free(l);
}

static CURLMcode act(conf_loop *l, curl_socket_t s, int bits) {
  int running = -1;
  CURLMcode rc;
  if (s != CURL_SOCKET_TIMEOUT) l->zero_run = 0;
  rc = curl_multi_socket_action(l->m, s, l->o.zero_bitmask ? 0 : bits, &running);
  l->acted = 1;
  l->running = running;
  if (rc != CURLM_OK)
    printf("socket_action(%s) = %d (%s)\n",
           s == CURL_SOCKET_TIMEOUT ? "TIMEOUT" : conf_sock_name(s), (int)rc,
           curl_multi_strerror(rc));
  return rc;
}

CURLMcode conf_loop_kick(conf_loop *l) {
  CURLMcode rc;
  int running = -1;
  rc = curl_multi_socket_action(l->m, CURL_SOCKET_TIMEOUT, 0, &running);
  l->acted = 1;
  l->running = running;
  printf("kickstart = %d running=%d\n", (int)rc, running);
  return rc;
}

CURLMcode conf_loop_step(conf_loop *l, long max_ms) {
  long wait = max_ms;
  int i, n;
  CURLMcode rc = CURLM_OK;
  if (l->deadline >= 0) {
    long long d = l->deadline - now_ms();
    if (d < 0) d = 0;
    if (d < wait) wait = (long)d;
  }
  if (l->kind == CONF_LOOP_EPOLL) {
    struct epoll_event ev[32];
    n = epoll_wait(l->epfd, ev, 32, (int)wait);
    l->wakeups++;
    if (n > 0) {
      for (i = 0; i < n && rc == CURLM_OK; ++i) {
        int bits = (ev[i].events & EPOLLIN ? CURL_CSELECT_IN : 0) |
                   (ev[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0) |
                   (ev[i].events & (EPOLLERR | EPOLLHUP) ? CURL_CSELECT_ERR : 0);
        rc = act(l, ev[i].data.fd, bits);
      }
      return rc;
    }
  } else {
    struct pollfd p[MAX_FDS];
    int cnt = l->nfds;
    for (i = 0; i < cnt; ++i) {
      p[i].fd = l->fd[i];
      p[i].events = (short)((l->what[i] & CURL_POLL_IN ? POLLIN : 0) |
                            (l->what[i] & CURL_POLL_OUT ? POLLOUT : 0));
      p[i].revents = 0;
    }
    n = poll(p, (nfds_t)cnt, (int)wait);
    l->wakeups++;
    if (n > 0) {
      for (i = 0; i < cnt && rc == CURLM_OK; ++i) {
        int bits;
        if (!p[i].revents) continue;
        if (find_fd(l, p[i].fd) < 0) continue; /* removed by an earlier action */
        bits = (p[i].revents & POLLIN ? CURL_CSELECT_IN : 0) |
               (p[i].revents & POLLOUT ? CURL_CSELECT_OUT : 0) |
               (p[i].revents & (POLLERR | POLLHUP) ? CURL_CSELECT_ERR : 0);
        rc = act(l, p[i].fd, bits);
      }
      return rc;
    }
  }
  if (l->deadline >= 0 && l->deadline <= now_ms()) {
    l->deadline = -1;
    rc = act(l, CURL_SOCKET_TIMEOUT, 0);
  }
  return rc;
}

CURLMcode conf_loop_run(conf_loop *l, long max_ms) {
  long long end = now_ms() + max_ms;
  CURLMcode rc = CURLM_OK;
  l->acted = 0; /* a run ends when running reaches 0 after one of its own actions */
  while (!(l->acted && l->running == 0)) {
    long long left = end - now_ms();
    if (left <= 0) {
      printf("loop: timed out (running=%d)\n", l->running);
      return CURLM_OK;
    }
    if (l->deadline < 0 && l->nfds == 0 && !l->acted) {
      /* nothing to wait for yet: the application would kickstart */
      rc = act(l, CURL_SOCKET_TIMEOUT, 0);
    } else {
      rc = conf_loop_step(l, (long)(left > 200 ? 200 : left));
    }
    if (rc != CURLM_OK) return rc;
  }
  return rc;
}

CURLMcode conf_loop_run_for(conf_loop *l, long ms) {
  long long end = now_ms() + ms;
  CURLMcode rc = CURLM_OK;
  for (;;) {
    long long left = end - now_ms();
    if (left <= 0) return rc;
    rc = conf_loop_step(l, (long)left);
    if (rc != CURLM_OK) return rc;
  }
}

/* ---- transfers --------------------------------------------------------------------- */
static void normalise_port(const char *in, size_t n, char *out, size_t cap) {
  char port[16];
  size_t i = 0, o = 0, pl;
  snprintf(port, sizeof port, ":%d", g_port);
  pl = strlen(port);
  while (i < n && o + 8 < cap) {
    if (g_port && i + pl <= n && !memcmp(in + i, port, pl) &&
        (i + pl == n || in[i + pl] < '0' || in[i + pl] > '9')) {
      memcpy(out + o, ":PORT", 5);
      o += 5;
      i += pl;
    } else {
      out[o++] = in[i++];
    }
  }
  out[o] = 0;
}

void conf_print_escaped(const char *prefix, const char *p, size_t n) {
  static char norm[65536];
  size_t i, len;
  normalise_port(p, n > 60000 ? 60000 : n, norm, sizeof norm);
  len = strlen(norm);
  fputs(prefix, stdout);
  for (i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)norm[i];
    if (c == '\r')
      fputs("\\r", stdout);
    else if (c == '\n')
      fputs("\\n", stdout);
    else if (c == '\\')
      fputs("\\\\", stdout);
    else if (c < 32 || c >= 127)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  putchar('\n');
}

static size_t xfer_write(char *p, size_t sz, size_t n, void *u) {
  conf_xfer *x = (conf_xfer *)u;
  size_t i, len = sz * n;
  x->write_calls++;
  if (x->print_reentry && x->write_calls == 1 && x->multi) print_reentry(x->multi, "in write cb");
  if (x->pause_at_write && x->write_calls == x->pause_at_write) {
    printf("%s: write returns PAUSE (%lu bytes offered)\n", x->name, (unsigned long)len);
    return CURL_WRITEFUNC_PAUSE;
  }
  if (x->fail_at_write && x->write_calls == x->fail_at_write) {
    printf("%s: write returns 0\n", x->name);
    return 0;
  }
  for (i = 0; i < len; ++i) x->body_hash = (x->body_hash ^ (unsigned char)p[i]) * 16777619UL;
  x->body_bytes += len;
  if (x->print_body) {
    char pre[40];
    snprintf(pre, sizeof pre, "%s body: ", x->name);
    conf_print_escaped(pre, p, len);
  }
  return len;
}

static size_t xfer_header(char *p, size_t sz, size_t n, void *u) {
  conf_xfer *x = (conf_xfer *)u;
  size_t len = sz * n;
  x->header_lines++;
  if (x->print_headers) {
    char pre[40];
    snprintf(pre, sizeof pre, "%s hdr: ", x->name);
    conf_print_escaped(pre, p, len);
  }
  return len;
}

conf_xfer *conf_xfer_new(const char *name, const char *url) {
  conf_xfer *x = (conf_xfer *)calloc(1, sizeof *x);
  x->easy = curl_easy_init();
  snprintf(x->name, sizeof x->name, "%s", name);
  x->body_hash = 2166136261UL;
  x->print_headers = 1;
  curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x->name);
  curl_easy_setopt(x->easy, CURLOPT_URL, url);
  curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, xfer_write);
  curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, x);
  curl_easy_setopt(x->easy, CURLOPT_HEADERFUNCTION, xfer_header);
  curl_easy_setopt(x->easy, CURLOPT_HEADERDATA, x);
  curl_easy_setopt(x->easy, CURLOPT_NOSIGNAL, 1L);
  return x;
}

void conf_xfer_free(conf_xfer *x) {
  if (!x) return;
  curl_easy_cleanup(x->easy);
  free(x);
}

void conf_xfer_print(conf_xfer *x) {
  printf("%s: body %lu bytes hash %08lx, %d header lines\n", x->name, (unsigned long)x->body_bytes,
         x->body_hash & 0xffffffffUL, x->header_lines);
}

static void info_str(CURL *e, const char *name, CURLINFO what, const char *label) {
  char *s = NULL;
  CURLcode rc = curl_easy_getinfo(e, what, &s);
  if (rc != CURLE_OK) {
    printf("%s %s: rc=%d\n", name, label, (int)rc);
  } else if (!s) {
    printf("%s %s: NULL\n", name, label);
  } else {
    char pre[64];
    snprintf(pre, sizeof pre, "%s %s: ", name, label);
    conf_print_escaped(pre, s, strlen(s));
  }
}

static void info_long(CURL *e, const char *name, CURLINFO what, const char *label) {
  long v = -77;
  CURLcode rc = curl_easy_getinfo(e, what, &v);
  if (rc != CURLE_OK)
    printf("%s %s: rc=%d\n", name, label, (int)rc);
  else
    printf("%s %s: %ld\n", name, label, v);
}

static void info_off(CURL *e, const char *name, CURLINFO what, const char *label) {
  curl_off_t v = -77;
  CURLcode rc = curl_easy_getinfo(e, what, &v);
  if (rc != CURLE_OK)
    printf("%s %s: rc=%d\n", name, label, (int)rc);
  else
    printf("%s %s: %ld\n", name, label, (long)v);
}

void conf_print_info(CURL *e, const char *name) {
  long port = -1;
  info_long(e, name, CURLINFO_RESPONSE_CODE, "response_code");
  info_long(e, name, CURLINFO_HTTP_CONNECTCODE, "connectcode");
  info_long(e, name, CURLINFO_HTTP_VERSION, "http_version");
  info_str(e, name, CURLINFO_EFFECTIVE_URL, "effective_url");
  info_str(e, name, CURLINFO_EFFECTIVE_METHOD, "effective_method");
  info_long(e, name, CURLINFO_REDIRECT_COUNT, "redirect_count");
  info_str(e, name, CURLINFO_REDIRECT_URL, "redirect_url");
  info_str(e, name, CURLINFO_CONTENT_TYPE, "content_type");
  info_off(e, name, CURLINFO_SIZE_DOWNLOAD_T, "size_download");
  info_off(e, name, CURLINFO_SIZE_UPLOAD_T, "size_upload");
  info_off(e, name, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, "content_length_download");
  info_off(e, name, CURLINFO_CONTENT_LENGTH_UPLOAD_T, "content_length_upload");
  info_long(e, name, CURLINFO_HEADER_SIZE, "header_size");
  info_long(e, name, CURLINFO_REQUEST_SIZE, "request_size");
  info_long(e, name, CURLINFO_NUM_CONNECTS, "num_connects");
  info_long(e, name, CURLINFO_OS_ERRNO, "os_errno");
  info_str(e, name, CURLINFO_PRIMARY_IP, "primary_ip");
  if (curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &port) == CURLE_OK)
    printf("%s primary_port: %s\n", name, port == g_port ? "PORT" : port == 0 ? "0" : "other");
  info_str(e, name, CURLINFO_LOCAL_IP, "local_ip");
  info_long(e, name, CURLINFO_CONDITION_UNMET, "condition_unmet");
  info_long(e, name, CURLINFO_FILETIME, "filetime");
  info_str(e, name, CURLINFO_SCHEME, "scheme");
  info_long(e, name, CURLINFO_HTTPAUTH_AVAIL, "httpauth_avail");
  info_long(e, name, CURLINFO_PROXYAUTH_AVAIL, "proxyauth_avail");
  info_off(e, name, CURLINFO_RETRY_AFTER, "retry_after");
  info_long(e, name, CURLINFO_SSL_VERIFYRESULT, "ssl_verifyresult");
}

int conf_drain_messages(CURLM *m, int remove) {
  CURLMsg *msg;
  int left = -1, count = 0;
  while ((msg = curl_multi_info_read(m, &left)) != NULL) {
    CURL *e = msg->easy_handle;
    CURLcode res = msg->data.result;
    ++count;
    if (msg->msg == CURLMSG_DONE)
      printf("msg %s DONE result=%d (%s) left=%d\n", conf_easy_name(e), (int)res,
             curl_easy_strerror(res), left);
    else
      printf("msg %s type=%d left=%d\n", conf_easy_name(e), (int)msg->msg, left);
    if (remove) printf("remove %s = %d\n", conf_easy_name(e), (int)curl_multi_remove_handle(m, e));
  }
  return count;
}

CURLcode conf_perform_print(conf_xfer *x) {
  CURLcode rc = curl_easy_perform(x->easy);
  printf("%s perform = %d (%s)\n", x->name, (int)rc, curl_easy_strerror(rc));
  conf_xfer_print(x);
  conf_print_info(x->easy, x->name);
  return rc;
}

/* ---- nginx --------------------------------------------------------------------------- */
const char *conf_nginx_dir(void) {
  const char *d = getenv("CONF_NGINX_DIR");
  if (!d || !*d) {
    printf("FAIL: CONF_NGINX_DIR is not set (a case for the nginx fixture)\n");
    exit(1);
  }
  return d;
}

int conf_nginx_port(const char *block) {
  char var[64];
  const char *v;
  size_t i;
  snprintf(var, sizeof var, "CONF_PORT_%s", block);
  for (i = 10; var[i]; ++i)
    if (var[i] >= 'a' && var[i] <= 'z') var[i] = (char)(var[i] - 'a' + 'A');
  v = getenv(var);
  if (!v || !*v) {
    printf("FAIL: no nginx server block %s (%s is not set)\n", block, var);
    exit(1);
  }
  return atoi(v);
}

const char *conf_nginx_url_host(const char *block, const char *host, const char *path) {
  static char buf[4][512];
  static int slot;
  char *b = buf[slot++ & 3];
  int plain = !strcmp(block, "http") || !strcmp(block, "gzip_http");
  snprintf(b, sizeof buf[0], "%s://%s:%d%s", plain ? "http" : "https", host,
           conf_nginx_port(block), path);
  return b;
}

const char *conf_nginx_url(const char *block, const char *path) {
  return conf_nginx_url_host(block, "localhost", path);
}

const char *conf_cert(const char *file) {
  static char buf[4][1024];
  static int slot;
  char *b = buf[slot++ & 3];
  snprintf(b, sizeof buf[0], "%s/certs/%s", conf_nginx_dir(), file);
  return b;
}

char *conf_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long n;
  if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (data = malloc((size_t)n + 1)) != NULL && fread(data, 1, (size_t)n, f) == (size_t)n) {
    data[n] = 0;
    if (len) *len = (size_t)n;
    fclose(f);
    return data;
  }
  printf("FAIL: cannot read %s\n", path);
  exit(1);
}

/* Replaces every occurrence of from (when followed by a non-digit, for ports) by to. */
static void replace_all(char *text, size_t cap, const char *from, const char *to,
                        int digit_boundary) {
  size_t fl = strlen(from), tl = strlen(to);
  char *p = text;
  if (!fl) return;
  while ((p = strstr(p, from)) != NULL) {
    size_t rest = strlen(p + fl);
    if (digit_boundary && p[fl] >= '0' && p[fl] <= '9') {
      p += fl;
      continue;
    }
    if ((size_t)(p - text) + tl + rest + 1 > cap) return;
    memmove(p + tl, p + fl, rest + 1);
    memcpy(p, to, tl);
    p += tl;
  }
}

void conf_normalise_text(char *text, size_t cap) {
  extern char **environ;
  char **e;
  const char *d = getenv("CONF_NGINX_DIR");
  if (d && *d) replace_all(text, cap, d, "DIR", 0);
  for (e = environ; *e; ++e) {
    const char *eq;
    if (strncmp(*e, "CONF_PORT_", 10) != 0 || (eq = strchr(*e, '=')) == NULL) continue;
    replace_all(text, cap, eq + 1, "PORT", 1);
  }
}

conf_tls *conf_tls_new(const char *name, const char *url) {
  conf_tls *t = calloc(1, sizeof *t);
  if (!t) exit(1);
  t->x = conf_xfer_new(name, url);
  t->x->print_headers = 0; /* Date, Last-Modified, ETag change from run to run */
  curl_easy_setopt(t->x->easy, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
  curl_easy_setopt(t->x->easy, CURLOPT_ERRORBUFFER, t->errbuf);
  return t;
}

void conf_tls_free(conf_tls *t) {
  if (!t) return;
  conf_xfer_free(t->x);
  free(t);
}

CURLcode conf_tls_perform(conf_tls *t, int print_error) {
  long code = -1, verify = -1;
  CURLcode rc;
  t->errbuf[0] = 0;
  rc = curl_easy_perform(t->x->easy);
  printf("%s perform = %d (%s)\n", t->x->name, (int)rc, curl_easy_strerror(rc));
  if (rc == CURLE_OK) conf_xfer_print(t->x);
  curl_easy_getinfo(t->x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(t->x->easy, CURLINFO_SSL_VERIFYRESULT, &verify);
  printf("%s response_code: %ld ssl_verifyresult: %ld\n", t->x->name, code, verify);
  if (print_error && rc != CURLE_OK) {
    conf_normalise_text(t->errbuf, sizeof t->errbuf);
    printf("%s error: %s\n", t->x->name, t->errbuf);
  }
  return rc;
}
