/* A program that knows nothing of mcurl: it finds "libcurl" the usual ways. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

int main(void) {
  CURL *e = curl_easy_init();
  int ok = e != NULL && strstr(curl_version(), "mcurl/") != NULL &&
           curl_version_info(CURLVERSION_NOW)->version_num == LIBCURL_VERSION_NUM;
  printf("%s\n", curl_version());
  curl_easy_cleanup(e);
  return ok ? 0 : 1;
}
