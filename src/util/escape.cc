#include "util/escape.h"

namespace mcurl {
namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

int hex_value(unsigned char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Tests: tests/unit/util/escape_test.cc (EscapeTest.*)
bool url_escape(std::string_view in, std::string& out) {
  for (unsigned char c : in) {
    // libcurl's buffer refuses to grow to kMaxEscapedLength bytes including the NUL.
    std::size_t need = is_unreserved(c) ? 1 : 3;
    if (out.size() + need + 1 > kMaxEscapedLength) return false;
    if (need == 1) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kUpperHex[c >> 4]);
      out.push_back(kUpperHex[c & 0x0f]);
    }
  }
  return true;
}

// Tests: tests/unit/util/escape_test.cc (UnescapeTest.*)
bool url_unescape(std::string_view in, UnescapeReject reject, std::string& out) {
  out.clear();
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == '%' && in.size() - i > 2) {
      int hi = hex_value(static_cast<unsigned char>(in[i + 1]));
      int lo = hex_value(static_cast<unsigned char>(in[i + 2]));
      if (hi >= 0 && lo >= 0) {
        c = static_cast<unsigned char>(hi << 4 | lo);
        i += 3;
      } else {
        ++i;
      }
    } else {
      ++i;
    }
    if ((reject == UnescapeReject::kControl && c < 0x20) ||
        (reject == UnescapeReject::kZero && c == 0)) {
      return false;
    }
    out.push_back(static_cast<char>(c));
  }
  return true;
}

}  // namespace mcurl
