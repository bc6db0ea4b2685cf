/* TLS: CURLOPT_SSL_CTX_FUNCTION: called once per new connection with a non-NULL SSL_CTX
 * and the CURLOPT_SSL_CTX_DATA pointer, not for a reused connection; an error it returns
 * fails the transfer with that code. */
/* server: nginx */
#include "support/conf.h"

static int calls;
static CURLcode fail_with = CURLE_OK;

static CURLcode ctx_cb(CURL *e, void *ctx, void *userp) {
  ++calls;
  printf("ctx callback %d: easy %s, ctx %s, data %s\n", calls, e ? "set" : "NULL",
         ctx ? "set" : "NULL", userp == (void *)&calls ? "right" : "wrong");
  return fail_with;
}

int main(int argc, char **argv) {
  conf_tls *t;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  t = conf_tls_new("e1", conf_nginx_url("good", "/1k"));
  curl_easy_setopt(t->x->easy, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_CTX_FUNCTION, ctx_cb);
  curl_easy_setopt(t->x->easy, CURLOPT_SSL_CTX_DATA, &calls);
  printf("first\n");
  conf_tls_perform(t, 0);
  printf("second (reused connection)\n");
  conf_tls_perform(t, 0);
  printf("third (fresh connection)\n");
  curl_easy_setopt(t->x->easy, CURLOPT_FRESH_CONNECT, 1L);
  conf_tls_perform(t, 0);
  printf("fourth (callback fails)\n");
  fail_with = CURLE_SSL_CERTPROBLEM;
  conf_tls_perform(t, 0);
  fail_with = CURLE_ABORTED_BY_CALLBACK;
  conf_tls_perform(t, 0);
  printf("plain http: not called\n");
  fail_with = CURLE_OK;
  curl_easy_setopt(t->x->easy, CURLOPT_URL, conf_nginx_url("http", "/1k"));
  conf_tls_perform(t, 0);
  printf("calls: %d\n", calls);
  conf_tls_free(t);
  curl_global_cleanup();
  return 0;
}
