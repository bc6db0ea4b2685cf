// Tests for src/util/strcase.h: ASCII-only case-insensitive comparisons.
#include "util/strcase.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cstring>
#include <strings.h>

namespace mcurl {
namespace {

TEST(Strcase, CaseMapping) {
  EXPECT_EQ(to_lower_ascii('A'), 'a');
  EXPECT_EQ(to_lower_ascii('Z'), 'z');
  EXPECT_EQ(to_lower_ascii('a'), 'a');
  EXPECT_EQ(to_lower_ascii('@'), '@');
  EXPECT_EQ(to_lower_ascii('['), '[');
  EXPECT_EQ(to_upper_ascii('z'), 'Z');
  EXPECT_EQ(to_upper_ascii('{'), '{');
  EXPECT_EQ(to_lower_ascii('\xc4'), '\xc4');  // bytes >= 0x80 are themselves
  static_assert(to_lower_ascii('Q') == 'q');
}

TEST(Strcase, Strequal) {
  EXPECT_TRUE(strequal("", ""));
  EXPECT_TRUE(strequal("Content-Type", "content-type"));
  EXPECT_TRUE(strequal("HTTPS", "https"));
  EXPECT_FALSE(strequal("http", "https"));
  EXPECT_FALSE(strequal("https", "http"));
  EXPECT_FALSE(strequal("a", ""));
  EXPECT_FALSE(strequal("[", "{"));  // not letters: no folding
  EXPECT_FALSE(strequal("@", "`"));
  EXPECT_FALSE(strequal("\xc4", "\xe4"));  // Latin-1 letters are not folded
  static_assert(strequal("AbC", "aBc"));
}

TEST(Strcase, Strnequal) {
  EXPECT_TRUE(strnequal("Content-Length: 5", "content-length", 14));
  EXPECT_FALSE(strnequal("Content-Length: 5", "content-length", 15));
  EXPECT_TRUE(strnequal("abc", "ABD", 2));
  EXPECT_FALSE(strnequal("abc", "ABD", 3));
  EXPECT_TRUE(strnequal("abc", "xyz", 0));
  EXPECT_TRUE(strnequal("abc", "ABC", 100));  // stops at the shared NUL
  EXPECT_FALSE(strnequal("ab", "abc", 100));
  EXPECT_FALSE(strnequal("abc", "ab", 3));
  EXPECT_TRUE(strnequal("", "", 5));
}

TEST(Strcase, AgreesWithStrcasecmpOnAllAsciiPairsInTheCLocale) {
  std::setlocale(LC_ALL, "C");
  for (int a = 1; a < 128; ++a) {
    for (int b = 1; b < 128; ++b) {
      char sa[3] = {'x', char(a), 0};
      char sb[3] = {'X', char(b), 0};
      bool expected = ::strcasecmp(sa, sb) == 0;
      ASSERT_EQ(strequal(sa, sb), expected) << a << " " << b;
      ASSERT_EQ(strnequal(sa, sb, 2), expected) << a << " " << b;
      ASSERT_EQ(iequals(sa, sb), expected) << a << " " << b;
    }
  }
}

TEST(Strcase, ViewsCompareLengthsAndEmbeddedNuls) {
  EXPECT_TRUE(iequals("Host", "hOST"));
  EXPECT_FALSE(iequals("Host", "Hostname"));
  EXPECT_TRUE(iequals(std::string_view("a\0B", 3), std::string_view("A\0b", 3)));
  EXPECT_FALSE(iequals(std::string_view("a\0B", 3), std::string_view("a\0C", 3)));
  EXPECT_TRUE(istarts_with("HTTP/1.1 200 OK", "http/"));
  EXPECT_FALSE(istarts_with("HTT", "http"));
  EXPECT_TRUE(istarts_with("anything", ""));
}

}  // namespace
}  // namespace mcurl
