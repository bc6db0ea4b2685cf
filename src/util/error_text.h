// Human-readable texts for CURLcode, CURLMcode, CURLSHcode and CURLUcode, exactly as
// libcurl 7.88.1 words them. Out-of-range codes get 7.88.1's "unknown" text. The returned
// strings are static; never NULL.
#ifndef MCURL_UTIL_ERROR_TEXT_H
#define MCURL_UTIL_ERROR_TEXT_H

namespace mcurl {

const char* easy_error_text(long code) noexcept;
const char* multi_error_text(long code) noexcept;
const char* share_error_text(long code) noexcept;
const char* url_error_text(long code) noexcept;

}  // namespace mcurl

#endif  // MCURL_UTIL_ERROR_TEXT_H
