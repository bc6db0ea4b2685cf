/* TLS: an expired server certificate (signed by the trusted CA),
 * with VERIFYPEER 1 and 0 (and VERIFYHOST 2 and 0): codes, CURLINFO_SSL_VERIFYRESULT and
 * the error text; then with the server's own certificate as CAINFO (a partial chain). */
/* server: nginx */
#include "support/conf.h"

static void one(const char *block, long peer, long host, const char *ca) {
  char name[16];
  conf_tls *t;
  snprintf(name, sizeof name, "%s%ld%ld", ca[0] == 'c' ? "ca" : "own", peer, host);
  t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert(ca));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYHOST, host);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("expired", 1, 2, "ca.pem");
  one("expired", 0, 2, "ca.pem");
  one("expired", 0, 0, "ca.pem");
  one("expired", 1, 2, "expired.pem");
  one("expired", 1, 0, "expired.pem");
  curl_global_cleanup();
  return 0;
}
