/* Easy API calls from inside callbacks: curl_easy_perform on the running handle and on
 * another handle, curl_easy_recv / curl_easy_send answer CURLE_RECURSIVE_API_CALL in a
 * multi-driven write callback; add_handle of a real handle and remove_handle of the
 * running one answer CURLM_RECURSIVE_API_CALL and change nothing (the transfer
 * completes, the other handle is not added); getinfo and setopt are allowed.
 * BEHAVIOUR.md items 12, 23, 75, 77, 78, 80. */
/* server: scripts/get_200.script */
/* loops: epoll poll */
#include <stdio.h>

#include "support/conf.h"

static CURLM *g_multi;
static CURL *g_other;
static int g_done;

static size_t writer(char *p, size_t sz, size_t n, void *u) {
  CURL *self = (CURL *)u;
  char buf[4];
  size_t got = 99;
  long code = -1;
  (void)p;
  if (!g_done) {
    g_done = 1;
    printf("in write: easy_perform(self) = %d\n", (int)curl_easy_perform(self));
    printf("in write: easy_perform(other) = %d\n", (int)curl_easy_perform(g_other));
    printf("in write: easy_recv = %d", (int)curl_easy_recv(self, buf, sizeof buf, &got));
    printf(" got=%lu\n", (unsigned long)got);
    got = 99;
    printf("in write: easy_send = %d", (int)curl_easy_send(self, "x", 1, &got));
    printf(" sent=%lu\n", (unsigned long)got);
    printf("in write: add(other) = %d\n", (int)curl_multi_add_handle(g_multi, g_other));
    printf("in write: remove(self) = %d\n", (int)curl_multi_remove_handle(g_multi, self));
    printf("in write: getinfo = %d", (int)curl_easy_getinfo(self, CURLINFO_RESPONSE_CODE, &code));
    printf(" code=%ld\n", code);
    printf("in write: setopt = %d\n", (int)curl_easy_setopt(self, CURLOPT_VERBOSE, 0L));
  }
  return sz * n;
}

int main(int argc, char **argv) {
  conf_loop *l;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  g_multi = curl_multi_init();
  g_other = curl_easy_init();
  curl_easy_setopt(g_other, CURLOPT_URL, "http://127.0.0.1:1/");
  l = conf_loop_new(g_multi, conf_loop_kind());
  conf_loop_options(l)->print_timers = 0;
  x = conf_xfer_new("e1", conf_url("/re"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, x->easy);
  curl_multi_add_handle(g_multi, x->easy);
  conf_loop_run(l, 5000);
  conf_drain_messages(g_multi, 1);
  printf("remove other (never added) = %d\n", (int)curl_multi_remove_handle(g_multi, g_other));
  conf_xfer_free(x);
  curl_easy_cleanup(g_other);
  printf("multi cleanup = %d\n", (int)curl_multi_cleanup(g_multi));
  conf_loop_free(l);
  curl_global_cleanup();
  return 0;
}
