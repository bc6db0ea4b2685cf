/* CURLOPT_CUSTOMREQUEST through followed 301, 302, 303, 307 and 308: "DELETE" without a
 * body and "PATCH" with POSTFIELDS. The method line and body of the second request
 * (server log), EFFECTIVE_METHOD. Redirects per method (issue 4). */
/* server: scripts/h_redirect_custom_method.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const int codes[] = {301, 302, 303, 307, 308};
  int c, k;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (c = 0; c < 5; ++c) {
    for (k = 0; k < 2; ++k) {
      conf_xfer *x = conf_xfer_new("cm", conf_url("/custom"));
      char *m = NULL;
      CURLcode rc;
      x->print_headers = 0;
      curl_easy_setopt(x->easy, CURLOPT_CUSTOMREQUEST, k ? "PATCH" : "DELETE");
      if (k) curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "patch-body");
      curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
      rc = curl_easy_perform(x->easy);
      curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_METHOD, &m);
      printf("%s through %d: perform = %d effective method %s\n", k ? "PATCH" : "DELETE", codes[c],
             (int)rc, m ? m : "NULL");
      conf_xfer_free(x);
    }
  }
  curl_global_cleanup();
  return 0;
}
