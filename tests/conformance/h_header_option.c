/* CURLOPT_HEADER = 1: response heads (1xx included, trailers too) are passed to the write
 * callback before the body, and still to the header callback; size_download counts only
 * the body. With NOBODY the head alone; through a followed redirect both heads.
 * CURLOPT_HEADER, headers in the body (issue 4). */
/* server: scripts/h_header_option.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("h1", conf_url("/one"));
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_HEADER, 1L);
  printf("== GET with 100 Continue\n");
  conf_perform_print(x);
  printf("== NOBODY\n");
  curl_easy_setopt(x->easy, CURLOPT_NOBODY, 1L);
  conf_perform_print(x);
  printf("== redirect followed to a chunked body with a trailer\n");
  curl_easy_setopt(x->easy, CURLOPT_NOBODY, 0L);
  curl_easy_setopt(x->easy, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
