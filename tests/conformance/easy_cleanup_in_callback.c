/* curl_easy_cleanup of the handle whose write callback is running must be refused (no
 * free, no crash) and the transfer completes. libcurl 7.88.1 frees the handle under its
 * own callback (use after free), so this runs on mcurl only, self-checking.
 * BEHAVIOUR.md item 35. */
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
  (void)p;
  (void)u;
  if (!g_cleanup_tried) {
    g_cleanup_tried = 1;
    curl_easy_cleanup(g_self); /* must be refused while its callback runs */
  }
  return sz * n;
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
  CURLMsg *msg;
  int n;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
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
  EXPECT("multi cleanup", curl_multi_cleanup(m), CURLM_OK);
  curl_global_cleanup();
  return 0;
}
