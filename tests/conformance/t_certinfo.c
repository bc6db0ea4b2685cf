/* TLS: CURLOPT_CERTINFO: the number of certificates and the fields that do not change
 * between runs (Subject, Issuer, Version, Signature Algorithm, Public Key Algorithm and
 * which other field names are present), for the good and the self-signed server;
 * without CERTINFO the list is empty. */
/* server: nginx */
#include "support/conf.h"
#include <string.h>

static void print_certinfo(const char *name, CURL *e) {
  struct curl_certinfo *ci = NULL;
  CURLcode rc = curl_easy_getinfo(e, CURLINFO_CERTINFO, &ci);
  int i;
  if (rc != CURLE_OK || !ci) {
    printf("%s certinfo: rc=%d %s\n", name, (int)rc, ci ? "set" : "NULL");
    return;
  }
  printf("%s certinfo: %d certificates\n", name, ci->num_of_certs);
  for (i = 0; i < ci->num_of_certs; ++i) {
    struct curl_slist *s;
    int fields = 0;
    for (s = ci->certinfo[i]; s; s = s->next) {
      const char *colon = strchr(s->data, ':');
      size_t key = colon ? (size_t)(colon - s->data) : strlen(s->data);
      ++fields;
      if (!strncmp(s->data, "Subject:", 8) || !strncmp(s->data, "Issuer:", 7) ||
          !strncmp(s->data, "Version:", 8) || !strncmp(s->data, "Signature Algorithm:", 20) ||
          !strncmp(s->data, "Public Key Algorithm:", 21))
        printf("%s cert %d: %s\n", name, i, s->data);
      else
        printf("%s cert %d has %.*s\n", name, i, (int)key, s->data);
    }
    printf("%s cert %d: %d fields\n", name, i, fields);
  }
}

static void one(const char *name, const char *block, long certinfo, long peer) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url(block, "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_CERTINFO, certinfo);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  conf_tls_perform(t, 0);
  print_certinfo(name, t->x->easy);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("good", "good", 1, 1);
  one("selfsigned", "selfsigned", 1, 0);
  one("selfsigned_fail", "selfsigned", 1, 1);
  one("off", "good", 0, 1);
  curl_global_cleanup();
  return 0;
}
