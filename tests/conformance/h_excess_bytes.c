/* Bytes after the end of a response (more than Content-Length, garbage after the last
 * chunk), sent together with it: the body is cut at its length, and the connection is
 * not used again (the next transfer connects: NUM_CONNECTS 1); a clean response in
 * between is reused. Content-Length mismatch, keep-alive reuse (issue 4). */
/* server: scripts/h_excess_bytes.script */
#include <stdio.h>

#include "support/conf.h"

static void go(conf_xfer *x, const char *label) {
  long conns = -1;
  CURLcode rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("%-8s perform = %d num_connects %ld body so far %lu\n", label, (int)rc, conns,
         (unsigned long)x->body_bytes);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("ex", conf_url("/x"));
  x->print_headers = 0;
  x->print_body = 1;
  go(x, "excess");
  go(x, "next");
  go(x, "reused");
  go(x, "chunked");
  go(x, "next");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
