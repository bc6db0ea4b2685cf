/* Limits: 60 Set-Cookie lines in one answer keep 50; 200 cookies in the jar send 150;
 * five 2,000-byte cookies send four (the Cookie header stays below 8,190 bytes); a
 * Set-Cookie line longer than 5,000 bytes and a name + value over 4,096 are dropped.
 * Limits (issue 7). */
/* server: scripts/c_limits.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int count_list(CURL *e) {
  struct curl_slist *l = NULL, *p;
  int n = 0;
  curl_easy_getinfo(e, CURLINFO_COOKIELIST, &l);
  for (p = l; p; p = p->next) ++n;
  curl_slist_free_all(l);
  return n;
}

int main(int argc, char **argv) {
  conf_xfer *x;
  char line[2100];
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("lim", conf_url("/"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, "");
  conf_perform_print(x);
  printf("cookies after 60 Set-Cookie lines: %d\n", count_list(x->easy));
  curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "ALL");
  for (i = 0; i < 200; ++i) {
    snprintf(line, sizeof line, "127.0.0.1\tFALSE\t/\tFALSE\t0\tk%d\tv", 1000 + i);
    curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, line);
  }
  printf("cookies in the jar: %d\n", count_list(x->easy));
  conf_perform_print(x);
  curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "ALL");
  for (i = 0; i < 5; ++i) {
    int n = snprintf(line, sizeof line, "127.0.0.1\tFALSE\t/\tFALSE\t0\tbig%d\t", i);
    memset(line + n, 'a' + i, 2000);
    line[n + 2000] = '\0';
    curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, line);
  }
  printf("cookies in the jar: %d\n", count_list(x->easy));
  conf_perform_print(x);
  printf("cookies after the long lines: %d\n", count_list(x->easy));
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
