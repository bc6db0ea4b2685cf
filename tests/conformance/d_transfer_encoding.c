/* Transfer codings (issue 5): CURLOPT_TRANSFER_ENCODING sends "Connection: TE" and
 * "TE: gzip" (merged with a custom Connection header; a custom TE header wins; the
 * server compares the requests); "Transfer-Encoding: gzip, chunked" is undone with and
 * without the option, close-delimited too; HTTP_TRANSFER_DECODING 0 delivers the chunked
 * bytes as sent (content codings stay encoded then); HTTP_CONTENT_DECODING 0 leaves a
 * transfer coding in place; a transfer and a content coding stacked. */
/* server: scripts/d_transfer_encoding.script */
#include <stdio.h>

#include "support/conf.h"

static void run(int i, long te, long transfer_decoding, long content_decoding,
                const char *accept, const char *custom) {
  char name[16];
  char err[CURL_ERROR_SIZE] = "";
  struct curl_slist *h = NULL;
  conf_xfer *x;
  snprintf(name, sizeof name, "t%d", i);
  x = conf_xfer_new(name, conf_url("/t"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, err);
  if (te) curl_easy_setopt(x->easy, CURLOPT_TRANSFER_ENCODING, 1L);
  if (transfer_decoding >= 0)
    curl_easy_setopt(x->easy, CURLOPT_HTTP_TRANSFER_DECODING, transfer_decoding);
  if (content_decoding >= 0)
    curl_easy_setopt(x->easy, CURLOPT_HTTP_CONTENT_DECODING, content_decoding);
  if (accept) curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, accept);
  if (custom) {
    h = curl_slist_append(h, custom);
    h = curl_slist_append(h, "X-After: 1");
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, h);
  }
  conf_perform_print(x);
  printf("%s error: '%s'\n", name, err);
  conf_xfer_free(x);
  curl_slist_free_all(h);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run(0, 1, -1, -1, NULL, NULL);
  run(1, 0, -1, -1, NULL, NULL);
  run(2, 1, -1, -1, NULL, NULL);
  run(3, 1, 0, -1, NULL, NULL);
  run(4, 0, 0, -1, "gzip", NULL);
  run(5, 1, -1, 0, NULL, NULL);
  run(6, 1, -1, -1, "gzip", NULL);
  run(7, 1, -1, -1, "deflate", "Connection: keep-alive");
  run(8, 1, -1, -1, NULL, "TE: trailers");
  curl_global_cleanup();
  return 0;
}
