/* TLS: CURLOPT_CAINFO_BLOB: the test CA in memory, the untrusted CA, garbage; a missing
 * CAINFO file, a text file that holds no certificate and a key file. */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>
#include <string.h>

static void one(const char *name, const char *blob, size_t len, const char *cainfo) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/1k"));
  if (blob) {
    struct curl_blob b;
    b.data = (void *)blob;
    b.len = len;
    b.flags = CURL_BLOB_COPY;
    curl_easy_setopt(t->x->easy, CURLOPT_CAINFO_BLOB, &b);
  }
  if (cainfo) curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, cainfo);
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  size_t n1, n2;
  char *ca, *ca2;
  const char *junk = "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n";
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  ca = conf_read_file(conf_cert("ca.pem"), &n1);
  ca2 = conf_read_file(conf_cert("ca2.pem"), &n2);
  one("blob", ca, n1, NULL);
  one("blob_over_file", ca, n1, conf_cert("ca2.pem"));
  one("wrongblob", ca2, n2, NULL);
  one("junkblob", junk, strlen(junk), NULL);
  one("missingfile", NULL, 0, conf_cert("no-such-file.pem"));
  one("textfile", NULL, 0, conf_cert("ca.db/index.txt.old"));
  one("keyfile", NULL, 0, conf_cert("ca.key"));
  free(ca);
  free(ca2);
  curl_global_cleanup();
  return 0;
}
