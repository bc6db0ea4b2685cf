/* Sequential curl_easy_perform on one handle: the connection is reused (NUM_CONNECTS 1,
 * then 0) until the server says Connection: close; then a new connection. Options are
 * sticky between transfers. Keep-alive reuse and NUM_CONNECTS (issue 4);
 * BEHAVIOUR.md items 99, 100. */
/* server: scripts/keepalive3.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  conf_xfer *x;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("k", conf_url("/one"));
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_USERAGENT, "sticky/1.0");
  for (i = 0; i < 4; ++i) {
    long n = -1;
    CURLcode rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &n);
    printf("perform %d = %d num_connects=%ld\n", i + 1, (int)rc, n);
    if (i == 1) curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/two"));
  }
  conf_print_info(x->easy, "k");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
