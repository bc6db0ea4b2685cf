/* Ranges: CURLOPT_RANGE "0-3", "5-", "-3", "0-1,3-4" and "20-" (the Range headers go to
 * the server log), 206 answers with their bodies and content lengths, a 416; then
 * RESUME_FROM_LARGE 4 (Range: bytes=4-) and RESUME_FROM 3 answered with 206.
 * RANGE, RESUME_FROM (issue 4). */
/* server: scripts/h_range.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const char *ranges[] = {"0-3", "5-", "-3", "0-1,3-4", "20-"};
  conf_xfer *x;
  unsigned i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("rg", conf_url("/file"));
  x->print_headers = 0;
  x->print_body = 1;
  for (i = 0; i < 5; ++i) {
    CURLcode rc;
    long code = -1;
    curl_off_t cl = -2, dl = -2;
    curl_easy_setopt(x->easy, CURLOPT_RANGE, ranges[i]);
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    printf("range %s: perform = %d code %ld content_length %lld size_download %lld\n", ranges[i],
           (int)rc, code, (long long)cl, (long long)dl);
  }
  curl_easy_setopt(x->easy, CURLOPT_RANGE, NULL);
  curl_easy_setopt(x->easy, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)4);
  printf("== resume 4\n");
  conf_perform_print(x);
  curl_easy_setopt(x->easy, CURLOPT_RESUME_FROM, 3L);
  printf("== resume 3\n");
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
