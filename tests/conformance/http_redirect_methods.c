/* A POST redirected by 301, 302, 303, 307 and 308: the method of the next request
 * (server log), EFFECTIVE_METHOD, EFFECTIVE_URL, REDIRECT_COUNT; CURLOPT_POSTREDIR keeps
 * POST on 301; a relative Location with a body on the redirect response.
 * Redirects: methods (issue 4). */
/* server: scripts/redirect_methods.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 7; ++i) {
    conf_xfer *x = conf_xfer_new("r", conf_url("/dir/start"));
    printf("== redirect %d\n", i + 1);
    x->print_headers = 0;
    x->print_body = 1;
    curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "name=value");
    if (i == 5) curl_easy_setopt(x->easy, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_301);
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
