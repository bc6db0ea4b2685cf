/* Request targets the server receives for URL forms (compared through its log): dot
 * segments (resolved) and the same with PATH_AS_IS (kept), a fragment (not sent), no
 * path at all, an empty query, "%2e%2e", an encoded space, a raw space (rejected),
 * upper-case percent escapes, a query with "?" and "/" in it, a path of "//".
 * Request bytes seen by the server (issue 4). */
/* server: scripts/h_request_target.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  static const char *paths[] = {"/a/./b/../c",  "/a/./b/../c", "/frag#part", "",
                                "/q?",          "/%2e%2e/x",   "/sp%20ace",  "/raw space",
                                "/%7Euser/%3f", "/q?a=/b?c",   "//double//", "/a/b/.."};
  CURL *e;
  unsigned i;
  char url[256];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  for (i = 0; i < sizeof paths / sizeof paths[0]; ++i) {
    char *eff = NULL;
    CURLcode rc;
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", conf_port(), paths[i]);
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_PATH_AS_IS, i == 1 ? 1L : 0L);
    rc = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &eff);
    printf("%u: perform = %d ", i + 1, (int)rc);
    conf_print_escaped("effective ", eff ? eff : "NULL", eff ? strlen(eff) : 4);
  }
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
