/* Misuse that crashes libcurl 7.88.1, answered cleanly by mcurl (runs on mcurl only,
 * self-checking): a NULL multi to curl_multi_socket_action / socket / socket_all /
 * assign (CURLM_BAD_HANDLE), a NULL running_handles, curl_easy_cleanup of the handle
 * whose write callback is running (refused: the transfer completes), curl_easy_pause
 * inside the socket callback (no crash, the transfer completes).
 * BEHAVIOUR.md items 7, 35, 52, 59. */
/* server: scripts/keepalive2.script */
/* mcurl-only */
#include <stdio.h>

#include "support/conf.h"

#define EXPECT(what, got, want)                                                    \
  do {                                                                             \
    int g_ = (int)(got);                                                           \
    printf("%s%s = %d (want %d)\n", g_ == (want) ? "" : "FAIL: ", what, g_, want); \
  } while (0)

static CURL *g_self;
static int g_cleanup_tried;

static size_t cleanup_writer(char *p, size_t sz, size_t n, void *u) {
  (void)p; (void)u;
  if (!g_cleanup_tried) {
    g_cleanup_tried = 1;
    curl_easy_cleanup(g_self); /* must be refused while its callback runs */
  }
  return sz * n;
}

static int g_pause_rc = -1;
static int pausing_sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  (void)s; (void)u; (void)sp;
  if (g_pause_rc == -1 && what != CURL_POLL_REMOVE) g_pause_rc = (int)curl_easy_pause(e, CURLPAUSE_CONT);
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
  int running = -5;
  CURLMsg *msg;
  int n;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  EXPECT("socket_action(NULL)", curl_multi_socket_action(NULL, CURL_SOCKET_TIMEOUT, 0, &running),
         CURLM_BAD_HANDLE);
  EXPECT("socket(NULL)", curl_multi_socket(NULL, CURL_SOCKET_TIMEOUT, &running), CURLM_BAD_HANDLE);
  EXPECT("socket_all(NULL)", curl_multi_socket_all(NULL, &running), CURLM_BAD_HANDLE);
  EXPECT("assign(NULL)", curl_multi_assign(NULL, 3, NULL), CURLM_BAD_HANDLE);
  m = curl_multi_init();
  EXPECT("socket_action(running NULL)", curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, NULL),
         CURLM_OK);

  /* easy_cleanup of the running handle from its own write callback */
  g_self = curl_easy_init();
  curl_easy_setopt(g_self, CURLOPT_URL, conf_url("/a"));
  curl_easy_setopt(g_self, CURLOPT_WRITEFUNCTION, cleanup_writer);
  curl_multi_add_handle(m, g_self);
  drive(m);
  msg = curl_multi_info_read(m, &n);
  EXPECT("DONE after the refused cleanup", msg != NULL, 1);
  if (msg) EXPECT("result", msg->data.result, CURLE_OK);
  EXPECT("remove", curl_multi_remove_handle(m, g_self), CURLM_OK);
  curl_easy_cleanup(g_self);

  /* curl_easy_pause inside the socket callback */
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, pausing_sock_cb);
  g_self = curl_easy_init();
  curl_easy_setopt(g_self, CURLOPT_URL, conf_url("/b"));
  curl_easy_setopt(g_self, CURLOPT_WRITEFUNCTION, cleanup_writer);
  curl_multi_add_handle(m, g_self);
  curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  drive(m);
  printf("pause in socket callback answered %d\n", g_pause_rc);
  msg = curl_multi_info_read(m, &n);
  EXPECT("DONE after pause in the socket callback", msg != NULL, 1);
  if (msg) EXPECT("result", msg->data.result, CURLE_OK);
  curl_multi_remove_handle(m, g_self);
  curl_easy_cleanup(g_self);
  EXPECT("multi cleanup", curl_multi_cleanup(m), CURLM_OK);
  curl_global_cleanup();
  return 0;
}
