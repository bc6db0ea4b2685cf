/* Truncated responses: a short Content-Length body (CURLE_PARTIAL_FILE), a chunked body
 * without its last chunk, a head cut in the middle, no answer at all
 * (CURLE_GOT_NOTHING), a reset mid-body (CURLE_RECV_ERROR), a status line only, a chunk
 * cut short. Truncated responses (issue 4). */
/* server: scripts/truncated.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 7; ++i) {
    conf_xfer *x = conf_xfer_new("t", conf_url("/t"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
