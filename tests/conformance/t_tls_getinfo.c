/* TLS: getinfo after https transfers: CURLINFO_TLS_SSL_PTR and CURLINFO_TLS_SESSION
 * (backend, whether internals are set) after perform and before any, the scheme and
 * protocol, CURLINFO_SSL_ENGINES, the version info's ssl_version and SSL feature. */
/* server: nginx */
#include "support/conf.h"
#include <string.h>

static void tls_info(const char *label, CURL *e, CURLINFO what) {
  struct curl_tlssessioninfo *info = NULL;
  CURLcode rc = curl_easy_getinfo(e, what, &info);
  if (rc != CURLE_OK || !info)
    printf("%s: rc=%d info %s\n", label, (int)rc, info ? "set" : "NULL");
  else
    printf("%s: backend %d, internals %s\n", label, (int)info->backend,
           info->internals ? "set" : "NULL");
}

int main(int argc, char **argv) {
  conf_tls *t;
  long proto = -1;
  char *scheme = NULL;
  struct curl_slist *engines = NULL;
  curl_version_info_data *v;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  v = curl_version_info(CURLVERSION_NOW);
  printf("ssl_version starts with OpenSSL: %s\n",
         v->ssl_version && !strncmp(v->ssl_version, "OpenSSL/", 8) ? "yes" : "no");
  printf("feature SSL %s\n", v->features & CURL_VERSION_SSL ? "on" : "off");
  printf("feature HTTPS_PROXY %s\n", v->features & CURL_VERSION_HTTPS_PROXY ? "on" : "off");
  t = conf_tls_new("e", conf_nginx_url("good", "/1k"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  tls_info("ssl_ptr before", t->x->easy, CURLINFO_TLS_SSL_PTR);
  tls_info("session before", t->x->easy, CURLINFO_TLS_SESSION);
  conf_tls_perform(t, 0);
  tls_info("ssl_ptr after", t->x->easy, CURLINFO_TLS_SSL_PTR);
  tls_info("session after", t->x->easy, CURLINFO_TLS_SESSION);
  curl_easy_getinfo(t->x->easy, CURLINFO_SCHEME, &scheme);
  curl_easy_getinfo(t->x->easy, CURLINFO_PROTOCOL, &proto);
  printf("scheme %s, protocol %s\n", scheme ? scheme : "NULL",
         proto == CURLPROTO_HTTPS ? "HTTPS" : "other");
  conf_set_port(conf_nginx_port("good")); /* prints :PORT in URLs, primary_port PORT */
  conf_print_info(t->x->easy, "e");
  printf("ssl_engines rc=%d\n", (int)curl_easy_getinfo(t->x->easy, CURLINFO_SSL_ENGINES, &engines));
  curl_slist_free_all(engines);
  conf_tls_free(t);
  curl_global_cleanup();
  return 0;
}
