/* Status lines without a reason phrase ("HTTP/1.1 200"), with tabs and colons in the
 * reason, with non-ASCII bytes in it; a 201 with neither length nor body framing on a
 * HTTP/1.1 connection that the server then closes (an empty close-delimited body).
 * The status line as the header callback and RESPONSE_CODE see it (issue 4). */
/* server: scripts/h_status_lines.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 6; ++i) {
    conf_xfer *x = conf_xfer_new("st", conf_url("/status"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
