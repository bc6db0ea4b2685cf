// curl_getdate's parser. See getdate.h for the accepted forms.
// Tests: tests/unit/util/getdate_test.cc, tests/conformance/getdate.c
#include "util/getdate.h"

#include <climits>
#include <cstdint>
#include <limits>

#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr std::string_view kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};
constexpr std::string_view kWeekdayAbbrevs[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Zone {
  std::string_view name;
  int minutes_west;  // added to local time to get GMT
};

// The zone names 7.88.1 knows, with its offsets (summer zones are one hour less west).
// Military letters use the real-world signs (RFC 1123 section 5.2.14 notes that RFC
// 822 had them backwards); "J" is the observer's local time and is not a zone.
constexpr Zone kZones[] = {
    {"GMT", 0},     {"UT", 0},      {"UTC", 0},     {"WET", 0},     {"BST", -60},   {"WAT", 60},
    {"AST", 240},   {"ADT", 180},   {"EST", 300},   {"EDT", 240},   {"CST", 360},   {"CDT", 300},
    {"MST", 420},   {"MDT", 360},   {"PST", 480},   {"PDT", 420},   {"YST", 540},   {"YDT", 480},
    {"HST", 600},   {"HDT", 540},   {"CAT", 600},   {"AHST", 600},  {"NT", 660},    {"IDLW", 720},
    {"CET", -60},   {"MET", -60},   {"MEWT", -60},  {"MEST", -120}, {"CEST", -120}, {"MESZ", -120},
    {"FWT", -60},   {"FST", -120},  {"EET", -120},  {"WAST", -420}, {"WADT", -480}, {"CCT", -480},
    {"JST", -540},  {"EAST", -600}, {"EADT", -660}, {"GST", -600},  {"NZT", -720},  {"NZST", -720},
    {"NZDT", -780}, {"IDLE", -720}, {"A", 60},      {"B", 120},     {"C", 180},     {"D", 240},
    {"E", 300},     {"F", 360},     {"G", 420},     {"H", 480},     {"I", 540},     {"K", 600},
    {"L", 660},     {"M", 720},     {"N", -60},     {"O", -120},    {"P", -180},    {"Q", -240},
    {"R", -300},    {"S", -360},    {"T", -420},    {"U", -480},    {"V", -540},    {"W", -600},
    {"X", -660},    {"Y", -720},    {"Z", 0},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
// isspace() in the C locale, which sscanf's %d skips.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int find_weekday(std::string_view word) {
  const auto& table = word.size() > 3 ? kWeekdays : kWeekdayAbbrevs;
  for (int i = 0; i < 7; ++i) {
    if (iequals(word, table[i])) return i;
  }
  return -1;
}

int find_month(std::string_view word) {
  for (int i = 0; i < 12; ++i) {
    if (iequals(word, kMonths[i])) return i;
  }
  return -1;
}

// Returns the zone's offset in seconds to add, or -1 (no zone is exactly -1 s).
int find_zone(std::string_view word) {
  if (word.size() > 4) return -1;
  for (const Zone& z : kZones) {
    if (iequals(word, z.name)) return z.minutes_west * 60;
  }
  return -1;
}

// The parse position over a NUL-free view.
struct Cursor {
  std::string_view s;
  std::size_t pos = 0;
  char at(std::size_t i) const { return i < s.size() ? s[i] : '\0'; }
  char peek() const { return at(pos); }
};

// One sscanf "%02d": optional whitespace, then at most two characters of an optional
// sign and digits (at least one digit).
bool scan_2digit(Cursor& c, int& value) {
  while (is_space(c.peek())) ++c.pos;
  std::size_t limit = c.pos + 2;
  bool negative = false;
  if (c.peek() == '+' || c.peek() == '-') {
    negative = c.peek() == '-';
    ++c.pos;
  }
  int v = 0;
  int n_digits = 0;
  while (c.pos < limit && is_digit(c.peek())) {
    v = v * 10 + (c.peek() - '0');
    ++c.pos;
    ++n_digits;
  }
  if (n_digits == 0) return false;
  value = negative ? -v : v;
  return true;
}

// "HH:MM:SS" (fields == 3) or "HH:MM" (fields == 2) as 7.88.1 reads them with
// sscanf. On success stores the fields and moves the cursor; else changes nothing.
bool scan_time(Cursor& c, int fields, int out[3]) {
  Cursor t = c;
  int v[3] = {0, 0, 0};
  for (int i = 0; i < fields; ++i) {
    if (i > 0) {
      if (t.peek() != ':') return false;
      ++t.pos;
    }
    if (!scan_2digit(t, v[i])) return false;
  }
  for (int i = 0; i < fields; ++i) out[i] = v[i];
  c = t;
  return true;
}

// Seconds since the epoch of a proleptic Gregorian date and time in GMT. mon is 0-11;
// the other fields are not range checked (a day 0 is the last day of the month before).
std::time_t to_epoch(int sec, int min, int hour, int mday, int mon, int year) {
  static constexpr int kDaysBeforeMonth[12] = {0,   31,  59,  90,  120, 151,
                                               181, 212, 243, 273, 304, 334};
  // Leap days between 1970 and the start of `year`, plus this year's if past February.
  int y = year - (mon <= 1 ? 1 : 0);
  int leap_days = (y / 4 - y / 100 + y / 400) - (1969 / 4 - 1969 / 100 + 1969 / 400);
  std::time_t days = std::time_t(year - 1970) * 365 + leap_days + kDaysBeforeMonth[mon] + mday - 1;
  return ((days * 24 + hour) * 60 + min) * 60 + sec;
}

}  // namespace

DateStatus parse_date(std::string_view text, std::time_t* out) noexcept {
  Cursor c{text.substr(0, text.find('\0'))};
  int wday = -1;
  int mon = -1;
  int mday = -1;
  int hour = -1;
  int min = -1;
  int sec = -1;
  int year = -1;
  int tzoff = -1;  // seconds to add; -1 = none seen
  bool next_is_year = false;

  for (int part = 0; c.pos < c.s.size() && part < 6; ++part) {
    while (c.pos < c.s.size() && !is_alnum(c.peek())) ++c.pos;

    if (is_alpha(c.peek())) {
      // A word of up to 31 letters (7.88.1 reads it with "%31[A-Za-z]").
      std::size_t len = 0;
      while (len < 31 && is_alpha(c.at(c.pos + len))) ++len;
      std::string_view word = c.s.substr(c.pos, len);
      bool found = false;
      if (wday == -1) {
        wday = find_weekday(word);
        found = wday != -1;
      }
      if (!found && mon == -1) {
        mon = find_month(word);
        found = mon != -1;
      }
      if (!found && tzoff == -1) {
        tzoff = find_zone(word);
        found = tzoff != -1;
      }
      if (!found) return DateStatus::kFail;
      c.pos += len;
    } else if (is_digit(c.peek())) {
      int hms[3];
      if (sec == -1 && scan_time(c, 3, hms)) {
        hour = hms[0];
        min = hms[1];
        sec = hms[2];
      } else if (sec == -1 && scan_time(c, 2, hms)) {
        hour = hms[0];
        min = hms[1];
        sec = 0;
      } else {
        const std::size_t start = c.pos;
        std::int64_t v = 0;
        bool too_big = false;
        while (is_digit(c.peek())) {
          if (!too_big) {
            v = v * 10 + (c.peek() - '0');
            if (v > INT_MAX) too_big = true;  // strtol's ERANGE or more than an int
          }
          ++c.pos;
        }
        if (too_big) return DateStatus::kFail;
        const int val = int(v);
        const std::size_t n_digits = c.pos - start;
        bool found = false;

        if (tzoff == -1 && n_digits == 4 && val <= 1400 && start > 0 &&
            (c.s[start - 1] == '+' || c.s[start - 1] == '-')) {
          // "+0100": the local time is one hour ahead of GMT, so subtract it.
          found = true;
          tzoff = (val / 100 * 60 + val % 100) * 60;
          if (c.s[start - 1] == '+') tzoff = -tzoff;
        }
        if (n_digits == 8 && year == -1 && mon == -1 && mday == -1) {
          found = true;  // YYYYMMDD
          year = val / 10000;
          mon = (val % 10000) / 100 - 1;
          mday = val % 100;
        }
        if (!found && !next_is_year && mday == -1) {
          if (val > 0 && val < 32) {
            mday = val;
            found = true;
          }
          next_is_year = true;
        }
        if (!found && next_is_year && year == -1) {
          year = val;
          found = true;
          if (year < 100) year += year > 70 ? 1900 : 2000;
          if (mday == -1) next_is_year = false;
        }
        if (!found) return DateStatus::kFail;
      }
    }
  }

  if (sec == -1) sec = min = hour = 0;
  if (mday == -1 || mon == -1 || year == -1) return DateStatus::kFail;
  if (year < 1583) return DateStatus::kFail;  // before the Gregorian calendar
  if (mday > 31 || mon > 11 || hour > 23 || min > 59 || sec > 60) return DateStatus::kFail;

  std::time_t t = to_epoch(sec, min, hour, mday, mon, year);
  if (tzoff == -1) tzoff = 0;
  constexpr std::time_t kMax = std::numeric_limits<std::time_t>::max();
  if (tzoff > 0 && t > kMax - tzoff) {
    *out = kMax;
    return DateStatus::kLater;
  }
  *out = t + tzoff;
  return DateStatus::kOk;
}

std::time_t getdate(std::string_view text) noexcept {
  std::time_t t = -1;
  if (parse_date(text, &t) != DateStatus::kOk) return -1;
  return t == -1 ? 0 : t;
}

std::time_t getdate_capped(std::string_view text) noexcept {
  std::time_t t = -1;
  switch (parse_date(text, &t)) {
    case DateStatus::kOk:
      return t == -1 ? 0 : t;
    case DateStatus::kLater:
      return t;
    case DateStatus::kFail:
      break;
  }
  return -1;
}

std::optional<std::time_t> parse_date(std::string_view text) noexcept {
  std::time_t t = -1;
  if (parse_date(text, &t) != DateStatus::kOk) return std::nullopt;
  return t;
}

}  // namespace mcurl
