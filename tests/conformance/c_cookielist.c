/* CURLOPT_COOKIELIST before any transfer: Netscape lines (with #HttpOnly_, a missing
 * value, a missing path), "Set-Cookie:" lines (with and without Domain), then SESS and
 * ALL, and the cookies that go out with a request to 127.0.0.1. CURLINFO_COOKIELIST on a
 * fresh handle is NULL. COOKIELIST (issue 7). */
/* server: scripts/c_cookielist.script */
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

static void add(CURL *e, const char *line) {
  CURLcode rc = curl_easy_setopt(e, CURLOPT_COOKIELIST, line);
  printf("add = %d\n", (int)rc);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("cl", conf_url("/p/q"));
  x->print_headers = 0;
  print_list(x->easy, "fresh");
  add(x->easy, "ALL");
  print_list(x->easy, "ALL on nothing");
  add(x->easy, "127.0.0.1\tFALSE\t/\tFALSE\t0\tns\t1");
  add(x->easy, "#HttpOnly_127.0.0.1\tFALSE\t/p\tFALSE\t4102444800\thttponly\t2");
  add(x->easy, "127.0.0.1\tFALSE\t/\tFALSE\t4102444800\tnoval");
  add(x->easy, "127.0.0.1\tFALSE\tFALSE\t0\tnopath\t3");
  add(x->easy, "127.0.0.1\tFALSE\t/\tFALSE");
  add(x->easy, "Set-Cookie: nodomain=4");
  add(x->easy, "Set-Cookie: hdr=5; domain=127.0.0.1; path=/p");
  add(x->easy, "set-cookie: lower=6; domain=127.0.0.1");
  add(x->easy, "Set-Cookie: tld=7; domain=com");
  add(x->easy, "# comment");
  print_list(x->easy, "added");
  conf_perform_print(x);
  add(x->easy, "SESS");
  print_list(x->easy, "after SESS");
  conf_perform_print(x);
  add(x->easy, "ALL");
  print_list(x->easy, "after ALL");
  conf_perform_print(x);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
