// URL percent-encoding and decoding (RFC 3986 section 2.1), as libcurl 7.88.1 does it.
//
// Used by curl_easy_escape / curl_easy_unescape (src/api/escape_api.cc) and by the URL
// parser (src/util/url.cc). Everything here works on bytes: no locale, no character set.
//
// Thread affinity: none; the functions are pure.
// Tests: tests/unit/util/escape_test.cc, tests/conformance/escape.c
#ifndef MCURL_UTIL_ESCAPE_H
#define MCURL_UTIL_ESCAPE_H

#include <cstddef>
#include <string>
#include <string_view>

namespace mcurl {

// libcurl refuses to produce an escaped string longer than this (3 x its 8 MB input cap).
inline constexpr std::size_t kMaxEscapedLength = 8000000 * 3;

// True for RFC 3986's unreserved bytes: ALPHA DIGIT "-" "." "_" "~" (ASCII only).
bool is_unreserved(unsigned char c) noexcept;

// Appends `in` to `out` with every byte outside the unreserved set written as "%XX" with
// upper-case hex digits (curl_easy_escape). Returns false, leaving `out` unspecified, when
// the result would reach kMaxEscapedLength bytes (libcurl answers NULL then).
bool url_escape(std::string_view in, std::string& out);

// Which decoded bytes make url_unescape fail.
enum class UnescapeReject {
  kNothing,  // any byte is fine (curl_easy_unescape)
  kControl,  // a byte below 0x20, written raw or as %XX, fails (the URL API's decoding)
  kZero,     // a NUL byte, raw or %00, fails
};

// Replaces `out` with `in` where every "%" followed by two hex digits is replaced by the
// byte they spell; any other "%" stays as it is. Returns false when a byte that `reject`
// forbids appears; `out` is unspecified then.
bool url_unescape(std::string_view in, UnescapeReject reject, std::string& out);

}  // namespace mcurl

#endif  // MCURL_UTIL_ESCAPE_H
