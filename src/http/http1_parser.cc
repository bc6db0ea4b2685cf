// Response head parser: see http1_parser.h. The observable facts it reproduces (which
// status lines pass, the codes and texts) are listed in docs/internals/HTTP1.md; each was
// measured against the system libcurl 7.88.1.
// Tests: tests/unit/http/http1_parser_test.cc
#include "http/http1_parser.h"

#include <climits>
#include <cstring>
#include <utility>

#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr bool is_c_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A tiny cursor that reproduces the C library's scanf rules for the few conversions
// 7.88.1 applies to a status line ("%1d", "%3d", "%d", "%c", "%1[23]", literals and
// whitespace directives), because its answers on odd input follow from those rules
// (e.g. "HTTP/1.1  200" passes: "%3d" skips blanks; "HTTP/2 99999999999" gives a
// truncated int). `end` is the first NUL or the end of the line: scanf stops there.
class Scan {
 public:
  explicit Scan(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  int count() const noexcept { return (input_failure_ && n_ == 0) ? -1 : n_; }
  bool ok() const noexcept { return !stopped_; }

  void ws() noexcept {
    if (stopped_) return;
    while (p_ < end_ && is_c_space(*p_)) ++p_;
  }
  void lit(std::string_view s) noexcept {
    if (stopped_) return;
    for (char c : s) {
      if (p_ == end_) return stop_input();
      if (*p_ != c) return stop();
      ++p_;
    }
  }
  // %<width>d; width 0 means unlimited. The value saturates like strtol and is then
  // truncated to int, as glibc does.
  void dec(int width, int* out) noexcept {
    if (stopped_) return;
    ws();
    if (p_ == end_) return stop_input();
    const char* q = p_;
    const char* limit = (width > 0 && end_ - p_ > width) ? p_ + width : end_;
    bool neg = false;
    if (q < limit && (*q == '+' || *q == '-')) neg = (*q++ == '-');
    if (q == limit || !is_digit(*q)) return stop();
    unsigned long long v = 0;
    bool sat = false;
    for (; q < limit && is_digit(*q); ++q) {
      if (v > (static_cast<unsigned long long>(LONG_MAX) - (*q - '0')) / 10) sat = true;
      if (!sat) v = v * 10 + static_cast<unsigned>(*q - '0');
    }
    long lv;
    if (sat) {
      lv = neg ? LONG_MIN : LONG_MAX;
    } else {
      lv = neg ? -static_cast<long>(v) : static_cast<long>(v);
    }
    *out = static_cast<int>(static_cast<unsigned long>(lv) & 0xffffffffUL);
    p_ = q;
    ++n_;
  }
  void chr(char* out) noexcept {
    if (stopped_) return;
    if (p_ == end_) return stop_input();
    *out = *p_++;
    ++n_;
  }
  // %1[set]
  void one_of(std::string_view set, char* out) noexcept {
    if (stopped_) return;
    if (p_ == end_) return stop_input();
    if (set.find(*p_) == std::string_view::npos) return stop();
    *out = *p_++;
    ++n_;
  }

 private:
  void stop() noexcept { stopped_ = true; }
  void stop_input() noexcept {
    stopped_ = true;
    input_failure_ = true;
  }
  const char* p_;
  const char* end_;
  int n_ = 0;
  bool stopped_ = false;
  bool input_failure_ = false;
};

// Curl_copy_header_value's view: skip leading whitespace, cut at the first CR/LF, trim
// trailing whitespace.
std::string_view header_value_of(std::string_view after_colon) noexcept {
  std::size_t b = 0;
  while (b < after_colon.size() && is_c_space(after_colon[b])) ++b;
  std::string_view v = after_colon.substr(b);
  std::size_t cut = v.find_first_of("\r\n");
  if (cut != std::string_view::npos) v = v.substr(0, cut);
  while (!v.empty() && is_c_space(v.back())) v.remove_suffix(1);
  return v;
}

}  // namespace

Http1ResponseParser::Prefix Http1ResponseParser::check_prefix(std::string_view s) const noexcept {
  // 7.88.1 compares min(len, strlen(prefix)) bytes, ignoring ASCII case, against each
  // CURLOPT_HTTP200ALIASES entry and then "HTTP/"; with fewer than 5 bytes at hand a match
  // only means "maybe".
  const Prefix on_match = s.size() >= 5 ? Prefix::kGood : Prefix::kUnknown;
  auto matches = [&](std::string_view prefix) {
    std::size_t n = prefix.size() < s.size() ? prefix.size() : s.size();
    // strnequal semantics: stops at a NUL common to both; a NUL in s against a non-NUL
    // prefix byte is a mismatch, which iequals gives too.
    return iequals(prefix.substr(0, n), s.substr(0, n));
  };
  for (const curl_slist* a = options_.http200_aliases; a != nullptr; a = a->next) {
    if (a->data != nullptr && matches(a->data)) return on_match;
  }
  return matches("HTTP/") ? on_match : Prefix::kBad;
}

Http1ResponseParser::Result Http1ResponseParser::fail(CURLcode code, std::string text) {
  phase_ = Phase::kError;
  error_code_ = code;
  error_text_ = std::move(text);
  return Result::kError;
}

// Tests: Http1Parser.StatusLine*
Http1ResponseParser::Result Http1ResponseParser::parse_status(std::string_view line,
                                                              HeadSink& sink) {
  // scanf sees the line as a C string.
  std::string_view cstr = line.substr(0, line.find('\0'));
  int major = 0;
  int minor = 0;
  char separator = 0;
  int code = 0;
  char digit4 = 0;
  Scan a(cstr);
  a.ws();
  a.lit("HTTP/");
  a.dec(1, &major);
  a.lit(".");
  a.dec(1, &minor);
  a.chr(&separator);
  a.dec(3, &code);
  a.chr(&digit4);
  int nc = a.count();
  int version = 0;

  bool two_or_three = false;
  if (nc == 1 && major >= 2) {
    Scan b(cstr);
    char which = 0;
    int code2 = 0;
    b.ws();
    b.lit("HTTP/");
    b.one_of("23", &which);
    b.ws();
    b.dec(0, &code2);
    if (b.count() == 2) {
      two_or_three = true;
      code = code2;
      minor = 0;
      nc = 4;
      separator = ' ';
    }
  }
  if (!two_or_three && (is_digit(digit4) || (nc >= 4 && code < 100))) {
    return fail(CURLE_UNSUPPORTED_PROTOCOL, "Unsupported response code in HTTP response");
  }
  if (nc >= 4 && separator == ' ') {
    version = 10 * major + minor;
    if (version != 10 && version != 11 && version != 20) {
      return fail(CURLE_UNSUPPORTED_PROTOCOL, "Unsupported HTTP version (" + std::to_string(major) +
                                                  "." + std::to_string(minor) + ") in response");
    }
  } else if (nc == 0) {
    // Old servers' "HTTP 200", then anything the prefix check let through (lower-case
    // "http/1.1 404", an HTTP200ALIASES match): HTTP/1.0 200.
    Scan c(cstr);
    c.ws();
    c.lit("HTTP");
    c.ws();
    c.dec(3, &code);
    version = 10;
    if (c.count() <= 0) code = 200;  // the prefix check already matched this line
  } else {
    return fail(CURLE_UNSUPPORTED_PROTOCOL, "Unsupported HTTP version in response");
  }
  status_.version = version;
  status_.code = code;
  ++lines_;
  sink.on_status_code(status_);
  if (line.find('\0') != std::string_view::npos) {
    return fail(CURLE_WEIRD_SERVER_REPLY, "Nul byte in header");
  }
  CURLcode result = sink.on_status(status_, line);
  if (result != CURLE_OK) return fail(result, std::string());
  return Result::kNeedMore;
}

Http1ResponseParser::Result Http1ResponseParser::process_line(std::string_view line,
                                                              HeadSink& sink) {
  if (lines_ == 0) {
    if (check_prefix(line) == Prefix::kBad) {
      if (!options_.http09_allowed) {
        return fail(CURLE_UNSUPPORTED_PROTOCOL, "Received HTTP/0.9 when not allowed");
      }
      phase_ = Phase::kHttp09;
      http09_body_ = line;
      return Result::kHttp09;
    }
    Result r = parse_status(line, sink);
    if (r != Result::kNeedMore) return r;
  } else if (line[0] == '\r' || line[0] == '\n') {
    CURLcode result = sink.on_head_end(line);
    if (result != CURLE_OK) return fail(result, std::string());
    phase_ = Phase::kDone;
  } else {
    ++lines_;
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
      return fail(CURLE_WEIRD_SERVER_REPLY, "Nul byte in header");
    }
    const std::size_t colon = line.find(':');
    const bool fold = is_continuation_line(line);
    // A fold is allowed from the second header line on; the first header line after the
    // status line needs a colon. A fold there that has a colon passes that check but has
    // no header to continue unless an earlier head of this request had one: 7.88.1's
    // header store then fails with CURLE_BAD_FUNCTION_ARGUMENT and no error text.
    if (!(fold && lines_ > 2) && colon == std::string_view::npos) {
      return fail(CURLE_WEIRD_SERVER_REPLY, "Header without colon");
    }
    CURLcode result;
    if (fold) {
      if (lines_ == 2 && !seen_field_) return fail(CURLE_BAD_FUNCTION_ARGUMENT, std::string());
      result = sink.on_header(std::string_view(), header_value_of(line), line);
    } else {
      // 7.88.1's header store looks for the colon only before the first CR: "X\r: y"
      // passes the colon check above but fails there, without an error text.
      const std::size_t cr = line.find('\r');
      if (cr < colon) return fail(CURLE_BAD_FUNCTION_ARGUMENT, std::string());
      seen_field_ = true;
      result = sink.on_header(line.substr(0, colon), header_value_of(line.substr(colon + 1)), line);
    }
    if (result != CURLE_OK) return fail(result, std::string());
  }
  header_bytes_ += line.size();
  if (header_bytes_ > kMaxResponseHeaders) {
    return fail(CURLE_RECV_ERROR, "Too large response headers: " + std::to_string(header_bytes_) +
                                      " > " + std::to_string(kMaxResponseHeaders));
  }
  return phase_ == Phase::kDone ? Result::kHeadDone : Result::kNeedMore;
}

// Tests: every Http1Parser test runs this on all splits of its input.
Http1ResponseParser::Result Http1ResponseParser::feed(const char* data, std::size_t len,
                                                      std::size_t* consumed, HeadSink& sink) {
  *consumed = 0;
  switch (phase_) {
    case Phase::kDone:
      return Result::kHeadDone;
    case Phase::kHttp09:
      return Result::kHttp09;
    case Phase::kError:
      return Result::kError;
    case Phase::kHead:
      break;
  }
  std::size_t pos = 0;
  while (pos < len) {
    const char* nl = static_cast<const char*>(std::memchr(data + pos, '\n', len - pos));
    if (nl == nullptr) {
      const std::size_t add = len - pos;
      if (partial_.size() + add >= kMaxHeaderLine) {
        *consumed = len;
        return fail(CURLE_OUT_OF_MEMORY, std::string());
      }
      partial_.append(data + pos, add);
      *consumed = len;
      if (lines_ == 0 && check_prefix(partial_) == Prefix::kBad) {
        if (!options_.http09_allowed) {
          return fail(CURLE_UNSUPPORTED_PROTOCOL, "Received HTTP/0.9 when not allowed");
        }
        phase_ = Phase::kHttp09;
        http09_body_ = partial_;
        return Result::kHttp09;
      }
      return Result::kNeedMore;
    }
    const std::size_t seg = static_cast<std::size_t>(nl - (data + pos)) + 1;
    if (partial_.size() + seg >= kMaxHeaderLine) {
      *consumed = pos + seg;
      return fail(CURLE_OUT_OF_MEMORY, std::string());
    }
    std::string_view line;
    if (partial_.empty()) {
      line = std::string_view(data + pos, seg);  // zero copy: the whole line is here
    } else {
      partial_.append(data + pos, seg);
      line = partial_;
    }
    pos += seg;
    *consumed = pos;
    Result r = process_line(line, sink);
    if (r == Result::kHttp09) return r;  // http09_body_ may view partial_: keep it
    partial_.clear();
    if (r != Result::kNeedMore) return r;
  }
  *consumed = len;
  return Result::kNeedMore;
}

void Http1ResponseParser::next_head() noexcept {
  phase_ = Phase::kHead;
  partial_.clear();
  http09_body_ = std::string_view();
  status_ = StatusLine();
  lines_ = 0;
}

void Http1ResponseParser::reset() noexcept {
  next_head();
  seen_field_ = false;
  header_bytes_ = 0;
  error_code_ = CURLE_OK;
  error_text_.clear();
}

CURLcode Http1ResponseParser::on_eof(std::string* error_text) const {
  if (lines_ == 0) {
    if (error_text != nullptr) *error_text = "Empty reply from server";
    return CURLE_GOT_NOTHING;
  }
  return CURLE_OK;
}

}  // namespace mcurl
