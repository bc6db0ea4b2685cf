/* Chunked forms not in http_chunked: leading zeros in sizes ("0005", "000"), a quoted
 * extension containing ';', "Chunked" capitalised, a 16 KB chunk ("4000") then a 1-byte
 * one, sizes split over reads (1 byte per write), 200 one-byte chunks, a blank after the
 * size, a chunk without its CRLF, a size over 64 bits. Body, result and size of each.
 * Chunked with extensions, uppercase hex, split sizes (issue 4). */
/* server: scripts/h_chunked_forms.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 9; ++i) {
    conf_xfer *x = conf_xfer_new("ch", conf_url("/c"));
    CURLcode rc;
    curl_off_t dl = -1;
    x->print_headers = 0;
    /* Not the 1-byte-per-write case: how many bytes one read gets depends on timing. */
    x->print_body = i != 3 && i != 4 && i != 5;
    printf("== case %d\n", i + 1);
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    printf("perform = %d (%s) size_download %lld\n", (int)rc, curl_easy_strerror(rc),
           (long long)dl);
    conf_xfer_print(x);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
