/* TLS: uploads and many requests over one TLS connection: POSTs of 0 bytes, 100 KiB and
 * 4 MiB (POSTFIELDS and a read callback, chunked), then 200 small GETs on one handle,
 * which keep one connection. */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>
#include <string.h>

typedef struct source {
  size_t left;
  int calls;
} source;

static size_t on_read(char *buf, size_t size, size_t n, void *userp) {
  source *s = (source *)userp;
  size_t want = size * n;
  if (want > s->left) want = s->left;
  memset(buf, 'u', want);
  s->left -= want;
  ++s->calls;
  return want;
}

static void post(const char *name, const char *fields, long len, size_t stream) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/name"));
  source src = {0, 0};
  struct curl_slist *h = NULL;
  curl_off_t up = -1;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  /* Wait for nginx's "100 Continue" however loaded the machine is (the 1 s default would
   * let the body go first on a slow run, on either library). */
  curl_easy_setopt(t->x->easy, CURLOPT_EXPECT_100_TIMEOUT_MS, 30000L);
  if (fields) {
    curl_easy_setopt(t->x->easy, CURLOPT_POSTFIELDSIZE, len);
    curl_easy_setopt(t->x->easy, CURLOPT_POSTFIELDS, fields);
  } else {
    src.left = stream;
    curl_easy_setopt(t->x->easy, CURLOPT_POST, 1L);
    curl_easy_setopt(t->x->easy, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(t->x->easy, CURLOPT_READDATA, &src);
    h = curl_slist_append(h, "Transfer-Encoding: chunked");
    curl_easy_setopt(t->x->easy, CURLOPT_HTTPHEADER, h);
  }
  conf_tls_perform(t, 0);
  curl_easy_getinfo(t->x->easy, CURLINFO_SIZE_UPLOAD_T, &up);
  printf("%s size_upload %ld, stream left %lu\n", name, (long)up, (unsigned long)src.left);
  curl_slist_free_all(h);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  char *big;
  conf_tls *t;
  int i, ok = 0;
  long connects = 0;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  big = malloc(4 << 20);
  memset(big, 'p', 4 << 20);
  post("empty", "", 0, 0);
  post("100k", big, 100 * 1024, 0);
  post("4m", big, 4 << 20, 0);
  post("stream", NULL, 0, 3 << 20);
  free(big);
  t = conf_tls_new("many", conf_nginx_url("good", "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  for (i = 0; i < 200; ++i) {
    long c = 0, code = 0;
    if (curl_easy_perform(t->x->easy) == CURLE_OK) {
      curl_easy_getinfo(t->x->easy, CURLINFO_RESPONSE_CODE, &code);
      curl_easy_getinfo(t->x->easy, CURLINFO_NUM_CONNECTS, &c);
      connects += c;
      if (code == 200) ++ok;
    }
  }
  printf("many: %d of 200 answered 200, %ld connections, %lu body bytes\n", ok, connects,
         (unsigned long)t->x->body_bytes);
  conf_tls_free(t);
  curl_global_cleanup();
  return 0;
}
