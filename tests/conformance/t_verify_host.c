/* TLS: the wrong host name (certificate only for wrong.example) with VERIFYHOST 2, 1 and 0,
 * and with VERIFYPEER 0 as well; by IP address the IP SAN is missing too. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *url, long peer, long host) {
  conf_tls *t = conf_tls_new(name, url);
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYHOST, host);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  const char *url, *ip;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  url = conf_nginx_url("wronghost", "/name");
  ip = conf_nginx_url_host("wronghost", "127.0.0.1", "/name");
  one("host2", url, 1, 2);
  one("host1", url, 1, 1);
  one("host0", url, 1, 0);
  one("peer0host2", url, 0, 2);
  one("peer0host0", url, 0, 0);
  one("ip2", ip, 1, 2);
  one("ip0", ip, 1, 0);
  one("good_ip2", conf_nginx_url_host("good", "127.0.0.1", "/name"), 1, 2);
  curl_global_cleanup();
  return 0;
}
