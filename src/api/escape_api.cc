// curl_easy_escape, curl_easy_unescape, curl_escape, curl_unescape.
//
// 7.88.1 ignores the easy handle (NULL is fine). A length of 0 means strlen(); a negative
// length answers NULL. Results are allocated with mcurl::alloc for curl_free.
// Tests: tests/conformance/escape.c, tests/unit/util/escape_test.cc
#include <climits>
#include <cstring>
#include <string>
#include <string_view>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/alloc.h"
#include "util/escape.h"

namespace {

char* escape(const char* string, int length) {
  if (length < 0 || string == nullptr) return nullptr;
  return mcurl::api::guarded<char*>([&]() -> char* {
    std::size_t n = length ? static_cast<std::size_t>(length) : std::strlen(string);
    std::string out;
    out.reserve(n);
    if (!mcurl::url_escape(std::string_view(string, n), out)) return nullptr;
    return mcurl::alloc::dup_bytes(out.data(), out.size());
  });
}

char* unescape(const char* string, int length, int* olen) {
  if (length < 0 || string == nullptr) return nullptr;
  return mcurl::api::guarded<char*>([&]() -> char* {
    std::size_t n = length ? static_cast<std::size_t>(length) : std::strlen(string);
    std::string out;
    if (!mcurl::url_unescape(std::string_view(string, n), mcurl::UnescapeReject::kNothing, out)) {
      return nullptr;
    }
    if (olen != nullptr) {
      if (out.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
      *olen = static_cast<int>(out.size());
    }
    return mcurl::alloc::dup_bytes(out.data(), out.size());
  });
}

}  // namespace

extern "C" {

MCURL_EXPORT char* curl_easy_escape(CURL* /*handle*/, const char* string, int length) {
  return escape(string, length);
}
MCURL_SYMVER(curl_easy_escape);

MCURL_EXPORT char* curl_easy_unescape(CURL* /*handle*/, const char* string, int length,
                                      int* outlength) {
  return unescape(string, length, outlength);
}
MCURL_SYMVER(curl_easy_unescape);

// The old names: no handle; curl_unescape reports no length.
MCURL_EXPORT char* curl_escape(const char* string, int length) { return escape(string, length); }
MCURL_SYMVER(curl_escape);

MCURL_EXPORT char* curl_unescape(const char* string, int length) {
  return unescape(string, length, nullptr);
}
MCURL_SYMVER(curl_unescape);

}  // extern "C"
