/* CURLOPT_MAXFILESIZE_LARGE 10: a Content-Length of 100 fails at once
 * (CURLE_FILESIZE_EXCEEDED, no body), exactly 10 passes, a chunked or close-delimited
 * body of 100 bytes (size unknown up front) and a 404 with a long body. Result, body
 * bytes and sizes of each. Body limits (issue 4). */
/* server: scripts/h_maxfilesize.script */
/* requests: not compared */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 5; ++i) {
    conf_xfer *x = conf_xfer_new("max", conf_url("/m"));
    CURLcode rc;
    curl_off_t dl = -2;
    long code = -1;
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)10);
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
    printf("case %d: perform = %d (%s) code %ld, %lu bytes written, size_download %lld\n", i + 1,
           (int)rc, curl_easy_strerror(rc), code, (unsigned long)x->body_bytes, (long long)dl);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
