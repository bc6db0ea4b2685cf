/* TLS: connection reuse across TLS configurations: transfers one after another on one
 * multi handle (each its own easy handle) reuse a pooled connection only when the TLS
 * options match (CURLINFO_NUM_CONNECTS: 0 = reused). */
/* server: nginx */
#include "support/conf.h"
#include <stdlib.h>
#include <string.h>

static CURLM *multi;

static void run(const char *name, void (*setup)(CURL *)) {
  conf_tls *t = conf_tls_new(name, conf_nginx_url("good", "/1k"));
  long connects = -1, code = -1;
  int running = 1, i;
  CURLMsg *msg;
  int left;
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  if (setup) setup(t->x->easy);
  curl_multi_add_handle(multi, t->x->easy);
  for (i = 0; i < 2000 && running; ++i) {
    curl_multi_perform(multi, &running);
    if (running) curl_multi_poll(multi, NULL, 0, 100, NULL);
  }
  while ((msg = curl_multi_info_read(multi, &left)) != NULL)
    if (msg->msg == CURLMSG_DONE) printf("%s result %d\n", name, (int)msg->data.result);
  curl_easy_getinfo(t->x->easy, CURLINFO_NUM_CONNECTS, &connects);
  curl_easy_getinfo(t->x->easy, CURLINFO_RESPONSE_CODE, &code);
  printf("%s: response %ld, body %lu bytes, num_connects %ld\n", name, code,
         (unsigned long)t->x->body_bytes, connects);
  curl_multi_remove_handle(multi, t->x->easy);
  conf_tls_free(t);
}

static void peer_off(CURL *e) { curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L); }
static void host_off(CURL *e) { curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L); }
static void max12(CURL *e) {
  curl_easy_setopt(e, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
}
static void client_cert(CURL *e) {
  curl_easy_setopt(e, CURLOPT_SSLCERT, conf_cert("client.pem"));
  curl_easy_setopt(e, CURLOPT_SSLKEY, conf_cert("client.key"));
}
static void capath(CURL *e) {
  curl_easy_setopt(e, CURLOPT_CAINFO, NULL);
  curl_easy_setopt(e, CURLOPT_CAPATH, conf_cert("capath"));
}
static void ciphers(CURL *e) {
  curl_easy_setopt(e, CURLOPT_TLS13_CIPHERS, "TLS_AES_256_GCM_SHA384");
}
static void pinned(CURL *e) {
  char *pin = conf_read_file(conf_cert("server.pin"), NULL);
  pin[strcspn(pin, "\r\n")] = 0;
  curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, pin);
  free(pin);
}
static void status(CURL *e) { curl_easy_setopt(e, CURLOPT_SSL_VERIFYSTATUS, 1L); }

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  multi = curl_multi_init();
  run("first", NULL);
  run("same", NULL);
  run("peer_off", peer_off);
  run("peer_on_again", NULL);
  run("peer_off_again", peer_off);
  run("host_off", host_off);
  run("max12", max12);
  run("client_cert", client_cert);
  run("capath", capath);
  run("tls13_ciphers", ciphers);
  run("pinned", pinned);
  run("verifystatus", status);
  run("last", NULL);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  return 0;
}
