// CURLU_PUNYCODE: host names to their ASCII (Punycode, RFC 3492) form. See url.h.
#include <langinfo.h>

#include <cstdint>
#include <cstring>
#include <cwctype>
#include <optional>
#include <string>
#include <string_view>

#include "util/url.h"

namespace mcurl::url_detail {
namespace {

// RFC 3492 section 5 parameters.
constexpr std::uint32_t kBase = 36;
constexpr std::uint32_t kTmin = 1;
constexpr std::uint32_t kTmax = 26;
constexpr std::uint32_t kSkew = 38;
constexpr std::uint32_t kDamp = 700;
constexpr std::uint32_t kInitialBias = 72;
constexpr std::uint32_t kInitialN = 128;

char digit(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

// RFC 3492 section 6.1.
std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTmin) * kTmax) / 2) {
    delta /= kBase - kTmin;
    k += kBase;
  }
  return k + (kBase - kTmin + 1) * delta / (delta + kSkew);
}

// Decodes UTF-8 strictly (no overlongs, no surrogates, at most U+10FFFF).
std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp;
    std::size_t n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
      cp = c & 0x1f;
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      cp = c & 0x0f;
      n = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      cp = c & 0x07;
      n = 4;
    } else {
      return std::nullopt;
    }
    if (i + n > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return std::nullopt;
      cp = cp << 6 | (cc & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return std::nullopt;
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

bool locale_is_utf8() {
  const char* cs = nl_langinfo(CODESET);
  return cs != nullptr && (std::strcmp(cs, "UTF-8") == 0 || std::strcmp(cs, "utf8") == 0);
}

}  // namespace

// Tests: tests/unit/util/url_test.cc (UrlPunycode.*)
std::optional<std::string> punycode_encode(const std::u32string& input) {
  std::string out;
  for (char32_t cp : input) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
  }
  const std::uint32_t basic = static_cast<std::uint32_t>(out.size());
  std::uint32_t handled = basic;
  if (basic > 0) out.push_back('-');
  std::uint32_t n = kInitialN;
  std::uint32_t delta = 0;
  std::uint32_t bias = kInitialBias;
  const std::uint32_t total = static_cast<std::uint32_t>(input.size());
  while (handled < total) {
    std::uint32_t m = UINT32_MAX;
    for (char32_t cp : input) {
      if (cp >= n && cp < m) m = cp;
    }
    if (m - n > (UINT32_MAX - delta) / (handled + 1)) return std::nullopt;
    delta += (m - n) * (handled + 1);
    n = m;
    for (char32_t cp : input) {
      if (cp < n && ++delta == 0) return std::nullopt;
      if (cp == n) {
        std::uint32_t q = delta;
        for (std::uint32_t k = kBase;; k += kBase) {
          std::uint32_t t = k <= bias ? kTmin : (k >= bias + kTmax ? kTmax : k - bias);
          if (q < t) break;
          out.push_back(digit(t + (q - t) % (kBase - t)));
          q = (q - t) / (kBase - t);
        }
        out.push_back(digit(q));
        bias = adapt(delta, handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return out;
}

std::optional<std::string> host_to_punycode(std::string_view host) {
  if (!locale_is_utf8()) return std::nullopt;
  std::optional<std::u32string> cps = decode_utf8(host);
  if (!cps) return std::nullopt;
  for (char32_t& cp : *cps) cp = static_cast<char32_t>(std::towlower(static_cast<wint_t>(cp)));
  std::string out;
  std::size_t start = 0;
  for (;;) {
    std::size_t dot = cps->find(U'.', start);
    std::u32string label = cps->substr(start, dot == std::u32string::npos ? dot : dot - start);
    bool ascii = true;
    for (char32_t cp : label) ascii = ascii && cp < 0x80;
    if (ascii) {
      for (char32_t cp : label) out.push_back(static_cast<char>(cp));
    } else {
      if (label.front() == U'-' || label.back() == U'-') return std::nullopt;
      std::optional<std::string> enc = punycode_encode(label);
      if (!enc) return std::nullopt;
      out += "xn--";
      out += *enc;
    }
    if (dot == std::u32string::npos) break;
    out.push_back('.');
    start = dot + 1;
  }
  return out;
}

}  // namespace mcurl::url_detail
