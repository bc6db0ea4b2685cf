/* Basic authentication: CURLOPT_USERPWD with the default CURLAUTH_BASIC goes out on the
 * first request; USERNAME alone (empty password), ":" (empty user), a user without a
 * colon, and HTTPAUTH_AVAIL staying 0 without a 401. Auth (issue 7). */
/* server: scripts/u_basic.script */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *label, CURLoption opt, const char *value) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/basic"));
  long code = -1, avail = -1;
  CURLcode rc;
  x->print_headers = 0;
  x->print_body = 1;
  curl_easy_setopt(x->easy, opt, value);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_HTTPAUTH_AVAIL, &avail);
  printf("%s: perform = %d code %ld avail %ld\n", label, (int)rc, code, avail);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("userpwd", CURLOPT_USERPWD, "Aladdin:open sesame");
  run("username", CURLOPT_USERNAME, "solo");
  run("colon", CURLOPT_USERPWD, ":");
  run("nocolon", CURLOPT_USERPWD, "justuser");
  curl_global_cleanup();
  return 0;
}
