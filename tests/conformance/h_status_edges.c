/* Codes at the class edges with FOLLOWLOCATION and FAILONERROR on: 199 (a 1xx the
 * client skips), 299, 399 with a Location (followed like any 3xx), 499 and 599 (fail), 600,
 * 999 and 000. Result, code, redirect_url and body of each.
 * Status codes, 3-digit edge cases (issue 4). */
/* server: scripts/h_status_edges.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 8; ++i) {
    conf_xfer *x = conf_xfer_new("edge", conf_url("/e"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 1L);
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
