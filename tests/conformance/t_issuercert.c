/* TLS: CURLOPT_ISSUERCERT (right and wrong issuer, a missing file) and
 * CURLOPT_ISSUERCERT_BLOB. */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>

static void one(const char *name, const char *issuer, const char *blob, size_t len) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (issuer) curl_easy_setopt(t->x->easy, CURLOPT_ISSUERCERT, issuer);
  if (blob) {
    struct curl_blob b;
    b.data = (void *)blob;
    b.len = len;
    b.flags = CURL_BLOB_COPY;
    curl_easy_setopt(t->x->easy, CURLOPT_ISSUERCERT_BLOB, &b);
  }
  conf_tls_perform(t, issuer != NULL); /* the blob text names no file: "(nil)" */
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  size_t n1, n2;
  char *ca, *ca2;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("issuer_right", conf_cert("ca.pem"), NULL, 0);
  one("issuer_wrong", conf_cert("ca2.pem"), NULL, 0);
  one("issuer_nofile", conf_cert("no-such.pem"), NULL, 0);
  ca = conf_read_file(conf_cert("ca.pem"), &n1);
  ca2 = conf_read_file(conf_cert("ca2.pem"), &n2);
  one("blob_right", NULL, ca, n1);
  one("blob_wrong", NULL, ca2, n2);
  free(ca);
  free(ca2);
  curl_global_cleanup();
  return 0;
}
