/* Close-delimited bodies (HTTP/1.1 with Connection: close, HTTP/1.0, HTTP/1.1 without
 * any length), HTTP/1.0 keep-alive; http_version and NUM_CONNECTS on the next request.
 * Close-delimited bodies, keep-alive (issue 4). */
/* server: scripts/close_delimited.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 3; ++i) {
    x = conf_xfer_new("d", conf_url("/d"));
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  x = conf_xfer_new("k", conf_url("/k"));
  x->print_body = 1;
  conf_perform_print(x);
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
