/* Long redirect chains: 35 hops with the default MAXREDIRS (7.88.1: unlimited), with
 * MAXREDIRS -1, exactly 35, 34 (CURLE_TOO_MANY_REDIRECTS: count, effective URL and
 * REDIRECT_URL at the stop), and NUM_CONNECTS (one kept-alive connection).
 * Redirects: MAXREDIRS 0/-1 and limits (issue 4). */
/* server: httpd */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void run(const char *label, long max, int set) {
  conf_xfer *x = conf_xfer_new(label, conf_url("/redirect/35"));
  char *u = NULL, *r = NULL;
  long count = -1, conns = -1;
  CURLcode rc;
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  if (set) curl_easy_setopt(x->easy, CURLOPT_MAXREDIRS, max);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &u);
  curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &r);
  curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_COUNT, &count);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("%s: perform = %d (%s) count %ld num_connects %ld body %lu\n", label, (int)rc,
         curl_easy_strerror(rc), count, conns, (unsigned long)x->body_bytes);
  conf_print_escaped("  effective: ", u ? u : "NULL", u ? strlen(u) : 4);
  conf_print_escaped("  redirect_url: ", r ? r : "NULL", r ? strlen(r) : 4);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("default", 0, 0);
  run("minus1", -1, 1);
  run("max35", 35, 1);
  run("max34", 34, 1);
  run("max1", 1, 1);
  curl_global_cleanup();
  return 0;
}
