/* Chunked responses: extensions, trailers (to the header callback), upper-case hex,
 * byte-by-byte arrival, Transfer-Encoding together with Content-Length; body bytes and
 * sizes. Chunked bodies (issue 4). */
/* server: scripts/chunked.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("c", conf_url("/c"));
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
