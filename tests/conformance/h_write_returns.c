/* Odd callback return values: the write callback returning one byte more than it got
 * (CURLE_WRITE_ERROR), the header callback returning more than the line, returning 0
 * for the blank line ending the head only. (CURL_WRITEFUNC_PAUSE from the header
 * callback is left out: 7.88.1 then never finishes the transfer.) Result, header_size and body
 * bytes of each. Errors from write/header callbacks (issue 4). */
/* server: scripts/h_write_returns.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int mode;
static size_t body_seen;

static size_t on_write(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  body_seen += sz * n;
  return mode == 0 ? sz * n + 1 : sz * n;
}

static size_t on_header(char *p, size_t sz, size_t n, void *u) {
  size_t len = sz * n;
  (void)u;
  if (mode == 2) return len + 1;
  if (mode == 3 && len == 2 && p[0] == '\r') return 0;
  return len;
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (mode = 0; mode < 4; ++mode) {
    if (mode == 1) continue;
    CURL *e = curl_easy_init();
    CURLcode rc;
    long hs = -1;
    body_seen = 0;
    curl_easy_setopt(e, CURLOPT_URL, conf_url("/w"));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    rc = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_HEADER_SIZE, &hs);
    printf("mode %d: perform = %d (%s) header_size %ld body seen %lu\n", mode, (int)rc,
           curl_easy_strerror(rc), hs, (unsigned long)body_seen);
    curl_easy_cleanup(e);
  }
  curl_global_cleanup();
  return 0;
}
