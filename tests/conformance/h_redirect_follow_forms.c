/* Followed redirects with relative Location forms from /dir/sub/page?x=1: "../" with a
 * query, query only, fragment only, a space, UTF-8 bytes, dot segments, query plus
 * fragment, blanks around: the request targets the server receives (compared through
 * its log), EFFECTIVE_URL and REDIRECT_COUNT.
 * Redirects: relative Location forms, fragments, spaces (issue 4). */
/* server: scripts/h_redirect_follow_forms.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  FILE *sink = fopen("/dev/null", "w");
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 8; ++i) {
    CURL *e = curl_easy_init();
    char *u = NULL;
    long count = -1;
    CURLcode rc;
    curl_easy_setopt(e, CURLOPT_URL, conf_url("/dir/sub/page?x=1"));
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, sink);
    rc = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &u);
    curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &count);
    printf("case %d: perform = %d count %ld ", i + 1, (int)rc, count);
    conf_print_escaped("effective: ", u ? u : "(null)", u ? strlen(u) : 6);
    curl_easy_cleanup(e);
  }
  fclose(sink);
  curl_global_cleanup();
  return 0;
}
