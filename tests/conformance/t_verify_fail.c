/* TLS: servers whose certificate fails verification (expired, untrusted CA, self-signed,
 * revoked without a CRL) with VERIFYPEER 1 and 0: codes, CURLINFO_SSL_VERIFYRESULT and
 * the error text. */
/* server: nginx */
/* known-difference: https not yet implemented (issue 5) */
#include "support/conf.h"

static void one(const char *block, long peer, long host) {
  char name[16];
  conf_tls *t;
  snprintf(name, sizeof name, "%.9s_%ld%ld", block, peer, host);
  t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYHOST, host);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  const char *blocks[] = {"expired", "untrusted", "selfsigned", "revoked"};
  size_t i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  for (i = 0; i < sizeof blocks / sizeof blocks[0]; ++i) {
    one(blocks[i], 1, 2);
    one(blocks[i], 0, 2);
    one(blocks[i], 0, 0);
  }
  curl_global_cleanup();
  return 0;
}
