/* CURLOPT_IGNORE_CONTENT_LENGTH: the body runs until the close whatever Content-Length
 * says (smaller: 10 bytes delivered; larger: no partial-file error); without the option
 * the smaller length is used; chunked still wins over Content-Length. Sizes and
 * content_length_download of each. IGNORE_CONTENT_LENGTH (issue 4). */
/* server: scripts/h_ignore_content_length.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const long ignore[] = {1, 1, 0, 1};
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("icl", conf_url("/i"));
    printf("== case %d: ignore %ld\n", i + 1, ignore[i]);
    x->print_headers = 0;
    x->print_body = 1;
    curl_easy_setopt(x->easy, CURLOPT_IGNORE_CONTENT_LENGTH, ignore[i]);
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
