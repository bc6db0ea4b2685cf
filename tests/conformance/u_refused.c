/* Refused credentials end the dance: Basic sent at once and a 401 offering Basic again
 * (perform 0, code 401, the 401 body delivered); with FAILONERROR it is
 * CURLE_HTTP_RETURNED_ERROR; ANY with a second 401 after the retry stops there; a 401
 * without any offer. Auth (issue 7). */
/* server: scripts/u_refused.script */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *label, long auth, long failonerror) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/refused"));
  long code = -1, avail = -1;
  CURLcode rc;
  x->print_headers = 1;
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_USERPWD, "us:wrong");
  curl_easy_setopt(x->easy, CURLOPT_HTTPAUTH, auth);
  curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, failonerror);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_HTTPAUTH_AVAIL, &avail);
  printf("%s: perform = %d code %ld avail %ld body %lu\n", label, (int)rc, code, avail,
         (unsigned long)x->body_bytes);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("basic", (long)CURLAUTH_BASIC, 0L);
  run("basic_fail", (long)CURLAUTH_BASIC, 1L);
  run("any_twice", (long)CURLAUTH_ANY, 0L);
  run("no_offer", (long)CURLAUTH_ANY, 0L);
  curl_global_cleanup();
  return 0;
}
