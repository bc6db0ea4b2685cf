/* TLS: scheme and port mismatches: https:// to nginx's plain http port (the TLS handshake
 * meets an HTTP answer: CURLE_SSL_CONNECT_ERROR) and http:// to a TLS port (nginx answers
 * 400 in plain text); https to a closed port. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *url) {
  conf_tls *t = conf_tls_new(name, url);
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  char url[128];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  snprintf(url, sizeof url, "https://localhost:%d/1k", conf_nginx_port("http"));
  one("https_to_http", url);
  snprintf(url, sizeof url, "http://localhost:%d/1k", conf_nginx_port("good"));
  one("http_to_https", url);
  snprintf(url, sizeof url, "https://localhost:%d/1k", conf_closed_port());
  one("closed", url);
  curl_global_cleanup();
  return 0;
}
