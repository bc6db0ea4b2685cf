/* CURLOPT_ERRORBUFFER texts (what applications show their users): FAILONERROR on a 404,
 * a short body, an empty reply, a non-HTTP reply, too many redirects, a bad chunk size,
 * MAXFILESIZE exceeded, a chunked body cut short. Error buffer texts (issue 4). */
/* server: scripts/h_errorbuffer.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  char err[CURL_ERROR_SIZE];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 8; ++i) {
    CURL *e = curl_easy_init();
    CURLcode rc;
    strcpy(err, "untouched");
    curl_easy_setopt(e, CURLOPT_URL, conf_url("/err"));
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
    if (i == 0) curl_easy_setopt(e, CURLOPT_FAILONERROR, 1L);
    if (i == 4) {
      curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
      curl_easy_setopt(e, CURLOPT_MAXREDIRS, 1L);
    }
    if (i == 6) curl_easy_setopt(e, CURLOPT_MAXFILESIZE, 10L);
    rc = curl_easy_perform(e);
    printf("case %d: perform = %d ", i + 1, (int)rc);
    conf_print_escaped("error buffer: ", err, strlen(err));
    curl_easy_cleanup(e);
  }
  curl_global_cleanup();
  return 0;
}
