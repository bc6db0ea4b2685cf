/* CURLOPT_POSTREDIR bits against 301, 302 and 303 answers to a POST: none, POST_302,
 * POST_303, POST_ALL. The method and body of the followed request (server log),
 * EFFECTIVE_METHOD and size_upload. Redirects: POSTREDIR bits (issue 4). */
/* server: scripts/h_redirect_postredir.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const long bits[] = {0, CURL_REDIR_POST_302, CURL_REDIR_POST_303, CURL_REDIR_POST_ALL};
  int s, c;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (s = 0; s < 4; ++s) {
    for (c = 0; c < 3; ++c) {
      conf_xfer *x = conf_xfer_new("pr", conf_url("/post"));
      char *m = NULL;
      curl_off_t up = -1;
      CURLcode rc;
      x->print_headers = 0;
      curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "field=value");
      curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
      curl_easy_setopt(x->easy, CURLOPT_POSTREDIR, bits[s]);
      rc = curl_easy_perform(x->easy);
      curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_METHOD, &m);
      curl_easy_getinfo(x->easy, CURLINFO_SIZE_UPLOAD_T, &up);
      printf("postredir %ld, answer %d: perform = %d method %s size_upload %lld\n", bits[s],
             c == 0   ? 301
             : c == 1 ? 302
                      : 303,
             (int)rc, m ? m : "NULL", (long long)up);
      conf_xfer_free(x);
    }
  }
  curl_global_cleanup();
  return 0;
}
