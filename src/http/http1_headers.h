// What libcurl 7.88.1 reads from HTTP/1.x response headers, as pure functions over a
// header's name and value (the value as Http1ResponseParser hands it: leading and
// trailing whitespace trimmed, cut at the first CR/LF). The engine calls these from its
// HeadSink. The measured facts behind each are in docs/internals/HTTP1.md.
//
// Thread affinity: none; no allocation.
// Tests: tests/unit/http/http1_parser_test.cc (Http1Headers.*)
#ifndef MCURL_HTTP_HTTP1_HEADERS_H
#define MCURL_HTTP_HTTP1_HEADERS_H

#include <curl/curl.h>

#include <ctime>
#include <string_view>

#include "util/strcase.h"

namespace mcurl {

// True when the header is `name` (ASCII case ignored). libcurl matches "Name:" as a
// prefix of the line, so a name with a blank before the colon ("Content-Length ") is not
// the header: that is what this gives too.
// Inline: the engine asks it for every header and every name it knows; the length test
// then settles most of them at once.
inline bool header_is(std::string_view header_name, std::string_view name) noexcept {
  return iequals(header_name, name);
}

// libcurl's header-content test: `needle` appears anywhere in the value, ASCII case
// ignored (a plain substring search: "Connection: xclosex" counts as close).
bool header_value_has(std::string_view value, std::string_view needle) noexcept;

enum class ContentLength {
  kOk,        // *out holds the length
  kInvalid,   // negative or no digits: CURLE_WEIRD_SERVER_REPLY "Invalid Content-Length: value"
              // (raised before the header callback sees the line)
  kOverflow,  // more than curl_off_t holds: the size stays unknown (-1) and the
              // connection is closed after the transfer; with CURLOPT_MAXFILESIZE set it
              // is CURLE_FILESIZE_EXCEEDED "Maximum file size exceeded"
};

// Parses a Content-Length value as 7.88.1 does: decimal, optional '+', any '-' makes it
// invalid, trailing junk after the digits ignored ("3abc" is 3, "3, 3" is 3, "0x2" is 0).
// A later Content-Length header replaces an earlier one; Transfer-Encoding: chunked
// wins over it (the length then reads -1).
ContentLength parse_content_length(std::string_view value, curl_off_t* out) noexcept;

// True when a Transfer-Encoding value lists "chunked" (a comma-separated token).
bool transfer_encoding_is_chunked(std::string_view value) noexcept;

// Tracks whether the connection may be reused after this response, from the status line
// version and the Connection headers in order (the last deciding header wins):
// HTTP/1.1 keeps alive unless "Connection:" contains "close"; HTTP/1.0 closes unless
// "Connection:" contains "keep-alive" (checked first for 1.0, so "keep-alive, close"
// keeps a 1.0 connection alive).
class KeepAlive {
 public:
  void on_status(int version) noexcept {
    keep_ = version >= 11;
    version_ = version;
  }
  void on_header(std::string_view name, std::string_view value) noexcept;
  bool keep() const noexcept { return keep_; }

 private:
  int version_ = 11;
  bool keep_ = true;
};

// Retry-After (CURLINFO_RETRY_AFTER): an HTTP date gives date - now, else a decimal
// number of seconds; anything unparsable (negative numbers included) gives 0.
curl_off_t parse_retry_after(std::string_view value, std::time_t now) noexcept;

// Last-Modified (CURLINFO_FILETIME): the date, or -1 when it does not parse.
std::time_t parse_last_modified(std::string_view value) noexcept;

}  // namespace mcurl

#endif  // MCURL_HTTP_HTTP1_HEADERS_H
