/* curl_multi_wait / curl_multi_poll when poll() itself fails: with RLIMIT_NOFILE
 * lowered below the number of descriptors to wait on (extra_fds), poll() fails with
 * EINVAL and both answer CURLM_UNRECOVERABLE_POLL; the multi stays usable (a wait with
 * fewer descriptors works, a transfer still completes). BEHAVIOUR.md item 113. */
/* server: scripts/get_200.script */
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "support/conf.h"

#define NFDS 40

int main(int argc, char **argv) {
  struct curl_waitfd fds[NFDS];
  struct rlimit old, low;
  int pfd[2], i, n, running = 1;
  CURLM *m;
  conf_xfer *x;
  CURLMsg *msg;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  if (pipe(pfd) != 0) return 1;
  for (i = 0; i < NFDS; ++i) {
    fds[i].fd = pfd[1];
    fds[i].events = CURL_WAIT_POLLOUT;
    fds[i].revents = 0;
  }
  getrlimit(RLIMIT_NOFILE, &old);
  low = old;
  low.rlim_cur = 32;
  printf("setrlimit %d\n", setrlimit(RLIMIT_NOFILE, &low));
  n = -1;
  printf("wait %d fds: %d", NFDS, (int)curl_multi_wait(m, fds, NFDS, 100, &n));
  printf(" numfds=%d\n", n);
  n = -1;
  printf("poll %d fds: %d", NFDS, (int)curl_multi_poll(m, fds, NFDS, 100, &n));
  printf(" numfds=%d\n", n);
  n = -1;
  printf("wait 2 fds: %d", (int)curl_multi_wait(m, fds, 2, 100, &n));
  printf(" numfds=%d revents=%d\n", n, fds[0].revents);
  setrlimit(RLIMIT_NOFILE, &old);
  n = -1;
  printf("wait %d fds after restoring the limit: %d", NFDS,
         (int)curl_multi_wait(m, fds, NFDS, 100, &n));
  printf(" numfds=%d\n", n);
  x = conf_xfer_new("e1", conf_url("/p"));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  while ((msg = curl_multi_info_read(m, &n))) printf("done result=%d\n", (int)msg->data.result);
  conf_xfer_print(x);
  curl_multi_remove_handle(m, x->easy);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  close(pfd[0]);
  close(pfd[1]);
  curl_global_cleanup();
  return 0;
}
