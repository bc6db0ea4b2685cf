/* Connection reuse controls over sequences of transfers on one handle: FORBID_REUSE
 * (the connection is closed after each transfer), FRESH_CONNECT (new connections that
 * stay in the pool next to the old ones), a request "Connection: close" header (closed
 * after; the pool may still hold another idle one), HTTP/1.0 requests (closed after),
 * and plain keep-alive in between. NUM_CONNECTS of
 * each. Keep-alive reuse: FORBID_REUSE, FRESH_CONNECT, Connection: close (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static void step(CURL *e, const char *label) {
  long conns = -1, code = -1;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &conns);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
  printf("%-22s perform = %d code %ld num_connects %ld\n", label, (int)rc, code, conns);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  struct curl_slist *close_hdr = curl_slist_append(NULL, "Connection: close");
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("r", conf_url("/bytes/10"));
  x->print_headers = 0;
  step(x->easy, "first");
  step(x->easy, "plain");
  curl_easy_setopt(x->easy, CURLOPT_FORBID_REUSE, 1L);
  step(x->easy, "forbid 1");
  step(x->easy, "forbid 2");
  curl_easy_setopt(x->easy, CURLOPT_FORBID_REUSE, 0L);
  step(x->easy, "forbid off");
  step(x->easy, "plain");
  curl_easy_setopt(x->easy, CURLOPT_FRESH_CONNECT, 1L);
  step(x->easy, "fresh 1");
  step(x->easy, "fresh 2");
  curl_easy_setopt(x->easy, CURLOPT_FRESH_CONNECT, 0L);
  step(x->easy, "fresh off");
  curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, close_hdr);
  step(x->easy, "connection close 1");
  step(x->easy, "connection close 2");
  curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, NULL);
  step(x->easy, "header removed");
  step(x->easy, "plain");
  curl_easy_setopt(x->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_0);
  step(x->easy, "http/1.0 1");
  step(x->easy, "http/1.0 2");
  curl_easy_setopt(x->easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_NONE);
  step(x->easy, "default version");
  step(x->easy, "plain");
  conf_xfer_free(x);
  curl_slist_free_all(close_hdr);
  curl_global_cleanup();
  return 0;
}
