/* CURLOPT_XOAUTH2_BEARER: sent at once with CURLAUTH_BEARER (no user needed); not sent
 * with the default CURLAUTH_BASIC (the user's Basic goes instead); a refused Bearer ends
 * with the 401. Auth (issue 7). */
/* server: scripts/u_bearer.script */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *label, long auth, const char *userpwd) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/bearer"));
  long code = -1, avail = -1;
  CURLcode rc;
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_XOAUTH2_BEARER, "mF_9.B5f-4.1JqM");
  if (auth) curl_easy_setopt(x->easy, CURLOPT_HTTPAUTH, auth);
  if (userpwd) curl_easy_setopt(x->easy, CURLOPT_USERPWD, userpwd);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_HTTPAUTH_AVAIL, &avail);
  printf("%s: perform = %d code %ld avail %ld\n", label, (int)rc, code, avail);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("bearer", (long)CURLAUTH_BEARER, NULL);
  run("default_with_user", 0L, "us:pw");
  run("default_no_user", 0L, NULL);
  run("refused", (long)CURLAUTH_BEARER, NULL);
  curl_global_cleanup();
  return 0;
}
