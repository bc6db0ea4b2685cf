/* Switching the method on one handle: POSTFIELDS (POST), HTTPGET (GET), NOBODY (HEAD),
 * HTTPGET again (GET), POST=1 with the fields still set (POST), UPLOAD with a read
 * callback and INFILESIZE (PUT), HTTPGET (GET), NOBODY=0 after NOBODY=1 without HTTPGET.
 * The request lines and bodies via the server log, EFFECTIVE_METHOD. HEAD/NOBODY and
 * method switching on a reused handle (issue 4). */
/* server: scripts/h_method_switch.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  int *left = (int *)u;
  size_t max = sz * n;
  if (*left <= 0 || max < 4) return 0;
  memcpy(buf, "put!", 4);
  *left -= 4;
  return 4;
}

static void go(CURL *e, const char *label) {
  char *m = NULL;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_METHOD, &m);
  printf("%-14s perform = %d effective method %s\n", label, (int)rc, m ? m : "NULL");
}

int main(int argc, char **argv) {
  CURL *e;
  int left = 8;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/m"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, "a=1");
  go(e, "postfields");
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  go(e, "httpget");
  curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  go(e, "nobody");
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  go(e, "httpget");
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  go(e, "post=1");
  curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(e, CURLOPT_READDATA, &left);
  curl_easy_setopt(e, CURLOPT_INFILESIZE, 8L);
  go(e, "upload");
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  go(e, "httpget");
  curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(e, CURLOPT_NOBODY, 0L);
  go(e, "nobody 1 then 0");
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
