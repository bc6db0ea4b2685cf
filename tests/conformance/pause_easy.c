/* Pause inside curl_easy_perform: the write callback returns CURL_WRITEFUNC_PAUSE, the
 * progress callback unpauses a little later, the same bytes are delivered again and the
 * body is complete; CURLPAUSE_SEND / ALL / CONT answers from the progress callback.
 * BEHAVIOUR.md items 91, 93, 94, 95, 96. */
/* server: scripts/body_3parts.script */
#include <stdio.h>

#include "support/conf.h"

static conf_xfer *g_x;
static int g_progress_while_paused;

static int progress(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  (void)u;
  (void)dt;
  (void)dn;
  (void)ut;
  (void)un;
  if (g_x->write_calls >= 1 && g_progress_while_paused >= 0) {
    if (++g_progress_while_paused == 3) {
      printf("progress: pause ALL = %d\n", (int)curl_easy_pause(g_x->easy, CURLPAUSE_ALL));
      printf("progress: pause SEND = %d\n", (int)curl_easy_pause(g_x->easy, CURLPAUSE_SEND));
      printf("progress: unpause = %d\n", (int)curl_easy_pause(g_x->easy, CURLPAUSE_CONT));
      printf("progress: body bytes now %lu\n", (unsigned long)g_x->body_bytes);
      g_progress_while_paused = -1;
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  g_x = conf_xfer_new("e1", conf_url("/pe"));
  g_x->print_headers = 0;
  g_x->print_body = 1;
  g_x->pause_at_write = 1;
  curl_easy_setopt(g_x->easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(g_x->easy, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(g_x->easy, CURLOPT_XFERINFOFUNCTION, progress);
  printf("perform = %d\n", (int)curl_easy_perform(g_x->easy));
  conf_xfer_print(g_x);
  conf_xfer_free(g_x);
  curl_global_cleanup();
  return 0;
}
