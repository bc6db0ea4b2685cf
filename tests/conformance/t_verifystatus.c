/* TLS: CURLOPT_SSL_VERIFYSTATUS: nginx staples no OCSP response, so asking for one fails
 * (CURLE_SSL_INVALIDCERTSTATUS); off, the transfer works. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *block, long status, long peer) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYSTATUS, status);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("status_on", "good", 1, 1);
  one("status_off", "good", 0, 1);
  one("status_nopeer", "good", 1, 0);
  one("status_tls12", "tls12", 1, 1);
  one("status_expired", "expired", 1, 1);
  curl_global_cleanup();
  return 0;
}
