/* Set-Cookie lines reach later requests: COOKIEFILE "" turns the cookie engine on, the
 * default path is the request's directory, a Path attribute widens it, a cookie is
 * replaced in place, CURLOPT_COOKIE follows the jar's cookies, and a handle without the
 * engine ignores Set-Cookie; a custom Cookie header. CURLINFO_COOKIELIST after each transfer.
 * COOKIEFILE, COOKIE, CURLINFO_COOKIELIST (issue 7). */
/* server: scripts/c_basic.script */
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
  x = conf_xfer_new("ck", conf_url("/dir/page"));
  x->print_headers = 0;
  /* no engine: the Set-Cookie lines of the first answer are not kept */
  conf_perform_print(x);
  print_list(x->easy, "no engine");
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(x);
  print_list(x->easy, "after /dir/page");
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/dir/x?q=1"));
  conf_perform_print(x);
  print_list(x->easy, "after /dir/x");
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/other"));
  curl_easy_setopt(x->easy, CURLOPT_COOKIE, "opt=1; opt2=2");
  conf_perform_print(x);
  print_list(x->easy, "after /other");
  {
    /* a custom Cookie header replaces CURLOPT_COOKIE, not the jar's cookies */
    struct curl_slist *h = curl_slist_append(NULL, "Cookie: custom=1");
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, h);
    conf_perform_print(x);
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(h);
  }
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
