/* curl_easy_pause inside the socket callback ("all callbacks except the socket
 * callback"): no crash, no use after free, and the transfer completes. Runs on mcurl
 * only (7.88.1 gives no guarantee here; later versions had CVE-2026-9080), checking
 * itself. BEHAVIOUR.md items 52, 126. */
/* server: scripts/keepalive2.script */
/* mcurl-only */
#include <stdio.h>

#include "support/conf.h"

#define EXPECT(what, got, want)                                                    \
  do {                                                                             \
    int g_ = (int)(got);                                                           \
    printf("%s%s = %d (want %d)\n", g_ == (want) ? "" : "FAIL: ", what, g_, want); \
  } while (0)

static int g_pause_rc = -1;
static int pausing_sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  (void)s;
  (void)u;
  (void)sp;
  if (g_pause_rc == -1 && what != CURL_POLL_REMOVE)
    g_pause_rc = (int)curl_easy_pause(e, CURLPAUSE_CONT);
  return 0;
}

static void drive(CURLM *m) {
  int running = 1, n, i;
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
}

int main(int argc, char **argv) {
  CURLM *m;
  CURL *e;
  CURLMsg *msg;
  int n, running;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, pausing_sock_cb);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/b"));
  curl_multi_add_handle(m, e);
  curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  drive(m);
  printf("pause in the socket callback answered %d\n", g_pause_rc);
  msg = curl_multi_info_read(m, &n);
  EXPECT("DONE after pause in the socket callback", msg != NULL, 1);
  if (msg) EXPECT("result", msg->data.result, CURLE_OK);
  curl_multi_remove_handle(m, e);
  curl_easy_cleanup(e);
  EXPECT("multi cleanup", curl_multi_cleanup(m), CURLM_OK);
  curl_global_cleanup();
  return 0;
}
