/* CURLOPT_MAXFILESIZE(_LARGE) with compressed bodies: 7.88.1 compares the limit with the
 * Content-Length (the compressed size) before the body; a body whose decoded size stays
 * within the limit decodes. (mcurl also bounds the decoded size, issue 5: a body that
 * decodes beyond the limit fails there and passes in 7.88.1, so that case is in the
 * integration tests, not here; docs/COMPATIBILITY.md.) */
/* server: scripts/d_maxfilesize.script */
#include <stdio.h>

#include "support/conf.h"

static void run(int i, curl_off_t max) {
  char name[16];
  char err[CURL_ERROR_SIZE] = "";
  conf_xfer *x;
  snprintf(name, sizeof name, "m%d", i);
  x = conf_xfer_new(name, conf_url("/m"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(x->easy, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(x->easy, CURLOPT_MAXFILESIZE_LARGE, max);
  conf_perform_print(x);
  printf("%s error: '%s'\n", name, err);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run(0, 100);  /* the gzip body is 204 bytes */
  run(1, 1300); /* it decodes to 1300 */
  run(2, 5000);
  curl_global_cleanup();
  return 0;
}
