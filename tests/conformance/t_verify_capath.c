/* TLS: CURLOPT_CAPATH (an openssl-rehashed directory holding the test CA) instead of
 * CAINFO; a CAPATH without the CA; CAINFO and CAPATH both pointing nowhere useful. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *cainfo, const char *capath) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/1k"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, cainfo);
  curl_easy_setopt(t->x->easy, CURLOPT_CAPATH, capath);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("capath", NULL, conf_cert("capath"));
  one("capath_cainfo", conf_cert("ca2.pem"), conf_cert("capath"));
  one("wrongpath", NULL, conf_cert("ca2.db"));
  one("nopath", NULL, conf_cert("no-such-dir"));
  one("wrongfile", conf_cert("ca2.pem"), NULL);
  curl_global_cleanup();
  return 0;
}
