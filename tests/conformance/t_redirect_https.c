/* TLS: redirects between http and https: http to https with FOLLOWLOCATION (the https hop
 * verified with CAINFO, a new connection), https to http, and CURLOPT_REDIR_PROTOCOLS_STR
 * "http" refusing the https hop. */
/* server: nginx */
#include "support/conf.h"

#include <string.h>

static void one(const char *name, const char *url, const char *redir_protocols) {
  conf_tls *t = conf_tls_new(name, url);
  long redirects = -1, connects = -1;
  char *eff = NULL;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  if (redir_protocols) curl_easy_setopt(t->x->easy, CURLOPT_REDIR_PROTOCOLS_STR, redir_protocols);
  conf_tls_perform(t, 0);
  curl_easy_getinfo(t->x->easy, CURLINFO_REDIRECT_COUNT, &redirects);
  curl_easy_getinfo(t->x->easy, CURLINFO_NUM_CONNECTS, &connects);
  curl_easy_getinfo(t->x->easy, CURLINFO_EFFECTIVE_URL, &eff);
  if (eff) conf_normalise_text(eff, strlen(eff) + 1);
  printf("%s redirects %ld, num_connects %ld, effective %s\n", name, redirects, connects,
         eff ? eff : "NULL");
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("to_https", conf_nginx_url("http", "/to_good"), NULL);
  one("to_http", conf_nginx_url("good", "/to_http"), NULL);
  one("refused", conf_nginx_url("http", "/to_good"), "http");
  one("allowed", conf_nginx_url("http", "/to_good"), "http,https");
  curl_global_cleanup();
  return 0;
}
