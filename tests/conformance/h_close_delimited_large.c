/* Large close-delimited bodies on one handle: 100 KB after an HTTP/1.0 head without a
 * length, 100 KB after an HTTP/1.1 "Connection: close" head without a length, 50 KB with
 * a length and "Connection: close"; each next transfer connects again. Bytes, hashes,
 * sizes, http_version and NUM_CONNECTS. Close-delimited bodies (issue 4). */
/* server: scripts/h_close_delimited_large.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  conf_xfer *x;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("cd", conf_url("/big"));
  x->print_headers = 0;
  for (i = 0; i < 4; ++i) {
    long conns = -1, ver = -1;
    curl_off_t dl = -1, cl = -2;
    CURLcode rc;
    x->body_bytes = 0;
    x->body_hash = 2166136261UL;
    rc = curl_easy_perform(x->easy);
    curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
    curl_easy_getinfo(x->easy, CURLINFO_HTTP_VERSION, &ver);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
    printf(
        "%d: perform = %d version %ld num_connects %ld size_download %lld content_length "
        "%lld\n",
        i + 1, (int)rc, ver, conns, (long long)dl, (long long)cl);
    conf_xfer_print(x);
  }
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
