/* Content decoding (issue 5): bodies in gzip, x-gzip, deflate (zlib and raw), stacked,
 * identity, five layers, optional gzip header fields, empty, chunked, close-delimited,
 * truncated (no error in 7.88.1) and 1 MiB decoded; then the same kind of bodies with
 * ACCEPT_ENCODING unset (no decoding, unknown codings pass) and HTTP_CONTENT_DECODING 0.
 * Decoded bytes are hashed; the largest write is checked against CURL_MAX_WRITE_SIZE.
 * ACCEPT_ENCODING is a given list here, which both libraries send as it is (for "" they
 * differ on purpose: see d_accept_all.c). */
/* server: scripts/d_decode_body.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static size_t g_biggest;

static size_t write_hash(char *p, size_t sz, size_t n, void *u) {
  conf_xfer *x = (conf_xfer *)u;
  size_t i, len = sz * n;
  x->write_calls++;
  if (len > g_biggest) g_biggest = len;
  for (i = 0; i < len; ++i) x->body_hash = (x->body_hash ^ (unsigned char)p[i]) * 16777619UL;
  x->body_bytes += len;
  return len;
}

static void run(int i, const char *accept, long content_decoding) {
  char name[16];
  char err[CURL_ERROR_SIZE] = "";
  conf_xfer *x;
  CURLcode rc;
  snprintf(name, sizeof name, "b%d", i);
  x = conf_xfer_new(name, conf_url("/d"));
  x->print_headers = 0;
  g_biggest = 0;
  curl_easy_setopt(x->easy, CURLOPT_WRITEFUNCTION, write_hash);
  curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, err);
  if (accept) curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, accept);
  if (content_decoding >= 0)
    curl_easy_setopt(x->easy, CURLOPT_HTTP_CONTENT_DECODING, content_decoding);
  rc = conf_perform_print(x);
  printf("%s error: '%s'\n", name, err);
  printf("%s largest write within CURL_MAX_WRITE_SIZE: %s\n", name,
         g_biggest <= CURL_MAX_WRITE_SIZE ? "yes" : "no");
  (void)rc;
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 16; ++i) run(i, "gzip, deflate", -1);
  run(16, NULL, -1);                /* gzip, no ACCEPT_ENCODING: raw bytes */
  run(17, "gzip, deflate", 0);      /* gzip, HTTP_CONTENT_DECODING 0: raw bytes */
  run(18, NULL, -1);                /* unknown coding: passes */
  run(19, NULL, -1);                /* six codings: not looked at */
  curl_global_cleanup();
  return 0;
}
