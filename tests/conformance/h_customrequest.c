/* CURLOPT_CUSTOMREQUEST forms: OPTIONS, a lower-case "get", a method with a POST body
 * ("PURGE" + POSTFIELDS), "GET" with POSTFIELDS (a GET line with a body), "OPTIONS"
 * with NOBODY (the line says OPTIONS, no body is read), then NULL again. Request lines and bodies
 * via the server log, EFFECTIVE_METHOD. CUSTOMREQUEST (issue 4). */
/* server: scripts/h_customrequest.script */
#include <stdio.h>

#include "support/conf.h"

static void go(CURL *e, const char *label) {
  char *m = NULL;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_METHOD, &m);
  printf("%-16s perform = %d effective method %s\n", label, (int)rc, m ? m : "NULL");
}

int main(int argc, char **argv) {
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/c"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "OPTIONS");
  go(e, "OPTIONS");
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "get");
  go(e, "get");
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "PURGE");
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, "purge=1");
  go(e, "PURGE+fields");
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "GET");
  go(e, "GET+fields");
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "OPTIONS");
  curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  go(e, "OPTIONS+nobody");
  curl_easy_setopt(e, CURLOPT_NOBODY, 0L);
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, NULL);
  go(e, "NULL");
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
