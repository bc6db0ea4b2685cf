/* BEHAVIOUR.md item 98: pausing (CURL_WRITEFUNC_PAUSE) in the middle of a decoded body
 * and resuming from the progress callback. The refused piece comes again and the whole
 * decoded body arrives; SIZE_DOWNLOAD counts the bytes as sent. mcurl keeps the rest of
 * the body encoded while paused (bounded memory) where 7.88.1 keeps it decoded; what the
 * application sees is the same. */
/* server: scripts/d_pause_decoded.script */
#include <stdio.h>

#include "support/conf.h"

static int g_unpaused;

static int unpause_cb(void *u, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                      curl_off_t ulnow) {
  conf_xfer *x = (conf_xfer *)u;
  (void)dltotal;
  (void)ultotal;
  (void)ulnow;
  if (!g_unpaused && x->write_calls >= x->pause_at_write) {
    g_unpaused = 1;
    printf("%s: unpause (dlnow %ld) = %d\n", x->name, (long)dlnow,
           (int)curl_easy_pause(x->easy, CURLPAUSE_CONT));
  }
  return 0;
}

static void run(int i, int pause_at, const char *accept) {
  char name[16];
  conf_xfer *x;
  snprintf(name, sizeof name, "p%d", i);
  x = conf_xfer_new(name, conf_url("/p"));
  x->print_headers = 0;
  x->pause_at_write = pause_at;
  g_unpaused = 0;
  curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, accept);
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, unpause_cb);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, x);
  conf_perform_print(x);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run(0, 1, "gzip");
  run(1, 3, "gzip");
  run(2, 1, "gzip");
  run(3, 2, "deflate");
  curl_global_cleanup();
  return 0;
}
