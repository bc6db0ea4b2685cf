/* TLS: CURLOPT_SSL_CIPHER_LIST (TLS 1.2) and CURLOPT_TLS13_CIPHERS: a suite the server
 * shares, one it does not (CURLE_SSL_CONNECT_ERROR), a list no suite of which is known
 * (CURLE_SSL_CIPHER). The TLS 1.3 server offers only TLS_AES_256_GCM_SHA384. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *block, const char *list12, const char *list13) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (list12) curl_easy_setopt(t->x->easy, CURLOPT_SSL_CIPHER_LIST, list12);
  if (list13) curl_easy_setopt(t->x->easy, CURLOPT_TLS13_CIPHERS, list13);
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("12_shared", "tls12", "ECDHE-ECDSA-AES128-GCM-SHA256", NULL);
  one("12_rsa_only", "tls12", "ECDHE-RSA-AES128-GCM-SHA256", NULL);
  one("12_unknown", "tls12", "NO-SUCH-CIPHER", NULL);
  one("12_mixed", "tls12", "NO-SUCH-CIPHER:ECDHE-ECDSA-AES256-GCM-SHA384", NULL);
  one("13_shared", "tls13", NULL, "TLS_AES_256_GCM_SHA384");
  one("13_other", "tls13", NULL, "TLS_CHACHA20_POLY1305_SHA256");
  one("13_unknown", "tls13", NULL, "TLS_NO_SUCH_SUITE");
  one("13_list", "tls13", NULL, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384");
  one("13_with_12list", "tls13", "ECDHE-RSA-AES128-GCM-SHA256", NULL);
  curl_global_cleanup();
  return 0;
}
