// Date parsing with the behaviour of libcurl 7.88.1's curl_getdate (man 3
// curl_getdate): used for curl_getdate itself, cookie Expires and Last-Modified /
// CURLOPT_TIMECONDITION answers.
//
// The parser is word-based and forgiving, like 7.88.1's. It reads at most six words
// (anything after the sixth is ignored), skipping every byte that is not an ASCII
// letter or digit between them:
//   - letters: a weekday ("Sun" or "Sunday"), a three-letter month ("Nov"), or a time
//     zone name ("GMT", "UTC", "PST", "CEST", military letters "A".."Z" without "J");
//     any other word fails the parse;
//   - "HH:MM:SS" or "HH:MM" (1-2 digits each, read with sscanf's %d rules);
//   - four digits right after '+' or '-' and <= 1400: a numeric zone ("+0100");
//   - eight digits as the first date part: YYYYMMDD;
//   - other numbers: the day of the month (1-31) first, then the year; a year below
//     100 becomes 19YY when > 70, else 20YY.
// It needs a day, a month and a year; the time defaults to 00:00:00 and the zone to
// GMT. Years before 1583 fail. The result is seconds since the epoch (negative before
// 1970; 64-bit time_t).
//
// All functions are pure, allocation-free, noexcept and safe from any thread. Input
// stops at the end of the view or at the first NUL byte.
// Tests: tests/unit/util/getdate_test.cc, tests/conformance/getdate.c
#ifndef MCURL_UTIL_GETDATE_H
#define MCURL_UTIL_GETDATE_H

#include <ctime>
#include <optional>
#include <string_view>

namespace mcurl {

enum class DateStatus {
  kOk,     // *out holds the date
  kFail,   // not a date; *out untouched
  kLater,  // valid but beyond time_t: *out is the largest time_t
};

// Parses `text`. Returns kOk and stores the seconds since the epoch in *out (which may
// be -1 for 1969-12-31 23:59:59 GMT), kLater with *out = max time_t when the zone
// offset pushes a far-future date past time_t, or kFail.
DateStatus parse_date(std::string_view text, std::time_t* out) noexcept;

// curl_getdate's answer: the date, or -1 for anything that is not a kOk parse. A date
// that is exactly -1 is answered as 0, so that -1 always means failure.
std::time_t getdate(std::string_view text) noexcept;

// The answer 7.88.1 uses for cookie expiry: like getdate(), but kLater answers the
// largest time_t instead of -1.
std::time_t getdate_capped(std::string_view text) noexcept;

// The date as an optional: nullopt when it fails or is out of range (kLater). The
// value may be -1 (no adjustment is made).
std::optional<std::time_t> parse_date(std::string_view text) noexcept;

}  // namespace mcurl

#endif  // MCURL_UTIL_GETDATE_H
