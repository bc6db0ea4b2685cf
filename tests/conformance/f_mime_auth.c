/* A multipart body and authentication rounds: with CURLAUTH_ANY the first request goes
 * without credentials and the 401's offer (Basic, then Digest) makes a second request
 * that sends the body again (rewound: the data_cb part's seek callback is called); an
 * HTTPPOST form gets a new boundary for the second request. Forms (issue 7). */
/* server: scripts/f_mime_auth.script */
#include "f_common.h"

struct src {
  int pos;
};
static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  struct src *s = arg;
  static const char text[] = "callback";
  size_t len = sizeof text - 1 - (size_t)s->pos;
  (void)size;
  if (n < len) len = n;
  memcpy(buf, text + s->pos, len);
  s->pos += (int)len;
  printf("read %zu\n", len);
  return len;
}
static int cb_seek(void *arg, curl_off_t off, int origin) {
  printf("seek %lld %d\n", (long long)off, origin);
  ((struct src *)arg)->pos = (int)off;
  return CURL_SEEKFUNC_OK;
}

static CURL *handle(const char *path) {
  CURL *e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_USERPWD, "user:secret");
  curl_easy_setopt(e, CURLOPT_HTTPAUTH, (long)CURLAUTH_ANY);
  curl_easy_setopt(e, CURLOPT_URL, conf_url(path));
  return e;
}

static curl_mime *make_mime(struct src *s) {
  curl_mime *m = curl_mime_init(NULL);
  curl_mimepart *p = curl_mime_addpart(m);
  curl_mime_name(p, "cb");
  curl_mime_data_cb(p, 8, cb_read, cb_seek, NULL, s);
  return m;
}

int main(int argc, char **argv) {
  CURL *e;
  curl_mime *m;
  struct curl_httppost *first = NULL, *last = NULL;
  struct src s = {0};
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  /* One handle and one mime per round: 7.88.1 would start the next perform with the
   * method the last one picked, and a mime read by another handle starts at its end. */
  e = handle("/basic");
  m = make_mime(&s);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "basic");
  curl_easy_cleanup(e);
  curl_mime_free(m);
  e = handle("/digest");
  s.pos = 0;
  m = make_mime(&s);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "digest");
  curl_easy_cleanup(e);
  curl_mime_free(m);
  curl_formadd(&first, &last, CURLFORM_COPYNAME, "f", CURLFORM_COPYCONTENTS, "v", CURLFORM_END);
  e = handle("/form");
  curl_easy_setopt(e, CURLOPT_HTTPPOST, first);
  f_perform(e, "form basic");
  curl_easy_cleanup(e);
  curl_formfree(first);
  curl_global_cleanup();
  return 0;
}
