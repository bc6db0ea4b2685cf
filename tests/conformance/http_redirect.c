/* Redirects against mcurl_httpd's /redirect/N chain: followed (count, effective URL,
 * NUM_CONNECTS over one kept-alive connection), not followed (REDIRECT_URL), MAXREDIRS
 * exceeded (CURLE_TOO_MANY_REDIRECTS), MAXREDIRS 0, HEAD through redirects.
 * Redirects: counts, effective URL (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static void run(const char *name, const char *path, long follow, long maxredirs, long nobody) {
  conf_xfer *x = conf_xfer_new(name, conf_url(path));
  printf("== %s %s follow=%ld maxredirs=%ld nobody=%ld\n", name, path, follow, maxredirs, nobody);
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, follow);
  if (maxredirs != -2) curl_easy_setopt(x->easy, CURLOPT_MAXREDIRS, maxredirs);
  if (nobody) curl_easy_setopt(x->easy, CURLOPT_NOBODY, 1L);
  conf_perform_print(x);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("follow", "/redirect/3", 1, -2, 0);
  run("nofollow", "/redirect/3", 0, -2, 0);
  run("max2", "/redirect/3", 1, 2, 0);
  run("max0", "/redirect/1", 1, 0, 0);
  run("maxinf", "/redirect/2", 1, -1, 0);
  run("head", "/redirect/2", 1, -2, 1);
  curl_global_cleanup();
  return 0;
}
