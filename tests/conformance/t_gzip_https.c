/* TLS: gzip over https (and the same over plain http for comparison): with
 * CURLOPT_ACCEPT_ENCODING "" the body arrives decoded (same hash as the identity
 * transfer), the downloaded size is the compressed one; an Accept-Encoding header set by
 * hand gets the raw gzip bytes. */
/* server: nginx */
#include "support/conf.h"
#include <string.h>

static void one(const char *name, const char *block, const char *path, const char *enc,
                int raw) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, path));
  struct curl_slist *h = NULL;
  curl_off_t size = -1;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (enc) curl_easy_setopt(t->x->easy, CURLOPT_ACCEPT_ENCODING, enc);
  if (raw) {
    /* Asked for by hand: libcurl passes the gzip bytes through undecoded. */
    h = curl_slist_append(h, "Accept-Encoding: gzip");
    curl_easy_setopt(t->x->easy, CURLOPT_HTTPHEADER, h);
  }
  if (conf_tls_perform(t, 0) == CURLE_OK) {
    curl_easy_getinfo(t->x->easy, CURLINFO_SIZE_DOWNLOAD_T, &size);
    printf("%s size_download: %ld (%s)\n", name, (long)size,
           size == (curl_off_t)t->x->body_bytes ? "= body" : "!= body");
  }
  conf_tls_free(t);
  curl_slist_free_all(h);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("identity_1k", "good", "/1k", NULL, 0);
  one("gzip_1k", "gzip_https", "/1k", "", 0);
  one("gzip_1k_named", "gzip_https", "/1k", "gzip", 0);
  one("raw_1k", "gzip_https", "/1k", NULL, 0);
  one("identity_1m", "good", "/1m", NULL, 0);
  one("gzip_1m", "gzip_https", "/1m", "", 0);
  one("http_gzip_1m", "gzip_http", "/1m", "", 0);
  one("deflate_only", "gzip_https", "/1m", "deflate", 0);
  one("raw_gzip_1k", "gzip_https", "/1k", NULL, 1);
  one("raw_gzip_1m", "gzip_https", "/1m", NULL, 1);
  curl_global_cleanup();
  return 0;
}
