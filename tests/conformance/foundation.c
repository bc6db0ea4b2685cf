/* The foundation's promise in one program: a binary built against the system's headers
 * gets the same answers from either library for version_num, escape and unescape,
 * getdate, mprintf, the URL API and strerror. The detailed cases are in escape.c,
 * getdate.c, mprintf.c, url_api.c and strerror.c. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>
#include <curl/mprintf.h>

int main(void) {
  curl_version_info_data *d;
  CURL *easy;
  char *s;
  int len = -1;
  CURLU *u;
  char buf[64];
  static const char *dates[] = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                                "Sun Nov  6 08:49:37 1994", "06 Nov 1994 08:49:37 +0100",
                                "not a date", ""};
  size_t i;

  curl_global_init(CURL_GLOBAL_DEFAULT);
  d = curl_version_info(CURLVERSION_NOW);
  printf("version_num 0x%06x version %s\n", d->version_num, d->version);

  easy = curl_easy_init();
  s = curl_easy_escape(easy, "a b&c=d/é~_.-", 0);
  printf("escape: %s\n", s ? s : "NULL");
  curl_free(s);
  s = curl_easy_unescape(easy, "a%20b%26c%3Dd%2F%C3%A9~_.-%zz%4", 0, &len);
  printf("unescape: %s (%d)\n", s ? s : "NULL", len);
  curl_free(s);
  curl_easy_cleanup(easy);

  for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
    printf("getdate(%s) = %ld\n", dates[i], (long)curl_getdate(dates[i], NULL));

  curl_msnprintf(buf, sizeof(buf), "%d|%5s|%-5s|%05.1f|%x|%lld|%c", 42, "ab", "cd", 3.14159,
                 255, (long long)-7, 'z');
  printf("mprintf: %s\n", buf);
  s = curl_maprintf("%s-%ld-%%", "x", 123456789L);
  printf("maprintf: %s\n", s ? s : "NULL");
  curl_free(s);

  u = curl_url();
  printf("url_set: %d\n", (int)curl_url_set(u, CURLUPART_URL,
                                            "HTTP://us:pw@EXAMPLE.com:80/a/./b/../c?x=1#f", 0));
  s = NULL;
  printf("url_get URL: %d ", (int)curl_url_get(u, CURLUPART_URL, &s, 0));
  printf("%s\n", s ? s : "NULL");
  curl_free(s);
  s = NULL;
  printf("url_get HOST: %d ", (int)curl_url_get(u, CURLUPART_HOST, &s, 0));
  printf("%s\n", s ? s : "NULL");
  curl_free(s);
  s = NULL;
  printf("url_get PORT: %d ", (int)curl_url_get(u, CURLUPART_PORT, &s, 0));
  printf("%s\n", s ? s : "NULL");
  curl_free(s);
  curl_url_cleanup(u);

  printf("strerror(6): %s\n", curl_easy_strerror(CURLE_COULDNT_RESOLVE_HOST));
  printf("strerror(93): %s\n", curl_easy_strerror(CURLE_RECURSIVE_API_CALL));
  curl_global_cleanup();
  return 0;
}
