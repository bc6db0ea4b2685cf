/* Cookies across a followed redirect: the 302 sets a cookie that the next request of the
 * same transfer already carries (the redirect's own path decides the default path), and
 * a cookie set on the last answer shows in CURLINFO_COOKIELIST. Set-Cookie on redirects
 * (issue 7). */
/* server: scripts/c_redirect.script */
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
  x = conf_xfer_new("rd", conf_url("/from/here"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
  conf_perform_print(x);
  print_list(x->easy, "after");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
