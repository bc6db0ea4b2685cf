/* CURLINFO_REDIRECT_URL without FOLLOWLOCATION for Location forms, from the base
 * /dir/sub/page?x=1: absolute path, relative, "../", "./", query only, fragment only,
 * scheme-relative, absolute URL, spaces, UTF-8 bytes, upper-case scheme and host with a
 * default port, empty, dot segments, another scheme, blanks around it, query plus
 * fragment, ftp, a bad %-escape, a tab. Each on the same kept-alive connection.
 * Redirects: relative Location forms, REDIRECT_URL without FOLLOWLOCATION (issue 4). */
/* server: scripts/h_redirect_url_forms.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/dir/sub/page?x=1"));
  for (i = 0; i < 19; ++i) {
    char *r = NULL;
    long code = -1;
    CURLcode rc = curl_easy_perform(e);
    CURLcode rc2 = curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &r);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    printf("case %d: perform = %d code %ld getinfo = %d ", i + 1, (int)rc, code, (int)rc2);
    if (r)
      conf_print_escaped("redirect_url: ", r, strlen(r));
    else
      printf("redirect_url: NULL\n");
  }
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
