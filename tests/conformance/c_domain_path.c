/* Domain and path rules on 127.0.0.1: Domain=127.0.0.1 kept (no tail matching for IP
 * hosts), Domain=.0.0.1, Domain=localhost and Domain=example.com refused; then paths:
 * /p matches /p, /p/ and /p/q but not /pq or /P; a quoted Path; a Path not starting with
 * '/' means "/". COOKIEFILE, domain and path matching (issue 7). */
/* server: scripts/c_domain_path.script */
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
  static const char *paths[] = {"/p", "/p/", "/p/q", "/pq", "/P", "/"};
  conf_xfer *x;
  unsigned i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("dp", conf_url("/set"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(x);
  print_list(x->easy, "after /set");
  for (i = 0; i < sizeof paths / sizeof paths[0]; ++i) {
    printf("== %s\n", paths[i]);
    curl_easy_setopt(x->easy, CURLOPT_URL, conf_url(paths[i]));
    conf_perform_print(x);
  }
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
