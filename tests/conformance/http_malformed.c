/* Malformed responses: not HTTP (HTTP/0.9 not allowed), a non-numeric status, negative
 * and garbage Content-Length, conflicting lengths, a bad chunk size, a 4-digit status,
 * an HTTP/2 status line over HTTP/1.1, a header without colon, status 99.
 * Malformed responses (issue 4). */
/* server: scripts/malformed.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 10; ++i) {
    conf_xfer *x = conf_xfer_new("m", conf_url("/m"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
