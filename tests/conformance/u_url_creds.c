/* Credentials in the URL (percent-decoded) against CURLOPT_USERPWD, USERNAME and
 * PASSWORD, as 7.88.1 combines them: USERPWD wins; PASSWORD replaces the URL's password
 * only; a URL password brings the URL's user along over USERNAME. Auth (issue 7). */
/* server: scripts/u_url_creds.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void run(const char *label, const char *userinfo, CURLoption opt, const char *value) {
  char url[256];
  conf_xfer *x;
  long code = -1;
  CURLcode rc;
  snprintf(url, sizeof url, "http://%s@127.0.0.1:%d/creds", userinfo, conf_port());
  x = conf_xfer_new(label, url);
  x->print_headers = 0;
  if (value) curl_easy_setopt(x->easy, opt, value);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  printf("%s: perform = %d code %ld\n", label, (int)rc, code);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("url", "a%40b:p%3Aq", CURLOPT_USERPWD, NULL);
  run("userpwd", "a%40b:p%3Aq", CURLOPT_USERPWD, "U:P");
  run("username", "a%40b:p%3Aq", CURLOPT_USERNAME, "U");
  run("password", "a%40b:p%3Aq", CURLOPT_PASSWORD, "P");
  run("useronly", "a%40b", CURLOPT_USERNAME, "U");
  run("nopass", "a%40b", CURLOPT_USERPWD, NULL);
  curl_global_cleanup();
  return 0;
}
