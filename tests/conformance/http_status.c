/* HTTP status codes through curl_easy_perform: response code, body, the result with and
 * without CURLOPT_FAILONERROR, and the getinfo values of each.
 * Status codes and bodies as users of HTTP see them (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const int codes[] = {200, 201, 204, 301, 302, 304, 400, 401, 404, 418, 500, 503};
  unsigned i;
  char path[32];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
    conf_xfer *x;
    snprintf(path, sizeof path, "/status/%d", codes[i]);
    x = conf_xfer_new("s", conf_url(path));
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
    x = conf_xfer_new("fail", conf_url(path));
    curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 1L);
    x->print_headers = 0;
    x->print_body = 1;
    {
      CURLcode rc = curl_easy_perform(x->easy);
      long code = -1;
      curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
      printf("failonerror %d: perform = %d code=%ld body=%lu\n", codes[i], (int)rc, code,
             (unsigned long)x->body_bytes);
    }
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
