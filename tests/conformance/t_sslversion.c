/* TLS: CURLOPT_SSLVERSION minimum and maximum against a TLS 1.2-only and a TLS 1.3-only
 * server: which combinations connect and which fail with CURLE_SSL_CONNECT_ERROR; an
 * invalid value. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *block, long version) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  CURLcode set;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  set = curl_easy_setopt(t->x->easy, CURLOPT_SSLVERSION, version);
  if (set != CURLE_OK) printf("%s setopt = %d\n", name, (int)set);
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("12_default", "tls12", CURL_SSLVERSION_DEFAULT);
  one("12_min10", "tls12", CURL_SSLVERSION_TLSv1_0);
  one("12_min12", "tls12", CURL_SSLVERSION_TLSv1_2);
  one("12_min13", "tls12", CURL_SSLVERSION_TLSv1_3);
  one("12_max12", "tls12", CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
  one("12_max11", "tls12", CURL_SSLVERSION_TLSv1_0 | CURL_SSLVERSION_MAX_TLSv1_1);
  one("13_default", "tls13", CURL_SSLVERSION_DEFAULT);
  one("13_min12", "tls13", CURL_SSLVERSION_TLSv1_2);
  one("13_min13", "tls13", CURL_SSLVERSION_TLSv1_3);
  one("13_max12", "tls13", CURL_SSLVERSION_TLSv1 | CURL_SSLVERSION_MAX_TLSv1_2);
  one("13_max13", "tls13", CURL_SSLVERSION_TLSv1_3 | CURL_SSLVERSION_MAX_TLSv1_3);
  one("13_maxdef", "tls13", CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_DEFAULT);
  one("good_max12", "good", CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
  one("good_sslv3", "good", CURL_SSLVERSION_SSLv3);
  one("good_sslv2", "good", CURL_SSLVERSION_SSLv2);
  one("good_bad", "good", 99);
  one("good_maxlow", "good", CURL_SSLVERSION_TLSv1_3 | CURL_SSLVERSION_MAX_TLSv1_2);
  curl_global_cleanup();
  return 0;
}
