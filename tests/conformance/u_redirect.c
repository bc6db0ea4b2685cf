/* Credentials and redirects: the same host keeps getting them; another host name
 * (other.example, sent to the server through CURLOPT_CONNECT_TO) does not, unless
 * CURLOPT_UNRESTRICTED_AUTH; URL credentials stay behind too. Auth (issue 7). */
/* server: scripts/u_redirect.script */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *label, const char *url, const char *userpwd, long unrestricted) {
  conf_xfer *x = conf_xfer_new(label, url);
  char map[96];
  struct curl_slist *connect_to;
  snprintf(map, sizeof map, "other.example:80:127.0.0.1:%d", conf_port());
  connect_to = curl_slist_append(NULL, map);
  curl_easy_setopt(x->easy, CURLOPT_CONNECT_TO, connect_to);
  long code = -1, count = -1;
  CURLcode rc;
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  if (userpwd) curl_easy_setopt(x->easy, CURLOPT_USERPWD, userpwd);
  curl_easy_setopt(x->easy, CURLOPT_UNRESTRICTED_AUTH, unrestricted);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_COUNT, &count);
  printf("%s: perform = %d code %ld redirects %ld\n", label, (int)rc, code, count);
  conf_xfer_free(x);
  curl_slist_free_all(connect_to);
}

int main(int argc, char **argv) {
  char url[128];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("same_host", conf_url("/same"), "u:p", 0L);
  run("other_host", conf_url("/other"), "u:p", 0L);
  run("unrestricted", conf_url("/other"), "u:p", 1L);
  snprintf(url, sizeof url, "http://uu:pp@127.0.0.1:%d/other", conf_port());
  run("url_creds", url, NULL, 0L);
  curl_global_cleanup();
  return 0;
}
