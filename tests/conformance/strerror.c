/* Every code's text from the four strerror functions, in and out of range. */
#include <stdio.h>

#include <curl/curl.h>

int main(void) {
  int i;
  for (i = -5; i <= 130; i++) printf("easy %d %s\n", i, curl_easy_strerror((CURLcode)i));
  for (i = -5; i <= 30; i++) printf("multi %d %s\n", i, curl_multi_strerror((CURLMcode)i));
  for (i = -5; i <= 30; i++) printf("share %d %s\n", i, curl_share_strerror((CURLSHcode)i));
  for (i = -5; i <= 60; i++) printf("url %d %s\n", i, curl_url_strerror((CURLUcode)i));
  printf("easy big %s\n", curl_easy_strerror((CURLcode)100000));
  printf("multi big %s\n", curl_multi_strerror((CURLMcode)100000));
  return 0;
}
