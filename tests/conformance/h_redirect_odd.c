/* Redirect oddities with FOLLOWLOCATION and MAXREDIRS 2: a 301 without Location (ends
 * there with its body), a Location on a 201 (not followed, no REDIRECT_URL), 300, 304
 * and 305 with a Location (all followed), two Location headers (the first wins), a loop
 * to itself stopped by MAXREDIRS. Result, code, count, effective and redirect URLs.
 * Redirects (issue 4). */
/* server: scripts/h_redirect_odd.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 7; ++i) {
    conf_xfer *x = conf_xfer_new("odd", conf_url("/start"));
    printf("== case %d\n", i + 1);
    x->print_headers = 0;
    x->print_body = 1;
    curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(x->easy, CURLOPT_MAXREDIRS, 2L);
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
