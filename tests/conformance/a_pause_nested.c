/* Nested callbacks: the write callback pauses the transfer; curl_easy_pause(CONT) then
 * delivers the held data by calling the write callback from inside curl_easy_pause.
 * (1) unpaused by the application (outside any callback): the nested write callback
 * still gets CURLM_RECURSIVE_API_CALL / CURLE_RECURSIVE_API_CALL for the denied calls;
 * (2) unpaused from the xferinfo callback (write callback inside curl_easy_pause inside
 * a callback): the same answers in the nested write callback. The body is whole both
 * times. BEHAVIOUR.md items 79, 91, 95. */
/* server: scripts/get_200.script */
#include <stdio.h>
#include <string.h>

#include "support/reentry.h"

static int g_writes, g_paused, g_unpause_in_progress;
static size_t g_bytes;

static size_t writer(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  g_writes++;
  if (g_writes == 1) {
    g_paused = 1;
    printf(" write 1: pause\n");
    return CURL_WRITEFUNC_PAUSE;
  }
  printf(" write %d: %lu bytes\n", g_writes, (unsigned long)(sz * n));
  conf_reentry_try("nested write callback");
  g_bytes += sz * n;
  return sz * n;
}

static int xferinfo(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  (void)u;
  (void)dt;
  (void)dn;
  (void)ut;
  (void)un;
  if (g_paused && g_unpause_in_progress) {
    g_paused = 0;
    long t = -7;
    printf(" xferinfo: pause(CONT) = %d\n", (int)curl_easy_pause(conf_re.self, CURLPAUSE_CONT));
    /* 7.88.1 clears its single in_callback flag when the nested write callback returns,
     * so a call here is not refused there (the bug item 79 is about); mcurl counts the
     * nesting and refuses it. Not compared. */
    printf("~ xferinfo after pause: timeout = %d\n", (int)curl_multi_timeout(conf_re.multi, &t));
  }
  return 0;
}

static void run(const char *label, int from_callback) {
  CURL *e = curl_easy_init();
  int running = 1, i, n;
  CURLMsg *msg;
  printf("%s\n", label);
  memset(&conf_re, 0, sizeof conf_re);
  g_writes = 0;
  g_paused = 0;
  g_bytes = 0;
  g_unpause_in_progress = from_callback;
  conf_re.multi = curl_multi_init();
  conf_re.spare = curl_multi_init();
  conf_re.other = curl_easy_init();
  conf_re.self = e;
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/nested"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, writer);
  if (from_callback) {
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, xferinfo);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
  }
  curl_multi_add_handle(conf_re.multi, e);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(conf_re.multi, &running);
    if (g_paused && !from_callback) {
      g_paused = 0;
      printf(" application: pause(CONT) = %d\n", (int)curl_easy_pause(e, CURLPAUSE_CONT));
      continue;
    }
    if (running) curl_multi_wait(conf_re.multi, NULL, 0, 50, &n);
  }
  while ((msg = curl_multi_info_read(conf_re.multi, &n)))
    printf(" done result=%d body=%lu bytes writes=%d\n", (int)msg->data.result,
           (unsigned long)g_bytes, g_writes);
  printf(" remove=%d", (int)curl_multi_remove_handle(conf_re.multi, e));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(conf_re.multi));
  curl_multi_cleanup(conf_re.spare);
  curl_easy_cleanup(conf_re.other);
  curl_easy_cleanup(e);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("unpaused by the application", 0);
  run("unpaused from the xferinfo callback", 1);
  curl_global_cleanup();
  return 0;
}
