/* Connection response headers and reuse: "keep-alive, close" and "CLOSE" (closed),
 * "Upgrade" (kept), an HTTP/1.0 answer with "Keep-Alive" (kept) and one without (closed),
 * "Proxy-Connection: close" from a server (ignored: kept), "closed" (7.88.1 matches the
 * prefix: closed). Each line's NUM_CONNECTS tells what the answer before did. Keep-alive reuse
 * (issue 4). */
/* server: scripts/h_connection_tokens.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const char *labels[] = {
      "keep-alive, close", "CLOSE",  "Upgrade", "1.0 Keep-Alive", "1.0 plain",
      "Proxy-Connection",  "closed", "last"};
  conf_xfer *x;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("ct", conf_url("/c"));
  x->print_headers = 0;
  for (i = 0; i < 8; ++i) {
    long conns = -1;
    CURLcode rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
    printf("%-18s perform = %d num_connects %ld\n", labels[i], (int)rc, conns);
  }
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
