/* Content decoding errors (issue 5): more than five codings (also with
 * HTTP_CONTENT_DECODING 0), unknown content and transfer codings, corrupt gzip (CRC,
 * magic, method, flags), raw deflate labelled gzip, corrupt deflate (retried as raw, as
 * 7.88.1 does), gzip labelled deflate, bytes after the end of a stream (CURLE_WRITE_ERROR
 * without a text; raw deflate tolerates 4), a truncated header (no error). Prints the
 * code, the error buffer (the list of understood codings cut off: mcurl names only
 * deflate and gzip), the bytes delivered and the sizes. */
/* server: scripts/d_decode_errors.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void run(int i, long content_decoding, const char *accept) {
  char name[16];
  char err[CURL_ERROR_SIZE] = "";
  char *cut;
  conf_xfer *x;
  snprintf(name, sizeof name, "e%d", i);
  x = conf_xfer_new(name, conf_url("/e"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, err);
  if (accept) curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, accept);
  if (content_decoding >= 0)
    curl_easy_setopt(x->easy, CURLOPT_HTTP_CONTENT_DECODING, content_decoding);
  conf_perform_print(x);
  cut = strstr(err, " libcurl understands");
  if (cut) *cut = '\0';
  printf("%s error: '%s'\n", name, err);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run(0, -1, "gzip");
  run(1, 0, "gzip");
  run(2, -1, "gzip");
  run(3, -1, NULL); /* transfer codings are undone without ACCEPT_ENCODING */
  for (i = 4; i < 17; ++i) run(i, -1, "gzip");
  curl_global_cleanup();
  return 0;
}
