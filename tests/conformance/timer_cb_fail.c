/* The timer callback returns -1 at its 1st call (inside add_handle), its 2nd (inside the
 * kickstart) and its 3rd: the calling API answers CURLM_ABORTED_BY_CALLBACK, the multi
 * is dead (add_handle answers ABORTED_BY_CALLBACK) until every handle is removed, the
 * transfers end with CURLE_ABORTED_BY_CALLBACK, and every announced socket gets its
 * REMOVE while the fd is open.
 * mcurl only, self-checking: libcurl 7.88.1 crashes (SIGSEGV) after a failure at the
 * 1st or 3rd call, and after one at the 2nd it sends REMOVE for an fd it has already
 * closed (epoll_ctl DEL fails with EBADF). BEHAVIOUR.md items 13, 43, 44, 50, 69, 128. */
/* loops: epoll poll */
/* mcurl-only */
#include <stdio.h>

#include "support/conf.h"

#define EXPECT(what, got, want)                                                    \
  do {                                                                             \
    int g_ = (int)(got);                                                           \
    printf("%s%s = %d (want %d)\n", g_ == (want) ? "" : "FAIL: ", what, g_, want); \
  } while (0)

static void scenario(int fail_at, const char *url) {
  CURLM *m = curl_multi_init();
  conf_loop *l = conf_loop_new(m, conf_loop_kind());
  conf_xfer *x = conf_xfer_new("e1", url);
  conf_xfer *y = conf_xfer_new("e2", url);
  CURLMcode rc;
  CURLMsg *msg;
  int running = -5, n = -1, results = 0;
  printf("== timer callback fails at call %d\n", fail_at);
  conf_loop_options(l)->timer_fail_at = fail_at;
  rc = curl_multi_add_handle(m, x->easy);
  EXPECT("add e1", rc, fail_at == 1 ? CURLM_ABORTED_BY_CALLBACK : CURLM_OK);
  rc = curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  EXPECT("kickstart", rc, fail_at == 2 ? CURLM_ABORTED_BY_CALLBACK : CURLM_OK);
  if (fail_at == 3) {
    /* the 3rd timer call comes from this add_handle */
    EXPECT("add e2 (its timer call fails)", curl_multi_add_handle(m, y->easy),
           CURLM_ABORTED_BY_CALLBACK);
  } else {
    EXPECT("add e2 on the dead multi", curl_multi_add_handle(m, y->easy),
           CURLM_ABORTED_BY_CALLBACK);
  }
  EXPECT("perform", curl_multi_perform(m, &running), CURLM_OK);
  EXPECT("running", running, 0);
  while ((msg = curl_multi_info_read(m, &n)) != NULL) {
    ++results;
    EXPECT("result", msg->data.result, CURLE_ABORTED_BY_CALLBACK);
  }
  /* at the 3rd call e2 was added (its own timer update failed): two transfers */
  EXPECT("DONE messages", results, fail_at == 3 ? 2 : 1);
  EXPECT("remove e1", curl_multi_remove_handle(m, x->easy), CURLM_OK);
  EXPECT("remove e2", curl_multi_remove_handle(m, y->easy), CURLM_OK);
  EXPECT("sockets still watched", conf_loop_watched(l), 0);
  conf_loop_options(l)->timer_fail_at = 0;
  EXPECT("add e2 after all removed", curl_multi_add_handle(m, y->easy), CURLM_OK);
  EXPECT("remove e2", curl_multi_remove_handle(m, y->easy), CURLM_OK);
  EXPECT("multi cleanup", curl_multi_cleanup(m), CURLM_OK);
  conf_loop_free(l);
  conf_xfer_free(x);
  conf_xfer_free(y);
}

int main(int argc, char **argv) {
  char url[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  /* a closed port: the connect attempt is the only socket */
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", conf_closed_port());
  scenario(1, url);
  scenario(2, url);
  scenario(3, url);
  curl_global_cleanup();
  return 0;
}
