/* TLS: CURLOPT_SSLCERT_BLOB and CURLOPT_SSLKEY_BLOB (PEM in memory; the encrypted key blob
 * with KEYPASSWD; a DER certificate blob with SSLCERTTYPE DER). */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>

static void set_blob(CURL *e, CURLoption opt, const char *file) {
  struct curl_blob b;
  size_t n;
  char *data = conf_read_file(conf_cert(file), &n);
  b.data = data;
  b.len = n;
  b.flags = CURL_BLOB_COPY;
  curl_easy_setopt(e, opt, &b);
  free(data);
}

static void one(const char *name, const char *cert, const char *ctype, const char *key,
                const char *pass) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("clientcert", "/whoami"));
  t->x->print_body = 1;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  set_blob(t->x->easy, CURLOPT_SSLCERT_BLOB, cert);
  if (ctype) curl_easy_setopt(t->x->easy, CURLOPT_SSLCERTTYPE, ctype);
  set_blob(t->x->easy, CURLOPT_SSLKEY_BLOB, key);
  if (pass) curl_easy_setopt(t->x->easy, CURLOPT_KEYPASSWD, pass);
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("pem_blobs", "client.pem", NULL, "client.key", NULL);
  one("enc_blob", "client.pem", NULL, "client-enc.key", "secret");
  one("enc_blob_wrong", "client.pem", NULL, "client-enc.key", "nope");
  one("der_cert_blob", "client.der", "DER", "client.key", NULL);
  one("mismatch_blob", "client.pem", NULL, "server.key", NULL);
  curl_global_cleanup();
  return 0;
}
