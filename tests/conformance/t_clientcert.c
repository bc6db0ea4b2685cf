/* TLS: a server that requires a client certificate (ssl_verify_client on): none (nginx
 * answers 400), PEM cert + key, DER cert + key, the encrypted key with the right and a
 * wrong CURLOPT_KEYPASSWD, a key that does not match, missing files, a DER file read as
 * PEM, a certificate of another CA (nginx answers 400), one file holding certificate and
 * key; /whoami echoes the subject nginx saw. */
/* server: nginx */
#include "support/conf.h"

static void one(const char *name, const char *cert, const char *ctype, const char *key,
                const char *ktype, const char *pass) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("clientcert", "/whoami"));
  t->x->print_body = 1;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (cert) curl_easy_setopt(t->x->easy, CURLOPT_SSLCERT, cert);
  if (ctype) curl_easy_setopt(t->x->easy, CURLOPT_SSLCERTTYPE, ctype);
  if (key) curl_easy_setopt(t->x->easy, CURLOPT_SSLKEY, key);
  if (ktype) curl_easy_setopt(t->x->easy, CURLOPT_SSLKEYTYPE, ktype);
  if (pass) curl_easy_setopt(t->x->easy, CURLOPT_KEYPASSWD, pass);
  conf_tls_perform(t, 0);
  conf_tls_free(t);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  one("none", NULL, NULL, NULL, NULL, NULL);
  one("pem", conf_cert("client.pem"), NULL, conf_cert("client.key"), NULL, NULL);
  one("pem_typed", conf_cert("client.pem"), "PEM", conf_cert("client.key"), "PEM", NULL);
  one("der", conf_cert("client.der"), "DER", conf_cert("client-key.der"), "DER", NULL);
  one("enc_right", conf_cert("client.pem"), NULL, conf_cert("client-enc.key"), NULL, "secret");
  one("enc_wrong", conf_cert("client.pem"), NULL, conf_cert("client-enc.key"), NULL, "wrong");
  one("key_mismatch", conf_cert("client.pem"), NULL, conf_cert("server.key"), NULL, NULL);
  one("cert_missing", conf_cert("no-such.pem"), NULL, conf_cert("client.key"), NULL, NULL);
  one("key_missing", conf_cert("client.pem"), NULL, conf_cert("no-such.key"), NULL, NULL);
  one("der_as_pem", conf_cert("client.der"), NULL, conf_cert("client.key"), NULL, NULL);
  one("wrong_ca", conf_cert("server.pem"), NULL, conf_cert("server.key"), NULL, NULL);
  one("combined", conf_cert("client-full.pem"), NULL, NULL, NULL, NULL);
  curl_global_cleanup();
  return 0;
}
