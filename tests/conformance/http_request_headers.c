/* Request heads as the server receives them (compared through the server log):
 * HTTPHEADER adding, replacing (Accept, Host), removing ("Accept:") and sending an empty
 * header ("X-Empty;"), USERAGENT, REFERER, a NULL REFERER removing it again, HTTP/1.0,
 * and request_size of each. BEHAVIOUR.md items 99, 101, 102. */
/* server: scripts/request_headers.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  conf_xfer *x;
  struct curl_slist *h = NULL;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  h = curl_slist_append(h, "X-Custom: one");
  h = curl_slist_append(h, "Accept:");
  h = curl_slist_append(h, "X-Empty;");
  h = curl_slist_append(h, "Host: example.invalid");
  h = curl_slist_append(h, "X-Ignored");

  x = conf_xfer_new("custom", conf_url("/h1"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(x->easy, CURLOPT_USERAGENT, "conformance/1");
  curl_easy_setopt(x->easy, CURLOPT_REFERER, "http://ref.invalid/");
  conf_perform_print(x);
  /* reset: everything back to defaults on the same handle (and connection) */
  curl_easy_reset(x->easy);
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/h2"));
  curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(x->easy, CURLOPT_WRITEDATA, stdout);
  printf("after reset:\n");
  printf("perform = %d\n", (int)curl_easy_perform(x->easy));
  conf_xfer_free(x);

  x = conf_xfer_new("http10", conf_url("/h3"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_0);
  curl_easy_setopt(x->easy, CURLOPT_REFERER, "http://ref.invalid/");
  curl_easy_setopt(x->easy, CURLOPT_REFERER, NULL);
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_slist_free_all(h);
  curl_global_cleanup();
  return 0;
}
