/* A data_cb part that pauses the upload (CURL_READFUNC_PAUSE) and is resumed with
 * curl_easy_pause(CURLPAUSE_CONT) from the progress callback: the body goes out whole,
 * with known and with unknown size. Forms (issue 7). */
/* server: scripts/f_mime_pause.script */
#include "f_common.h"

struct st {
  int paused;
  int pos;
  CURL *e;
};
static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  struct st *s = arg;
  (void)size;
  if (s->pos == 3 && !s->paused) {
    s->paused = 1;
    printf("pause at %d\n", s->pos);
    return CURL_READFUNC_PAUSE;
  }
  if (s->pos >= 6 || n == 0) return 0;
  buf[0] = (char)('a' + s->pos++);
  return 1;
}
static int progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  struct st *s = arg;
  (void)dt;
  (void)dn;
  (void)ut;
  (void)un;
  if (s->paused == 1) {
    s->paused = 2;
    printf("unpause %d\n", curl_easy_pause(s->e, CURLPAUSE_CONT));
  }
  return 0;
}

static void go(curl_off_t size, const char *label) {
  struct st s = {0, 0, NULL};
  CURL *e = curl_easy_init();
  curl_mime *m = curl_mime_init(e);
  curl_mimepart *p = curl_mime_addpart(m);
  s.e = e;
  curl_mime_name(p, "paused");
  curl_mime_data_cb(p, size, cb_read, NULL, NULL, &s);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/pause"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, progress);
  curl_easy_setopt(e, CURLOPT_XFERINFODATA, &s);
  f_perform(e, label);
  curl_easy_cleanup(e);
  curl_mime_free(m);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  go(6, "known size");
  go(-1, "unknown size");
  curl_global_cleanup();
  return 0;
}
