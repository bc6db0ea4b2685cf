/* 1xx responses (100, 103) before the final answer go to the header callback and
 * header_size; HEAD (CURLOPT_NOBODY) with Content-Length 1000 and FILETIME; 204; a
 * RANGE request. HTTP results and getinfo values (issue 4). */
/* server: scripts/informational.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  conf_xfer *x;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 2; ++i) {
    x = conf_xfer_new("info", conf_url("/i"));
    x->print_body = 1;
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  x = conf_xfer_new("head", conf_url("/head"));
  curl_easy_setopt(x->easy, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(x->easy, CURLOPT_FILETIME, 1L);
  conf_perform_print(x);
  conf_xfer_free(x);
  x = conf_xfer_new("nocontent", conf_url("/204"));
  conf_perform_print(x);
  conf_xfer_free(x);
  x = conf_xfer_new("range", conf_url("/range"));
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_RANGE, "0-4");
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
