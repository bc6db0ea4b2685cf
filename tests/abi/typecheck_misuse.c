/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * Wrong argument types: with GCC, -O2 and C, each marked line must draw a
 * warning from typecheck-gcc.h (header_compile_test.sh counts them). */
#include <curl/curl.h>

void mcurl_misuse(CURL *h);
void mcurl_misuse(CURL *h)
{
  int small = 0;
  curl_easy_setopt(h, CURLOPT_VERBOSE, "yes");              /* MISUSE */
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, 5);      /* MISUSE */
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &small);     /* MISUSE */
  curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &small);        /* MISUSE */
}
