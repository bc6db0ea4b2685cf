/* Secure, HttpOnly and the __Secure- / __Host- prefixes from http://127.0.0.1 (a secure
 * context for 7.88.1, like localhost): which cookies are kept, how CURLINFO_COOKIELIST
 * writes them, and that they are sent back. Secure, HttpOnly, prefixes (issue 7). */
/* server: scripts/c_secure_prefix.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void print_list(CURL *e, const char *tag) {
  struct curl_slist *l = NULL, *p;
  curl_easy_getinfo(e, CURLINFO_COOKIELIST, &l);
  printf("cookielist %s:%s\n", tag, l ? "" : " NULL");
  for (p = l; p; p = p->next) conf_print_escaped("  ", p->data, strlen(p->data));
  curl_slist_free_all(l);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("sp", conf_url("/a/b"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(x);
  print_list(x->easy, "after /a/b");
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/a/c"));
  conf_perform_print(x);
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/"));
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
