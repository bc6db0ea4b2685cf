/* Header callback lines, order and bytes; duplicate, empty, padded, folded, LF-only
 * headers; a custom reason phrase; curl_easy_header lookups; header_size.
 * Header callback contents and order (issue 4). */
/* server: scripts/headers.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void lookup(CURL *e, const char *name) {
  struct curl_header *h = NULL;
  CURLHcode rc = curl_easy_header(e, name, 0, CURLH_HEADER, -1, &h);
  if (rc != CURLHE_OK) {
    printf("header(%s) = %d\n", name, (int)rc);
    return;
  }
  printf("header(%s): amount=%lu index=%lu\n", name, (unsigned long)h->amount,
         (unsigned long)h->index);
  conf_print_escaped("  value: ", h->value, strlen(h->value));
  if (h->amount > 1 && curl_easy_header(e, name, 1, CURLH_HEADER, -1, &h) == CURLHE_OK)
    conf_print_escaped("  value 1: ", h->value, strlen(h->value));
}

int main(int argc, char **argv) {
  static const char *names[] = {"X-Dup",    "x-dup",     "X-Empty",        "X-Spaces", "X-LOWER",
                                "X-Folded", "X-LF-Only", "Content-Length", "Missing"};
  int i;
  unsigned j;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("h", conf_url("/h"));
    struct curl_header *prev = NULL;
    x->print_body = 1;
    conf_perform_print(x);
    for (j = 0; j < sizeof names / sizeof names[0]; ++j) lookup(x->easy, names[j]);
    while ((prev = curl_easy_nextheader(x->easy, CURLH_HEADER, -1, prev)) != NULL) {
      conf_print_escaped("next: ", prev->name, strlen(prev->name));
      conf_print_escaped("  value: ", prev->value, strlen(prev->value));
    }
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
