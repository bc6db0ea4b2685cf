/* curl_multi_fdset at each stage of a transfer (driven by curl_multi_perform and
 * select): while connecting the socket is in the write set, while waiting for the
 * answer in the read set only, nothing in the exception set; bits the application set
 * before the call stay set (fdset only adds); after the transfer max_fd is -1 and the
 * sets are untouched; NULL sets are accepted. BEHAVIOUR.md item 114. */
/* server: scripts/slow_answer.script */
#include <stdio.h>
#include <string.h>
#include <sys/select.h>

#include "support/conf.h"

static curl_socket_t g_sock = CURL_SOCKET_BAD;

static int sockopt(void *u, curl_socket_t s, curlsocktype purpose) {
  (void)u;
  (void)purpose;
  g_sock = s;
  return CURL_SOCKOPT_OK;
}

static void snap(CURLM *m, CURL *e, const char *label, const char **last) {
  fd_set r, w, x;
  int maxfd = -7;
  long sock = (long)g_sock;
  char line[160];
  CURLMcode rc;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  FD_SET(0, &r); /* the application's own descriptor */
  rc = curl_multi_fdset(m, &r, &w, &x, &maxfd);
  (void)e;
  snprintf(line, sizeof line, "rc=%d max_fd %s, socket in read=%d write=%d except=%d, fd 0 kept=%d",
           (int)rc,
           maxfd < 0       ? "-1"
           : maxfd == sock ? "= socket"
                           : "other",
           sock >= 0 && FD_ISSET((int)sock, &r), sock >= 0 && FD_ISSET((int)sock, &w),
           sock >= 0 && FD_ISSET((int)sock, &x), FD_ISSET(0, &r) != 0);
  if (*last && !strcmp(*last, line)) return;
  printf("%s: %s\n", label, line);
  {
    static char keep[160];
    snprintf(keep, sizeof keep, "%s", line);
    *last = keep;
  }
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  int running = 1, i, maxfd = -7;
  const char *last = NULL;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  x = conf_xfer_new("e1", conf_url("/fd"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_SOCKOPTFUNCTION, sockopt);
  curl_multi_add_handle(m, x->easy);
  snap(m, x->easy, "after add", &last);
  for (i = 0; i < 1000 && running; ++i) {
    fd_set r, w, ex;
    struct timeval tv = {0, 50000};
    curl_multi_perform(m, &running);
    if (!running) break;
    snap(m, x->easy, "running", &last);
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&ex);
    curl_multi_fdset(m, &r, &w, &ex, &maxfd);
    select(maxfd + 1, &r, &w, &ex, &tv);
  }
  conf_drain_messages(m, 1);
  last = NULL;
  snap(m, x->easy, "after the transfer", &last);
  printf("NULL sets: %d", (int)curl_multi_fdset(m, NULL, NULL, NULL, &maxfd));
  printf(" max_fd=%d\n", maxfd);
  conf_xfer_print(x);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
