/* TLS: CURLOPT_PINNEDPUBLICKEY: the server key's sha256// pin, a wrong pin, a list holding
 * the right one, the key as PEM and DER files (right and wrong), a missing file; a pin
 * with VERIFYPEER 0 is still checked. */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>
#include <string.h>

static void one(const char *name, const char *pin, long peer) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/name"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_VERIFYPEER, peer);
  curl_easy_setopt(t->x->easy, CURLOPT_PINNEDPUBLICKEY, pin);
  conf_tls_perform(t, 1);
  conf_tls_free(t);
}

static char *read_pin(const char *file) {
  char *p = conf_read_file(conf_cert(file), NULL);
  p[strcspn(p, "\r\n")] = 0;
  return p;
}

int main(int argc, char **argv) {
  char *right, *wrong, list[512];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  right = read_pin("server.pin");
  wrong = read_pin("other.pin");
  one("pin_right", right, 1);
  one("pin_wrong", wrong, 1);
  snprintf(list, sizeof list, "%s;%s", wrong, right);
  one("pin_list", list, 1);
  one("pin_wrong_peer0", wrong, 0);
  one("pem_right", conf_cert("server-pub.pem"), 1);
  one("pem_wrong", conf_cert("other-pub.pem"), 1);
  one("der_right", conf_cert("server-pub.der"), 1);
  one("der_wrong", conf_cert("other-pub.der"), 1);
  one("pin_nofile", conf_cert("no-such-key.pem"), 1);
  free(right);
  free(wrong);
  curl_global_cleanup();
  return 0;
}
