// Tests for src/http/cookies.h. Expectations measured on libcurl 7.88.1 (CURLINFO_COOKIELIST
// and the Cookie headers it sends; docs/CONFORMANCE.md "Cookie cases").
#include "http/cookies.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mcurl {
namespace {

constexpr std::int64_t kNow = 1700000000;

CookieJar::Origin from(std::string_view host, std::string_view path, bool secure = false) {
  CookieJar::Origin o;
  o.host = host;
  o.has_host = true;
  o.path = path;
  o.secure = secure;
  return o;
}

TEST(CookieJar, SetCookieThenMatchingRequest) {
  CookieJar jar;
  EXPECT_TRUE(jar.add_header("a=1", from("example.com", "/dir/page"), true, kNow));
  EXPECT_TRUE(jar.add_header(" b = 2 ; path=/", from("example.com", "/dir/page"), true, kNow));
  // "a" has the default path "/dir/" and sorts first (longer path).
  EXPECT_EQ(jar.header_for("example.com", "/dir/x", false, kNow), "a=1; b=2");
  EXPECT_EQ(jar.header_for("example.com", "/dir", false, kNow), "a=1; b=2");
  EXPECT_EQ(jar.header_for("example.com", "/other", false, kNow), "b=2");
  EXPECT_EQ(jar.header_for("www.example.com", "/dir/x", false, kNow), "");
  EXPECT_EQ(jar.header_for("EXAMPLE.com", "/", false, kNow), "b=2");
}

TEST(CookieJar, DomainAttributeTailMatches) {
  CookieJar jar;
  EXPECT_TRUE(jar.add_header("a=1; domain=.example.com", from("www.example.com", "/"), true, kNow));
  EXPECT_FALSE(jar.add_header("b=2; domain=other.com", from("www.example.com", "/"), true, kNow));
  EXPECT_FALSE(jar.add_header("c=3; domain=com", from("www.example.com", "/"), true, kNow));
  EXPECT_FALSE(jar.add_header("d=4; domain=ample.com", from("example.com", "/"), true, kNow));
  EXPECT_EQ(jar.header_for("a.b.example.com", "/", false, kNow), "a=1");
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow), "a=1");
  EXPECT_EQ(jar.header_for("badexample.com", "/", false, kNow), "");
  ASSERT_EQ(jar.lines().size(), 1u);
  EXPECT_EQ(jar.lines()[0], ".example.com\tTRUE\t/\tFALSE\t0\ta\t1");
}

TEST(CookieJar, IpHostsMatchExactly) {
  CookieJar jar;
  EXPECT_TRUE(jar.add_header("a=1; domain=127.0.0.1", from("127.0.0.1", "/"), true, kNow));
  EXPECT_FALSE(jar.add_header("b=1; domain=0.0.1", from("127.0.0.1", "/"), true, kNow));
  EXPECT_EQ(jar.lines()[0], "127.0.0.1\tFALSE\t/\tFALSE\t0\ta\t1");
  EXPECT_EQ(jar.header_for("127.0.0.1", "/", false, kNow), "a=1");
  EXPECT_EQ(jar.header_for("27.0.0.1", "/", false, kNow), "");
}

TEST(CookieJar, SecureNeedsSecureOriginAndRequest) {
  CookieJar jar;
  EXPECT_FALSE(jar.add_header("a=1; secure", from("example.com", "/"), true, kNow));
  EXPECT_TRUE(jar.add_header("b=2; Secure; HttpOnly", from("example.com", "/", true), true, kNow));
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow), "");
  EXPECT_EQ(jar.header_for("example.com", "/", true, kNow), "b=2");
  EXPECT_EQ(jar.lines()[0], "#HttpOnly_example.com\tFALSE\t/\tTRUE\t0\tb\t2");
  EXPECT_TRUE(cookie_secure_context(false, "localhost"));
  EXPECT_TRUE(cookie_secure_context(false, "127.0.0.1"));
  EXPECT_FALSE(cookie_secure_context(false, "127.0.0.2"));
  EXPECT_TRUE(cookie_secure_context(true, "example.com"));
}

TEST(CookieJar, Prefixes) {
  CookieJar jar;
  const auto o = from("example.com", "/a/b", true);
  EXPECT_FALSE(jar.add_header("__Secure-a=1", o, true, kNow));
  EXPECT_TRUE(jar.add_header("__Secure-b=1; secure", o, true, kNow));
  EXPECT_FALSE(jar.add_header("__Host-c=1; secure", o, true, kNow));  // path "/a/"
  EXPECT_FALSE(jar.add_header("__Host-d=1; secure; path=/; domain=example.com", o, true, kNow));
  EXPECT_TRUE(jar.add_header("__Host-e=1; secure; path=/", o, true, kNow));
  EXPECT_FALSE(jar.add_header("__secure-f=1", o, true, kNow));  // case does not matter
  EXPECT_EQ(jar.size(), 2u);
}

TEST(CookieJar, ExpiryAndReplacement) {
  CookieJar jar;
  const auto o = from("example.com", "/");
  EXPECT_TRUE(jar.add_header("a=1; max-age=10", o, true, kNow));
  EXPECT_TRUE(jar.add_header("b=1; expires=Thu, 01 Jan 1970 00:00:10 GMT", o, true, kNow));
  EXPECT_TRUE(jar.add_header("c=1; expires=nonsense", o, true, kNow));     // session cookie
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow), "c=1; a=1");  // newest first
  EXPECT_EQ(jar.cookies()[0].expires, kNow + 10);
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow + 11), "c=1");
  EXPECT_TRUE(jar.add_header("c=2; max-age=0", o, true, kNow));  // replaces and expires
  EXPECT_EQ(jar.size(), 1u);                                     // gone at the next use
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow), "");
  EXPECT_EQ(jar.size(), 0u);
  EXPECT_TRUE(jar.add_header("d=1", o, true, kNow));
  EXPECT_TRUE(jar.add_header("e=1", o, true, kNow));
  EXPECT_TRUE(jar.add_header("d=2", o, true, kNow));  // keeps its place
  EXPECT_EQ(jar.header_for("example.com", "/", false, kNow), "e=1; d=2");
}

TEST(CookieJar, BadCookiesRejected) {
  CookieJar jar;
  const auto o = from("example.com", "/");
  EXPECT_FALSE(jar.add_header("novalue", o, true, kNow));
  EXPECT_FALSE(jar.add_header("=x", o, true, kNow));
  EXPECT_FALSE(jar.add_header(std::string("a=b\x01"), o, true, kNow));
  EXPECT_FALSE(jar.add_header(std::string(5001, 'a') + "=1", o, true, kNow));
  EXPECT_FALSE(
      jar.add_header(std::string(2100, 'a') + "=" + std::string(2100, 'b'), o, true, kNow));

  CookieJar::Origin none;
  // No request host and no Domain (COOKIELIST "Set-Cookie: a=1"): kept for every host,
  // not listed.
  EXPECT_TRUE(jar.add_header("a=1", none, true, kNow));
  EXPECT_TRUE(jar.add_header("b=1; domain=com", none, true, kNow));
  EXPECT_EQ(jar.size(), 2u);
  EXPECT_EQ(jar.lines().size(), 1u);
  EXPECT_EQ(jar.header_for("any.where", "/x", false, kNow), "a=1");
}

TEST(CookieJar, NetscapeLines) {
  CookieJar jar;
  EXPECT_TRUE(jar.add_netscape("example.com\tFALSE\t/\tFALSE\t0\tk\t11", true, kNow));
  EXPECT_TRUE(
      jar.add_netscape("#HttpOnly_.example.com\tTRUE\t/p\tTRUE\t4102444800\tl\t12", true, kNow));
  EXPECT_TRUE(jar.add_netscape("example.com\tFALSE\t/\tFALSE\t0\tm", true, kNow));
  EXPECT_TRUE(jar.add_netscape("example.com\tFALSE\tFALSE\t0\tn\t13", true, kNow));
  EXPECT_FALSE(jar.add_netscape("# a comment", true, kNow));
  EXPECT_FALSE(jar.add_netscape("example.com\tFALSE\t/", true, kNow));
  const std::vector<std::string> want = {
      "example.com\tFALSE\t/\tFALSE\t0\tk\t11",
      "#HttpOnly_.example.com\tTRUE\t/p\tTRUE\t4102444800\tl\t12",
      "example.com\tFALSE\t/\tFALSE\t0\tm\t",
      "example.com\tFALSE\t/\tFALSE\t0\tn\t13",
  };
  EXPECT_EQ(jar.lines(), want);
  EXPECT_EQ(jar.header_for("www.example.com", "/p/q", true, kNow), "l=12");
}

TEST(CookieJar, FileTextAndSession) {
  const std::string text =
      "# Netscape HTTP Cookie File\n"
      "example.com\tFALSE\t/\tFALSE\t0\tsess\t1\r\n"
      "example.com\tFALSE\t/\tFALSE\t4102444800\tkeep\t2\n"
      "example.com\tFALSE\t/\tFALSE\t100\told\t3\n"
      "Set-Cookie: hdr=4; domain=example.com\n";
  CookieJar all;
  all.load_text(text, false, kNow);
  EXPECT_EQ(all.header_for("example.com", "/", false, kNow), "keep=2; sess=1; hdr=4");
  CookieJar fresh;
  fresh.load_text(text, true, kNow);
  EXPECT_EQ(fresh.header_for("example.com", "/", false, kNow), "keep=2");
  // A file's cookie does not replace a live one.
  CookieJar live;
  EXPECT_TRUE(live.add_header("keep=live", from("example.com", "/"), true, kNow));
  live.load_text(text, false, kNow);
  EXPECT_EQ(live.header_for("example.com", "/", false, kNow), "sess=1; keep=live; hdr=4");
}

TEST(CookieJar, NetscapeFileNewestFirst) {
  CookieJar jar;
  const auto o = from("example.com", "/");
  jar.add_header("a=1", o, true, kNow);
  jar.add_header("b=2", o, true, kNow);
  jar.clear_session();
  EXPECT_EQ(jar.size(), 0u);
  jar.add_header("c=3; max-age=100", o, true, kNow);
  jar.add_header("d=4", o, true, kNow);
  EXPECT_EQ(jar.netscape_file(kNow),
            "# Netscape HTTP Cookie File\n"
            "# https://curl.se/docs/http-cookies.html\n"
            "# This file was generated by libcurl! Edit at your own risk.\n\n"
            "example.com\tFALSE\t/\tFALSE\t0\td\t4\n"
            "example.com\tFALSE\t/\tFALSE\t1700000100\tc\t3\n");
}

TEST(CookieJar, SendLimits) {
  CookieJar jar;
  const auto o = from("example.com", "/");
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(jar.add_header("c" + std::to_string(1000 + i) + "=v", o, true, kNow));
  }
  const std::string h = jar.header_for("example.com", "/", false, kNow);
  std::size_t n = 1;
  for (char c : h) n += c == ';';
  EXPECT_EQ(n, CookieJar::kMaxSend);
  CookieJar big;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        big.add_header("n" + std::to_string(i) + "=" + std::string(2000, 'x'), o, true, kNow));
  }
  const std::string b = big.header_for("example.com", "/", false, kNow);
  EXPECT_LT(b.size() + 8, CookieJar::kMaxCookieHeader);
  EXPECT_EQ(b.size(), 4 * 2003u + 3 * 2u);
}

}  // namespace
}  // namespace mcurl
