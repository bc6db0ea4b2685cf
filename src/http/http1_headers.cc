// Response header semantics: see http1_headers.h.
// Tests: tests/unit/http/http1_parser_test.cc (Http1Headers.*)
#include "http/http1_headers.h"

#include "util/getdate.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr bool is_c_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

}  // namespace

bool header_value_has(std::string_view value, std::string_view needle) noexcept {
  std::size_t end = 0;  // not find_first_of: that calls memchr for every byte
  while (end < value.size() && value[end] != '\r' && value[end] != '\n') ++end;
  value = value.substr(0, end);
  for (std::size_t i = 0; i + needle.size() <= value.size(); ++i) {
    if (iequals(value.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

ContentLength parse_content_length(std::string_view value, curl_off_t* out) noexcept {
  std::size_t i = 0;
  while (i < value.size() && is_c_space(value[i])) ++i;
  if (i < value.size() && value[i] == '-') return ContentLength::kInvalid;
  if (i < value.size() && value[i] == '+') ++i;
  if (i == value.size() || value[i] < '0' || value[i] > '9') return ContentLength::kInvalid;
  curl_off_t v = 0;
  bool overflow = false;
  for (; i < value.size() && value[i] >= '0' && value[i] <= '9'; ++i) {
    int d = value[i] - '0';
    if (v > (0x7fffffffffffffffLL - d) / 10) overflow = true;
    if (!overflow) v = v * 10 + d;
  }
  if (overflow) return ContentLength::kOverflow;
  *out = v;
  return ContentLength::kOk;
}

bool transfer_encoding_is_chunked(std::string_view value) noexcept {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (is_c_space(value[i]) || value[i] == ',')) ++i;
    std::size_t b = i;
    while (i < value.size() && value[i] != ',' && value[i] != ';' && !is_c_space(value[i])) ++i;
    if (iequals(value.substr(b, i - b), "chunked")) return true;
    while (i < value.size() && value[i] != ',') ++i;  // skip parameters
  }
  return false;
}

void KeepAlive::on_header(std::string_view name, std::string_view value) noexcept {
  if (!header_is(name, "Connection")) return;
  if (version_ == 10 && header_value_has(value, "keep-alive")) {
    keep_ = true;
  } else if (header_value_has(value, "close")) {
    keep_ = false;
  }
}

curl_off_t parse_retry_after(std::string_view value, std::time_t now) noexcept {
  std::time_t date = getdate_capped(value);
  if (date != -1) return static_cast<curl_off_t>(date - now);
  curl_off_t seconds = 0;
  if (parse_content_length(value, &seconds) != ContentLength::kOk) return 0;
  return seconds;
}

std::time_t parse_last_modified(std::string_view value) noexcept { return getdate_capped(value); }

}  // namespace mcurl
