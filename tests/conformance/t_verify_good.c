/* TLS: a good chain verified with CURLOPT_CAINFO, by host name and by IP address (the
 * certificate's IP SAN), and the same server without the test CA (the default bundle). */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *url, const char *cainfo) {
  conf_tls *t = conf_tls_new(name, url);
  if (cainfo) curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, cainfo);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("host", conf_nginx_url("good", "/1k"), conf_cert("ca.pem"));
  one("ip", conf_nginx_url_host("good", "127.0.0.1", "/1k"), conf_cert("ca.pem"));
  one("big", conf_nginx_url("good", "/1m"), conf_cert("ca.pem"));
  one("nofile", conf_nginx_url("good", "/missing"), conf_cert("ca.pem"));
  one("defaultca", conf_nginx_url("good", "/1k"), NULL);
  curl_global_cleanup();
  return 0;
}
