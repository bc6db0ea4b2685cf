/* Expiry: Max-Age=0 and a past Expires delete a cookie (also one set before), a bad
 * Max-Age expires it, Max-Age wins over Expires, a bad Expires leaves a session cookie.
 * The Cookie header of the next request and the session/expiring split of
 * CURLINFO_COOKIELIST (expiry times printed relative to now). Expiry (issue 7). */
/* server: scripts/c_expiry.script */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support/conf.h"

static void print_list(CURL *e, const char *tag) {
  struct curl_slist *l = NULL, *p;
  curl_easy_getinfo(e, CURLINFO_COOKIELIST, &l);
  printf("cookielist %s:%s\n", tag, l ? "" : " NULL");
  for (p = l; p; p = p->next) {
    /* fields: domain, tailmatch, path, secure, expires, name, value */
    const char *f = p->data;
    int i;
    long long exp;
    for (i = 0; i < 4 && f; ++i) {
      f = strchr(f, '\t');
      if (f) ++f;
    }
    exp = f ? atoll(f) : -1;
    f = f ? strchr(f, '\t') : NULL;
    printf("  %s expires %s\n", f ? f + 1 : "?",
           exp == 0 ? "never (session)" : (exp > (long long)time(NULL) + 3000 ? "later" : "soon"));
  }
  curl_slist_free_all(l);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("ex", conf_url("/"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(x);
  print_list(x->easy, "first");
  conf_perform_print(x);
  print_list(x->easy, "second");
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
