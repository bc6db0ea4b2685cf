/* Content-Length spellings: leading zeros, a plus sign, an inner blank, hex, a value
 * beyond 64 bits, INT64_MAX with a short body, a list "2, 2", the same length twice,
 * an empty value. Result, body and content_length_download of each.
 * Malformed responses, Content-Length mismatch (issue 4). */
/* server: scripts/h_content_length_values.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 9; ++i) {
    conf_xfer *x = conf_xfer_new("cl", conf_url("/cl"));
    curl_off_t cl = -2, dl = -2;
    CURLcode rc;
    x->print_headers = 0;
    x->print_body = 1;
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    printf("case %d: perform = %d (%s) content_length %lld size_download %lld\n", i + 1, (int)rc,
           curl_easy_strerror(rc), (long long)cl, (long long)dl);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
