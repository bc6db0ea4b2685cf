/* TIMECONDITION with TIMEVALUE (2010-01-01): the If-Modified-Since / If-Unmodified-Since
 * header sent (server log); a 304 sets CONDITION_UNMET; a 200 whose Last-Modified fails
 * the condition (7.88.1 checks it itself: code 304, no body, connection closed) for
 * IFMODSINCE and IFUNMODSINCE; no Last-Modified (met); and a 304 with no time condition
 * set (CONDITION_UNMET stays 0).
 * getinfo values (condition_unmet, filetime) and request headers (issue 4). */
/* server: scripts/h_timecondition.script */
#include <stdio.h>

#include "support/conf.h"

static void go(conf_xfer *x, const char *label) {
  long unmet = -1, code = -1, ft = -2;
  CURLcode rc;
  x->body_bytes = 0;
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_CONDITION_UNMET, &unmet);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(x->easy, CURLINFO_FILETIME, &ft);
  printf("%-10s perform = %d code %ld condition_unmet %ld filetime %ld body %lu\n", label, (int)rc,
         code, unmet, ft, (unsigned long)x->body_bytes);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("tc", conf_url("/doc"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_TIMECONDITION, (long)CURL_TIMECOND_IFMODSINCE);
  curl_easy_setopt(x->easy, CURLOPT_TIMEVALUE, 1262304000L);
  curl_easy_setopt(x->easy, CURLOPT_FILETIME, 1L);
  go(x, "304");
  go(x, "old");
  curl_easy_setopt(x->easy, CURLOPT_TIMECONDITION, (long)CURL_TIMECOND_IFUNMODSINCE);
  go(x, "new");
  go(x, "none");
  curl_easy_setopt(x->easy, CURLOPT_TIMECONDITION, (long)CURL_TIMECOND_NONE);
  go(x, "304 plain");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
