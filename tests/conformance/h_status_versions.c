/* Status-line versions: HTTP/1.0 (http_version 10), HTTP/1.2, lower-case "http/1.1", two
 * spaces before the code, HTTP/2.0 and HTTP/3 over an HTTP/1.1 connection, a two-digit
 * and a four-digit code. Which are accepted, the result, code and version of each.
 * Status line variants (issue 4). */
/* server: scripts/h_status_versions.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 8; ++i) {
    conf_xfer *x = conf_xfer_new("v", conf_url("/v"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
