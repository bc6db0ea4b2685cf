/* The nginx fixture over plain http (no TLS): the static files in identity and gzip
 * encoding, keep-alive reuse on one handle, a 404. Checks the fixture and the runner's
 * nginx support on both libraries while https is not implemented. */
/* server: nginx */
#include "support/conf.h"

static void one(conf_tls *t, const char *url, const char *enc) {
  curl_easy_setopt(t->x->easy, CURLOPT_URL, url);
  curl_easy_setopt(t->x->easy, CURLOPT_ACCEPT_ENCODING, enc);
  t->x->body_bytes = 0;
  t->x->body_hash = 2166136261UL;
  t->x->header_lines = 0;
  conf_tls_perform(t, 0);
  {
    long connects = -1;
    curl_easy_getinfo(t->x->easy, CURLINFO_NUM_CONNECTS, &connects);
    printf("%s num_connects: %ld\n", t->x->name, connects);
  }
}

int main(int argc, char **argv) {
  conf_tls *t;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  t = conf_tls_new("http", conf_nginx_url("http", "/1k"));
  one(t, conf_nginx_url("http", "/1k"), NULL);
  one(t, conf_nginx_url("http", "/1m"), NULL);
  one(t, conf_nginx_url("http", "/missing"), NULL);
  one(t, conf_nginx_url("http", "/name"), NULL);
  one(t, conf_nginx_url("gzip_http", "/1m"), "");
  one(t, conf_nginx_url("gzip_http", "/1k"), "gzip");
  conf_tls_free(t);
  curl_global_cleanup();
  return 0;
}
