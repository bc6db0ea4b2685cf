/* CURLOPT_IPRESOLVE against a host of the other family: a numeric address gives
 * CURLE_COULDNT_CONNECT with the error buffer left empty (the curl tool then prints the
 * code's text), a name that only has addresses of the other family (CURLOPT_RESOLVE) gives
 * CURLE_COULDNT_RESOLVE_HOST. */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static void run(const char *host, long ipresolve, int with_resolve) {
  char url[200], entry[200], err[CURL_ERROR_SIZE] = "";
  struct curl_slist *res = NULL;
  CURL *e = curl_easy_init();
  CURLcode rc;
  snprintf(url, sizeof url, "http://%s:%d/bytes/5", host, conf_port());
  snprintf(entry, sizeof entry, "%s:%d:127.0.0.1", host, conf_port());
  if (with_resolve) res = curl_slist_append(NULL, entry);
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_IPRESOLVE, ipresolve);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  if (res) curl_easy_setopt(e, CURLOPT_RESOLVE, res);
  rc = curl_easy_perform(e);
  printf("%s ipresolve=%ld: %d (%s)\n", host, ipresolve, (int)rc, err);
  curl_easy_cleanup(e);
  curl_slist_free_all(res);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("127.0.0.1", CURL_IPRESOLVE_V6, 0);
  run("[::1]", CURL_IPRESOLVE_V4, 0);
  run("only4.example", CURL_IPRESOLVE_V6, 1);
  run("127.0.0.1", CURL_IPRESOLVE_V4, 0);
  curl_global_cleanup();
  return 0;
}
