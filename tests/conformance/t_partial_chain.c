/* TLS: partial chains: the server's own certificate (not a CA) as the only trust anchor is
 * accepted by default and refused with CURLSSLOPT_NO_PARTIALCHAIN; other
 * CURLOPT_SSL_OPTIONS bits that do not change an OpenSSL build's result (NO_REVOKE,
 * ALLOW_BEAST, REVOKE_BEST_EFFORT). */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *block, const char *ca, long options) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert(ca));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_OPTIONS, options);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("leaf_default", "good", "server.pem", 0);
  one("leaf_nopartial", "good", "server.pem", CURLSSLOPT_NO_PARTIALCHAIN);
  one("ca_nopartial", "good", "ca.pem", CURLSSLOPT_NO_PARTIALCHAIN);
  one("untr_leaf", "untrusted", "untrusted.pem", 0);
  one("untr_nopartial", "untrusted", "untrusted.pem", CURLSSLOPT_NO_PARTIALCHAIN);
  one("no_revoke", "good", "ca.pem", CURLSSLOPT_NO_REVOKE);
  one("allow_beast", "good", "ca.pem", CURLSSLOPT_ALLOW_BEAST);
  one("best_effort", "revoked", "ca.pem", CURLSSLOPT_REVOKE_BEST_EFFORT);
  curl_global_cleanup();
  return 0;
}
