// curl_easy_strerror, curl_multi_strerror, curl_share_strerror, curl_url_strerror.
#include <curl/curl.h>

#include "api/export.h"
#include "util/error_text.h"

extern "C" {

MCURL_EXPORT const char* curl_easy_strerror(CURLcode code) { return mcurl::easy_error_text(code); }
MCURL_SYMVER(curl_easy_strerror);

MCURL_EXPORT const char* curl_multi_strerror(CURLMcode code) {
  return mcurl::multi_error_text(code);
}
MCURL_SYMVER(curl_multi_strerror);

MCURL_EXPORT const char* curl_share_strerror(CURLSHcode code) {
  return mcurl::share_error_text(code);
}
MCURL_SYMVER(curl_share_strerror);

MCURL_EXPORT const char* curl_url_strerror(CURLUcode code) { return mcurl::url_error_text(code); }
MCURL_SYMVER(curl_url_strerror);

}  // extern "C"
