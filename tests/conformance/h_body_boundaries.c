/* Body lengths around buffer sizes (0, 1, 16383, 16384, 16385, 65535..65537, 100 KB,
 * 1 MB), with Content-Length and chunked, all on one kept-alive connection: bytes and
 * hash of each body, size_download, content_length_download and NUM_CONNECTS.
 * Body bytes at buffer boundaries (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const long sizes[] = {0, 1, 16383, 16384, 16385, 65535, 65536, 65537, 102400, 1048576};
  static const char *kinds[] = {"bytes", "chunked"};
  conf_xfer *x;
  unsigned i, k;
  char path[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("b", conf_url("/"));
  x->print_headers = 0;
  for (k = 0; k < 2; ++k) {
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; ++i) {
      CURLcode rc;
      curl_off_t dl = -1, cl = -2;
      long conns = -1;
      snprintf(path, sizeof path, "/%s/%ld", kinds[k], sizes[i]);
      x->body_bytes = 0;
      x->body_hash = 2166136261UL;
      curl_easy_setopt(x->easy, CURLOPT_URL, conf_url(path));
      rc = curl_easy_perform(x->easy);
      curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
      curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
      curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
      printf(
          "%s: perform = %d, %lu bytes hash %08lx, size_download %ld, content_length %ld, "
          "num_connects %ld\n",
          path, (int)rc, (unsigned long)x->body_bytes, x->body_hash & 0xffffffffUL, (long)dl,
          (long)cl, conns);
    }
  }
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
