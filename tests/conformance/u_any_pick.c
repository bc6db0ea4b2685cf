/* CURLAUTH_ANY / ANYSAFE / BASIC|DIGEST: the first request goes without credentials, the
 * 401's offers are read (HTTPAUTH_AVAIL), one is picked and the request goes again on the
 * same connection; the 401's body is not delivered. ANYSAFE does not take Basic; a
 * Bearer offer is taken only with a token. Auth (issue 7). */
/* server: scripts/u_any_pick.script */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *label, long auth, const char *bearer) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/any"));
  long code = -1, avail = -1, conns = -1;
  CURLcode rc;
  x->print_headers = 1;
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_USERPWD, "us:pw");
  curl_easy_setopt(x->easy, CURLOPT_HTTPAUTH, auth);
  if (bearer) curl_easy_setopt(x->easy, CURLOPT_XOAUTH2_BEARER, bearer);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_HTTPAUTH_AVAIL, &avail);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("%s: perform = %d code %ld avail %ld connects %ld body %lu\n", label, (int)rc, code, avail,
         conns, (unsigned long)x->body_bytes);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("any_basic", (long)CURLAUTH_ANY, NULL);
  run("anysafe_basic", (long)CURLAUTH_ANYSAFE, NULL);
  run("any_bearer_no_token", (long)CURLAUTH_ANY, NULL);
  run("any_bearer_token", (long)CURLAUTH_ANY, "tok123");
  run("basic_or_digest", (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST), NULL);
  curl_global_cleanup();
  return 0;
}
