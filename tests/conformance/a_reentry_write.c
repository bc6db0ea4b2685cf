/* Re-entrancy table, write callback: every multi call on the multi running the transfer
 * answers CURLM_RECURSIVE_API_CALL (info_read NULL/0), curl_easy_perform / recv / send
 * on the handle answer CURLE_RECURSIVE_API_CALL, getinfo / setopt / assign are allowed,
 * a multi that is not in a callback answers normally; the transfer completes, driven by
 * curl_multi_perform and by curl_easy_perform. BEHAVIOUR.md items 74-78, 80. */
/* server: scripts/get_200.script */
#include <stdio.h>

#include "support/reentry.h"

static size_t cb(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  conf_reentry_try("write callback");
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/w"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, cb);
  conf_reentry_run("write", e, NULL);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
