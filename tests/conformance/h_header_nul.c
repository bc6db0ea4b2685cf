/* Control bytes in responses: a NUL inside a header value and inside the status line
 * (7.88.1 refuses both), other control bytes in a header value (passed on), NULs and
 * high bytes in a body (delivered intact), a bare CR inside a header value.
 * Malformed responses: NUL bytes (issue 4). */
/* server: scripts/h_header_nul.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 5; ++i) {
    conf_xfer *x = conf_xfer_new("nul", conf_url("/n"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
