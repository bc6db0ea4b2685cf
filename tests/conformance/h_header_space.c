/* Header forms: a space before the colon, tabs around a value, no space after the colon,
 * Content-Length padded with blanks, an empty Content-Type, a header with no name,
 * upper-case names; what the header callback, curl_easy_header and CONTENT_TYPE see.
 * Header callback contents (issue 4). */
/* server: scripts/h_header_space.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void show(CURL *e, const char *name) {
  struct curl_header *h = NULL;
  CURLHcode rc = curl_easy_header(e, name, 0, CURLH_HEADER, -1, &h);
  if (rc == CURLHE_OK)
    conf_print_escaped("  lookup value: ", h->value, strlen(h->value));
  else
    printf("  lookup %s: %d\n", name, (int)rc);
}

int main(int argc, char **argv) {
  int i;
  static const char *names[] = {"X-Space-Before", "X-Tab",         "Content-Type", "",
                                "Content-Length", "Content-Length"};
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 6; ++i) {
    conf_xfer *x = conf_xfer_new("sp", conf_url("/s"));
    printf("== case %d\n", i + 1);
    x->print_body = 1;
    conf_perform_print(x);
    show(x->easy, names[i]);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
