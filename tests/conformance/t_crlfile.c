/* TLS: CURLOPT_CRLFILE: the CA's CRL revokes one server certificate; the good server
 * passes; a missing CRL file. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *block, const char *crl, long peer) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_CRLFILE, crl);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("revoked", "revoked", conf_cert("crl.pem"), 1);
  one("good", "good", conf_cert("crl.pem"), 1);
  one("revoked_nopeer", "revoked", conf_cert("crl.pem"), 0);
  one("revoked_nocrl", "revoked", NULL, 1);
  one("missing_crl", "good", conf_cert("no-such-crl.pem"), 1);
  curl_global_cleanup();
  return 0;
}
