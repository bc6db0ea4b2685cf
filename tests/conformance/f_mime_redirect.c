/* A multipart body sent again after 307 and 308 (HTTPPOST: a new mime tree and boundary
 * per request; MIMEPOST: rewound, with the seek callback of a data_cb part called), and
 * dropped after 303 (GET). A data_cb part without a seek callback cannot be sent twice:
 * the 307 ends in CURLE_SEND_FAIL_REWIND. Forms (issue 7). */
/* server: scripts/f_mime_redirect.script */
#include "f_common.h"

struct src {
  int pos;
};
static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  struct src *s = arg;
  static const char text[] = "callback body";
  size_t len = sizeof text - 1 - (size_t)s->pos;
  (void)size;
  if (n < len) len = n;
  memcpy(buf, text + s->pos, len);
  s->pos += (int)len;
  printf("read %zu\n", len);
  return len;
}
static int cb_seek(void *arg, curl_off_t off, int origin) {
  struct src *s = arg;
  printf("seek %lld %d\n", (long long)off, origin);
  s->pos = (int)off;
  return CURL_SEEKFUNC_OK;
}

int main(int argc, char **argv) {
  CURL *e;
  curl_mime *m;
  curl_mimepart *p;
  struct curl_httppost *first = NULL, *last = NULL;
  struct src s = {0}, s2 = {0};
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);

  curl_formadd(&first, &last, CURLFORM_COPYNAME, "field", CURLFORM_COPYCONTENTS, "value",
               CURLFORM_END);
  curl_easy_setopt(e, CURLOPT_HTTPPOST, first);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/307"));
  f_perform(e, "httppost 307");

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "cb");
  curl_mime_data_cb(p, 13, cb_read, cb_seek, NULL, &s);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "data");
  curl_mime_data(p, "d", 1);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/308"));
  f_perform(e, "mimepost 308");
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/303"));
  f_perform(e, "mimepost 303");

  curl_mime_data_cb(curl_mime_addpart(m), 13, cb_read, NULL, NULL, &s2);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/307"));
  f_perform(e, "no seek 307");

  curl_mime_free(m);
  curl_formfree(first);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
