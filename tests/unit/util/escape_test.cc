// Tests for src/util/escape.h: percent-encoding as curl_easy_escape does it and decoding
// as curl_easy_unescape and the URL API do it.
#include "util/escape.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace mcurl {
namespace {

std::string escaped(std::string_view in) {
  std::string out;
  EXPECT_TRUE(url_escape(in, out));
  return out;
}

std::string unescaped(std::string_view in, UnescapeReject reject = UnescapeReject::kNothing) {
  std::string out;
  EXPECT_TRUE(url_unescape(in, reject, out)) << in;
  return out;
}

TEST(EscapeTest, UnreservedSetIsExactlyRfc3986) {
  std::string unreserved;
  for (int c = 0; c < 256; ++c) {
    if (is_unreserved(static_cast<unsigned char>(c))) unreserved.push_back(static_cast<char>(c));
  }
  EXPECT_EQ(unreserved, "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
}

TEST(EscapeTest, KeepsUnreservedAndEncodesTheRestUpperCase) {
  EXPECT_EQ(escaped(""), "");
  EXPECT_EQ(escaped("abcXYZ019-._~"), "abcXYZ019-._~");
  EXPECT_EQ(escaped("a b"), "a%20b");
  EXPECT_EQ(escaped("a+b/c?d=e&f#g%"), "a%2Bb%2Fc%3Fd%3De%26f%23g%25");
  EXPECT_EQ(escaped("\xc3\xa4"), "%C3%A4");
  EXPECT_EQ(escaped(std::string_view("\0\x7f\xff", 3)), "%00%7F%FF");
}

TEST(EscapeTest, EveryByteRoundTrips) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  std::string enc = escaped(all);
  EXPECT_EQ(enc.size(), 66u + 3u * (256u - 66u));
  EXPECT_EQ(unescaped(enc), all);
}

TEST(EscapeTest, AppendsToExistingOutput) {
  std::string out = "x=";
  ASSERT_TRUE(url_escape("a b", out));
  EXPECT_EQ(out, "x=a%20b");
}

TEST(UnescapeTest, DecodesOnlyCompleteHexPairs) {
  EXPECT_EQ(unescaped(""), "");
  EXPECT_EQ(unescaped("a%20b"), "a b");
  EXPECT_EQ(unescaped("%41%4a%4A"), "AJJ");
  EXPECT_EQ(unescaped("%"), "%");
  EXPECT_EQ(unescaped("%4"), "%4");
  EXPECT_EQ(unescaped("a%2"), "a%2");
  EXPECT_EQ(unescaped("%zz%g1%1g"), "%zz%g1%1g");
  EXPECT_EQ(unescaped("%%41"), "%A");
  EXPECT_EQ(unescaped("a+b"), "a+b");  // no plus decoding here
  EXPECT_EQ(unescaped("%c3%A4"), "\xc3\xa4");
}

TEST(UnescapeTest, KeepsEmbeddedNulWhenNothingIsRejected) {
  EXPECT_EQ(unescaped("a%00b"), std::string("a\0b", 3));
  EXPECT_EQ(unescaped(std::string_view("a\0b", 3)), std::string("a\0b", 3));
}

TEST(UnescapeTest, RejectControlRefusesRawAndEncodedControlBytes) {
  std::string out;
  EXPECT_FALSE(url_unescape("a%00b", UnescapeReject::kControl, out));
  EXPECT_FALSE(url_unescape("a%1fb", UnescapeReject::kControl, out));
  EXPECT_FALSE(
      url_unescape("a\x01"
                   "b",
                   UnescapeReject::kControl, out));
  EXPECT_EQ(unescaped("a%20b%7f", UnescapeReject::kControl), "a b\x7f");
}

TEST(UnescapeTest, RejectZeroRefusesOnlyNul) {
  std::string out;
  EXPECT_FALSE(url_unescape("a%00b", UnescapeReject::kZero, out));
  EXPECT_EQ(unescaped("a%01b", UnescapeReject::kZero),
            "a\x01"
            "b");
}

TEST(UnescapeTest, EveryEncodedByteDecodes) {
  for (int c = 0; c < 256; ++c) {
    char buf[4];
    std::snprintf(buf, sizeof buf, c % 2 ? "%%%02X" : "%%%02x", c);
    std::string out = unescaped(buf);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(static_cast<unsigned char>(out[0]), c);
  }
}

TEST(UnescapeTest, EverySplitOfAnEncodedStringDecodesItsPrefixConsistently) {
  // Decoding a prefix never produces more bytes than decoding the whole input.
  const std::string in = "a%20b%zz%41%c3%a4%";
  const std::string whole = unescaped(in);
  for (std::size_t n = 0; n <= in.size(); ++n) {
    std::string part = unescaped(std::string_view(in).substr(0, n));
    EXPECT_LE(part.size(), whole.size());
    EXPECT_LE(part.size(), n);
  }
}

}  // namespace
}  // namespace mcurl
