/* Request bodies (the server log compares the bytes sent): POSTFIELDS, COPYPOSTFIELDS
 * with an explicit size and a NUL inside, an empty POST, POST from a read callback with
 * and without a size (chunked), PUT via UPLOAD with INFILESIZE, CUSTOMREQUEST. Sizes
 * uploaded and request sizes. BEHAVIOUR.md item 101. */
/* server: scripts/upload.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

struct src {
  const char *data;
  size_t len, pos;
};

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  struct src *s = (struct src *)u;
  size_t room = sz * n, left = s->len - s->pos;
  if (left > room) left = room;
  if (left > 7) left = 7; /* several read calls */
  memcpy(buf, s->data + s->pos, left);
  s->pos += left;
  return left;
}

int main(int argc, char **argv) {
  conf_xfer *x;
  struct src s;
  char fields[] = "a=1&b=2";
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);

  x = conf_xfer_new("postfields", conf_url("/post"));
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, fields);
  conf_perform_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("copy", conf_url("/copy"));
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE, 5L);
  curl_easy_setopt(x->easy, CURLOPT_COPYPOSTFIELDS, "ab\0cdXYZ");
  conf_perform_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("empty", conf_url("/empty"));
  curl_easy_setopt(x->easy, CURLOPT_POST, 1L);
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "");
  conf_perform_print(x);
  conf_xfer_free(x);

  s.data = "read callback body, 33 bytes long";
  s.len = strlen(s.data);
  s.pos = 0;
  x = conf_xfer_new("readpost", conf_url("/readpost"));
  curl_easy_setopt(x->easy, CURLOPT_POST, 1L);
  curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(x->easy, CURLOPT_READDATA, &s);
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE, (long)s.len);
  conf_perform_print(x);
  conf_xfer_free(x);

  s.pos = 0;
  x = conf_xfer_new("put", conf_url("/put"));
  curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(x->easy, CURLOPT_READDATA, &s);
  curl_easy_setopt(x->easy, CURLOPT_INFILESIZE, (long)s.len);
  conf_perform_print(x);
  conf_xfer_free(x);

  s.pos = 0;
  x = conf_xfer_new("chunkedpost", conf_url("/chunked"));
  curl_easy_setopt(x->easy, CURLOPT_POST, 1L);
  curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(x->easy, CURLOPT_READDATA, &s);
  conf_perform_print(x);
  conf_xfer_free(x);

  x = conf_xfer_new("custom", conf_url("/custom"));
  curl_easy_setopt(x->easy, CURLOPT_CUSTOMREQUEST, "PATCH");
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "{\"k\":1}");
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
