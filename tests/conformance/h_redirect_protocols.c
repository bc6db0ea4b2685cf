/* Redirects to other schemes with FOLLOWLOCATION: https with REDIR_PROTOCOLS_STR "http"
 * (refused before connecting; the effective URL is the https one), mailto and an unknown
 * scheme (counted, refused, effective URL unchanged), file (not allowed by default),
 * http to another (closed) port. (ftp is left out: mcurl speaks HTTP only.) Result, effective URL,
 * count. Redirect to another port (issue 4). */
/* server: scripts/h_redirect_protocols.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 5; ++i) {
    CURL *e = curl_easy_init();
    char *u = NULL;
    long count = -1, code = -1;
    CURLcode rc;
    curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    if (i == 0) curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http");
    rc = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &u);
    curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &count);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    printf("case %d: perform = %d (%s) count %ld code %ld ", i + 1, (int)rc, curl_easy_strerror(rc),
           count, code);
    conf_print_escaped("effective: ", u ? u : "NULL", u ? strlen(u) : 4);
    curl_easy_cleanup(e);
  }
  curl_global_cleanup();
  return 0;
}
