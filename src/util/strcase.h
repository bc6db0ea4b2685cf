// ASCII-only, locale-independent case-insensitive comparisons.
//
// Protocol tokens (header names, URL schemes, cookie attributes, date words) compare
// case-insensitively in ASCII only: the C library's strcasecmp follows the process
// locale (in a Turkish locale 'I' and 'i' are not a pair), which libcurl avoids, and so
// do we. Bytes >= 0x80 compare as themselves.
//
// All functions are pure, allocation-free, noexcept and safe from any thread.
// curl_strequal / curl_strnequal (src/api/misc_api.cc) are thin wrappers that add the
// NULL-pointer answers of libcurl 7.88.1.
// Tests: tests/unit/util/strcase_test.cc
#ifndef MCURL_UTIL_STRCASE_H
#define MCURL_UTIL_STRCASE_H

#include <cstddef>
#include <string_view>

namespace mcurl {

// Returns c with 'A'..'Z' mapped to 'a'..'z'; every other byte unchanged.
constexpr char to_lower_ascii(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Returns c with 'a'..'z' mapped to 'A'..'Z'; every other byte unchanged.
constexpr char to_upper_ascii(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// True when the two NUL-terminated strings are equal ignoring ASCII case. Both
// pointers must be non-null.
constexpr bool strequal(const char* a, const char* b) noexcept {
  while (*a != '\0' && *b != '\0') {
    if (to_lower_ascii(*a) != to_lower_ascii(*b)) return false;
    ++a;
    ++b;
  }
  return *a == *b;  // both at their NUL, or one is longer
}

// True when the first `n` characters of the two NUL-terminated strings are equal
// ignoring ASCII case; the comparison stops early at a NUL that both strings share
// (like strncasecmp() == 0). n == 0 is always true. Both pointers must be non-null.
constexpr bool strnequal(const char* a, const char* b, std::size_t n) noexcept {
  for (; n != 0; --n, ++a, ++b) {
    if (to_lower_ascii(*a) != to_lower_ascii(*b)) return false;
    if (*a == '\0') return true;  // both ended together
  }
  return true;
}

// True when the two views have the same length and are equal ignoring ASCII case.
// Embedded NULs are ordinary bytes here.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  }
  return true;
}

// True when `s` begins with `prefix`, ignoring ASCII case.
constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

}  // namespace mcurl

#endif  // MCURL_UTIL_STRCASE_H
