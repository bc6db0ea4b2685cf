/* Answers without a body on one kept-alive connection: a 204 with Content-Length 5, a
 * 304 with a length and chunked, a HEAD answered "chunked", a HEAD answered with neither
 * length nor chunked (not close-delimited for HEAD), then a GET: every request reuses
 * the connection (NUM_CONNECTS 0 after the first), content_length_download of each.
 * HEAD/NOBODY, 204, 304 and keep-alive (issue 4). */
/* server: scripts/h_bodyless.script */
#include <stdio.h>

#include "support/conf.h"

static void go(conf_xfer *x, const char *label) {
  long code = -1, conns = -1;
  curl_off_t cl = -2, dl = -2;
  CURLcode rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
  curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
  printf(
      "%-10s perform = %d code %ld num_connects %ld content_length %lld size_download %lld "
      "body so far %lu\n",
      label, (int)rc, code, conns, (long long)cl, (long long)dl, (unsigned long)x->body_bytes);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("bl", conf_url("/b"));
  x->print_headers = 0;
  go(x, "204");
  go(x, "304");
  curl_easy_setopt(x->easy, CURLOPT_NOBODY, 1L);
  go(x, "head chunk");
  go(x, "head none");
  curl_easy_setopt(x->easy, CURLOPT_HTTPGET, 1L);
  go(x, "get");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
