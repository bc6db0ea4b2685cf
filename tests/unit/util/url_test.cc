// Tests for src/util/url.h: class Url with libcurl 7.88.1's CURLU semantics. The expected
// values were taken from the system libcurl 7.88.1; tests/conformance/url_api.c compares
// thousands more cases against it directly.
#include "util/url.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace mcurl {
namespace {

// Parses `url` and returns the code; the Url is left in `u`.
CURLUcode parse(Url& u, const char* url, unsigned int flags = 0) {
  return u.set(CURLUPART_URL, url, flags);
}

// The part as a string, or "<code>" when get() fails.
std::string part(Url& u, CURLUPart p, unsigned int flags = 0) {
  std::optional<std::string> out;
  CURLUcode rc = u.get(p, out, flags);
  if (rc != CURLUE_OK) return "<" + std::to_string(int(rc)) + ">";
  EXPECT_TRUE(out.has_value());
  return *out;
}

std::string round_trip(const char* url, unsigned int flags = 0) {
  Url u;
  CURLUcode rc = parse(u, url, flags);
  if (rc != CURLUE_OK) return "<" + std::to_string(int(rc)) + ">";
  return part(u, CURLUPART_URL);
}

TEST(UrlSchemeTable, KnowsLibcurlSchemesWithDefaultPorts) {
  ASSERT_NE(find_scheme("http"), nullptr);
  EXPECT_EQ(find_scheme("HTTP")->default_port, 80);
  EXPECT_EQ(find_scheme("https")->default_port, 443);
  EXPECT_EQ(find_scheme("dict")->default_port, 2628);
  EXPECT_EQ(find_scheme("mqtt")->default_port, 1883);
  EXPECT_EQ(find_scheme("smtps")->default_port, 465);
  EXPECT_TRUE(find_scheme("imap")->url_options);
  EXPECT_FALSE(find_scheme("ldap")->url_options);
  EXPECT_EQ(find_scheme("ws"), nullptr);  // not in Debian's 7.88.1 build
  EXPECT_EQ(find_scheme("foo"), nullptr);
  EXPECT_EQ(find_scheme(""), nullptr);
}

TEST(UrlParse, SplitsAllParts) {
  Url u;
  ASSERT_EQ(parse(u, "https://user:pass@example.com:8443/a/b?q=1&r=2#frag"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_SCHEME), "https");
  EXPECT_EQ(part(u, CURLUPART_USER), "user");
  EXPECT_EQ(part(u, CURLUPART_PASSWORD), "pass");
  EXPECT_EQ(part(u, CURLUPART_OPTIONS), "<13>");
  EXPECT_EQ(part(u, CURLUPART_HOST), "example.com");
  EXPECT_EQ(part(u, CURLUPART_PORT), "8443");
  EXPECT_EQ(u.port_number(), 8443);
  EXPECT_EQ(part(u, CURLUPART_PATH), "/a/b");
  EXPECT_EQ(part(u, CURLUPART_QUERY), "q=1&r=2");
  EXPECT_EQ(part(u, CURLUPART_FRAGMENT), "frag");
  EXPECT_EQ(part(u, CURLUPART_ZONEID), "<18>");
  EXPECT_EQ(part(u, CURLUPART_URL), "https://user:pass@example.com:8443/a/b?q=1&r=2#frag");
}

TEST(UrlParse, SchemeIsLowerCasedHostIsNot) {
  EXPECT_EQ(round_trip("HTTP://EXAMPLE.COM/PATH"), "http://EXAMPLE.COM/PATH");
}

TEST(UrlParse, EmptyQueryAndFragment) {
  Url u;
  ASSERT_EQ(parse(u, "http://x/?#"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "");
  EXPECT_EQ(part(u, CURLUPART_FRAGMENT), "<17>");
  EXPECT_EQ(part(u, CURLUPART_URL), "http://x/");
  EXPECT_EQ(round_trip("http://x?a=b"), "http://x/?a=b");
  EXPECT_EQ(round_trip("http://x/a#b?c"), "http://x/a#b?c");
}

TEST(UrlParse, Login) {
  Url u;
  ASSERT_EQ(parse(u, "http://:@x/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_USER), "");
  EXPECT_EQ(part(u, CURLUPART_PASSWORD), "");
  ASSERT_EQ(parse(u, "http://@x/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_USER), "");
  EXPECT_EQ(part(u, CURLUPART_PASSWORD), "<12>");
  ASSERT_EQ(parse(u, "http://u:p;o@x/"), CURLUE_OK);  // no options for HTTP
  EXPECT_EQ(part(u, CURLUPART_PASSWORD), "p;o");
  ASSERT_EQ(parse(u, "imap://u;o:p@x/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_USER), "u");
  EXPECT_EQ(part(u, CURLUPART_PASSWORD), "p");
  EXPECT_EQ(part(u, CURLUPART_OPTIONS), "o");
  EXPECT_EQ(part(u, CURLUPART_URL), "imap://u:p;o@x/");
  ASSERT_EQ(parse(u, "imap://;@x/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_OPTIONS), "<13>");
  EXPECT_EQ(parse(u, "http://u@p@x/"), CURLUE_BAD_HOSTNAME);  // the first '@' ends the login
  EXPECT_EQ(parse(u, "http://@x/", CURLU_DISALLOW_USER), CURLUE_USER_NOT_ALLOWED);
  EXPECT_EQ(parse(u, "http://a b@x/", CURLU_DISALLOW_USER), CURLUE_USER_NOT_ALLOWED);
  EXPECT_EQ(parse(u, "http://a b@x/"), CURLUE_BAD_USER);
  EXPECT_EQ(parse(u, "http://a:b c@x/"), CURLUE_BAD_PASSWORD);
  EXPECT_EQ(parse(u, "imap://u;o p@x"), CURLUE_BAD_LOGIN);
  EXPECT_EQ(parse(u, "http://a b@x/", CURLU_ALLOW_SPACE), CURLUE_OK);
}

TEST(UrlParse, Ports) {
  EXPECT_EQ(round_trip("http://x:00080/"), "http://x:80/");
  EXPECT_EQ(round_trip("http://x:/"), "http://x/");
  EXPECT_EQ(round_trip("http://x:0/"), "http://x:0/");
  EXPECT_EQ(round_trip("http://x:65535/"), "http://x:65535/");
  EXPECT_EQ(round_trip("http://x:65536/"), "<4>");
  EXPECT_EQ(round_trip("http://x:-1/"), "<4>");
  EXPECT_EQ(round_trip("http://x:+1/"), "<4>");
  EXPECT_EQ(round_trip("http://x:1a/"), "<4>");
  EXPECT_EQ(round_trip("http://x:80:90/"), "<4>");
  EXPECT_EQ(round_trip("http://x:99999999999999999999999/"), "<4>");
  EXPECT_EQ(round_trip("http://[::1]x/"), "<4>");
  EXPECT_EQ(round_trip("x:", CURLU_DEFAULT_SCHEME), "<4>");  // no scheme: a bare colon fails
}

TEST(UrlParse, Ipv6) {
  Url u;
  ASSERT_EQ(parse(u, "http://[fe80::1%25eth0]:80/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_HOST), "[fe80::1]");
  EXPECT_EQ(part(u, CURLUPART_ZONEID), "eth0");
  EXPECT_EQ(part(u, CURLUPART_URL), "http://[fe80::1%25eth0]:80/");
  EXPECT_EQ(round_trip("http://[fe80::1%eth0]/"), "http://[fe80::1%25eth0]/");
  EXPECT_EQ(round_trip("http://[0:0:0::1]/"), "http://[::1]/");
  EXPECT_EQ(round_trip("http://[::FFFF:102:304]/"), "http://[::FFFF:102:304]/");
  EXPECT_EQ(round_trip("http://[::1%25]/"), "http://[::1%2525]/");
  EXPECT_EQ(round_trip("http://[::1%25abcdefghijklmno]/"), "http://[::1%25abcdefghijklmno]/");
  EXPECT_EQ(round_trip("http://[::1%25abcdefghijklmnop]/"), "<22>");
  EXPECT_EQ(round_trip("http://[::1/"), "<22>");
  EXPECT_EQ(round_trip("http://[:]/"), "<22>");
  EXPECT_EQ(round_trip("http://[g::1]/"), "<22>");
  EXPECT_EQ(round_trip("http://[::1%]/"), "<22>");
  EXPECT_EQ(round_trip("http://[1:2:3:4:5:6:7:8:9]/"), "<22>");
}

TEST(UrlIpv4, NumericFormsAreNormalised) {
  using url_detail::normalize_ipv4;
  EXPECT_EQ(normalize_ipv4("0x7f.1"), "127.0.0.1");
  EXPECT_EQ(normalize_ipv4("127.1"), "127.0.0.1");
  EXPECT_EQ(normalize_ipv4("127.0.1"), "127.0.0.1");
  EXPECT_EQ(normalize_ipv4("2130706433"), "127.0.0.1");
  EXPECT_EQ(normalize_ipv4("017700000001"), "127.0.0.1");
  EXPECT_EQ(normalize_ipv4("017.0.0.1"), "15.0.0.1");
  EXPECT_EQ(normalize_ipv4("0"), "0.0.0.0");
  EXPECT_EQ(normalize_ipv4("4294967295"), "255.255.255.255");
  EXPECT_EQ(normalize_ipv4("1.16777215"), "1.255.255.255");
  EXPECT_EQ(normalize_ipv4("1.2.65535"), "1.2.255.255");
}

TEST(UrlIpv4, EverythingElseIsAName) {
  using url_detail::normalize_ipv4;
  for (const char* h : {"4294967296", "1.16777216", "1.2.65536", "1.2.3.256", "256.1.1.1", "08.1",
                        "0x", "0xg", "1..2", ".1", "1.2.3.4.", "1.2.3.4.5", "-1", "+1", "a.1",
                        "1.a", "99999999999999999999999", ""}) {
    EXPECT_EQ(normalize_ipv4(h), std::nullopt) << h;
  }
  EXPECT_EQ(round_trip("http://0x7f.1/"), "http://127.0.0.1/");
  EXPECT_EQ(round_trip("http://1.2.3.256/"), "http://1.2.3.256/");
}

TEST(UrlParse, HostNames) {
  EXPECT_EQ(round_trip("http://x_y-z.~/"), "http://x_y-z.~/");
  EXPECT_EQ(round_trip("http://x%41/"), "http://xA/");
  EXPECT_EQ(round_trip("http://a%7fb/"),
            "http://a\x7f"
            "b/");
  for (const char* bad : {"http://a!b/", "http://a$b/", "http://x%2f/", "http://a%00b/",
                          "http://x y/", "http://x\ty/",
                          "http://a\x7f"
                          "b/"}) {
    EXPECT_EQ(round_trip(bad), "<21>") << bad;
  }
  EXPECT_EQ(round_trip("http://u:p@/"), "<14>");
  EXPECT_EQ(round_trip("http://u:p@:80/"), "<14>");
}

TEST(UrlParse, PercentInHostIsEncodedByEveryUrlGet) {
  Url u;
  ASSERT_EQ(parse(u, "http://a%25b/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_HOST), "a%b");
  EXPECT_EQ(part(u, CURLUPART_URL), "http://a%25b/");
  EXPECT_EQ(part(u, CURLUPART_HOST), "a%25b");  // 7.88.1 keeps the encoded host
  EXPECT_EQ(part(u, CURLUPART_URL), "http://a%2525b/");
}

TEST(UrlParse, PerPartJunkCodesInOrder) {
  EXPECT_EQ(round_trip("http://x/a b"), "<25>");
  EXPECT_EQ(round_trip("http://x/?a b"), "<26>");
  EXPECT_EQ(round_trip("http://x/#a b"), "<20>");
  EXPECT_EQ(round_trip("http://x/a b?\x01"), "<26>");    // query before path
  EXPECT_EQ(round_trip("http://x/?a\x01#a b"), "<20>");  // fragment before query
  EXPECT_EQ(round_trip("http://a b@x/\x01"), "<25>");    // path before the authority
  EXPECT_EQ(round_trip("http://?a b"), "<14>");          // a missing host comes first
  EXPECT_EQ(round_trip("http://x/ y ?a b#c d", CURLU_ALLOW_SPACE), "http://x/ y ?a b#c d");
  EXPECT_EQ(round_trip("http://x/a\xff"
                       "b"),
            "http://x/a\xff"
            "b");
}

TEST(UrlParse, SchemesAndSlashes) {
  EXPECT_EQ(round_trip(""), "<27>");
  EXPECT_EQ(round_trip("x/y"), "<27>");
  EXPECT_EQ(round_trip("foo://x/"), "<5>");
  EXPECT_EQ(round_trip("foo://x/", CURLU_NON_SUPPORT_SCHEME), "foo://x/");
  EXPECT_EQ(round_trip("a_b://x/", CURLU_NON_SUPPORT_SCHEME), "<27>");
  EXPECT_EQ(round_trip("http:x"), "<28>");
  EXPECT_EQ(round_trip("http:/x"), "http://x/");
  EXPECT_EQ(round_trip("http:////x"), "<28>");
  EXPECT_EQ(round_trip("http:/"), "<14>");
  EXPECT_EQ(round_trip("http://", CURLU_NO_AUTHORITY), "http:///");
  EXPECT_EQ(round_trip("http:///p", CURLU_NO_AUTHORITY), "http://p/");
  EXPECT_EQ(round_trip("x:80"), "<5>");
}

TEST(UrlParse, DefaultAndGuessedSchemes) {
  EXPECT_EQ(round_trip("x/y", CURLU_DEFAULT_SCHEME), "https://x/y");
  EXPECT_EQ(round_trip("//x/y", CURLU_DEFAULT_SCHEME), "<14>");
  EXPECT_EQ(round_trip("ftp.x/y", CURLU_GUESS_SCHEME), "ftp://ftp.x/y");
  EXPECT_EQ(round_trip("DICT.x", CURLU_GUESS_SCHEME), "dict://DICT.x/");
  EXPECT_EQ(round_trip("pop3.x", CURLU_GUESS_SCHEME), "pop3://pop3.x/");
  EXPECT_EQ(round_trip("www.x", CURLU_GUESS_SCHEME), "http://www.x/");
  EXPECT_EQ(round_trip("x:80", CURLU_GUESS_SCHEME), "http://x:80/");
  EXPECT_EQ(round_trip("data:x", CURLU_GUESS_SCHEME), "<4>");
  EXPECT_EQ(round_trip("ftp.x", CURLU_GUESS_SCHEME | CURLU_DEFAULT_SCHEME), "https://ftp.x/");
}

TEST(UrlParse, FileUrls) {
  EXPECT_EQ(round_trip("file:///etc/passwd?q#f"), "file:///etc/passwd#f");  // query dropped
  EXPECT_EQ(round_trip("file://localhost/etc"), "file:///etc");
  EXPECT_EQ(round_trip("file://LOCALHOST/x"), "file:///x");
  EXPECT_EQ(round_trip("file://127.0.0.1/x"), "file:///x");
  EXPECT_EQ(round_trip("file:/etc"), "file:///etc");
  EXPECT_EQ(round_trip("file:etc"), "file://etc");
  EXPECT_EQ(round_trip("file:///"), "file://(nil)");
  for (const char* bad :
       {"file://", "file:/", "file:", "file://host/etc", "file://localhost", "file:///c:/x",
        "file:///c:", "file:c:/x", "file://c|/x", "file://u@localhost/x"}) {
    EXPECT_EQ(round_trip(bad), "<19>") << bad;
  }
  EXPECT_EQ(round_trip("file:///c:x"), "file:///c:x");
  Url u;
  ASSERT_EQ(parse(u, "file:///"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PATH), "/");        // stores the path...
  EXPECT_EQ(part(u, CURLUPART_URL), "file:///");  // ...so the URL has it now
  EXPECT_EQ(part(u, CURLUPART_HOST), "<14>");
  EXPECT_EQ(part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT), "0");
}

TEST(UrlParse, UrlEncodeFlag) {
  EXPECT_EQ(round_trip("http://x/\xc3\xa4?\xc3\xa4#\xc3\xa4", CURLU_URLENCODE),
            "http://x/%c3%a4?%c3%a4#\xc3\xa4");
  EXPECT_EQ(round_trip("http://x/?a+b c=d e", CURLU_URLENCODE), "http://x/?a+b+c=d+e");
  EXPECT_EQ(round_trip("http://x/a b?c d#e f", CURLU_URLENCODE), "<20>");
  EXPECT_EQ(round_trip("http://x/a\x01"
                       "b",
                       CURLU_URLENCODE),
            "<25>");
}

TEST(UrlParse, TooLongInputIsMalformed) {
  std::string big = "http://x/" + std::string(kMaxUrlLength - 9, 'a');
  Url u;
  EXPECT_EQ(parse(u, big.c_str()), CURLUE_OK);
  big.push_back('a');
  EXPECT_EQ(parse(u, big.c_str()), CURLUE_MALFORMED_INPUT);
}

TEST(UrlParse, FailureKeepsTheOldUrl) {
  Url u;
  ASSERT_EQ(parse(u, "https://keep/me"), CURLUE_OK);
  EXPECT_EQ(parse(u, "http://[::1/"), CURLUE_BAD_IPV6);
  EXPECT_EQ(part(u, CURLUPART_URL), "https://keep/me");
}

TEST(UrlParse, EveryPrefixOfAUrlParsesOrFailsCleanly) {
  const std::string full = "imap://u:p;o@[fe80::1%25eth0]:143/a/../b?q=1#frag";
  for (std::size_t n = 0; n <= full.size(); ++n) {
    Url u;
    std::string prefix = full.substr(0, n);
    CURLUcode rc = parse(u, prefix.c_str());
    EXPECT_LT(int(rc), int(CURLUE_LAST)) << prefix;
    if (rc == CURLUE_OK) {
      std::string again = part(u, CURLUPART_URL);
      Url v;
      EXPECT_EQ(parse(v, again.c_str()), CURLUE_OK) << again;
    }
  }
}

TEST(UrlDotSegments, Rfc3986Examples) {
  using url_detail::remove_dot_segments;
  EXPECT_EQ(remove_dot_segments("/a/b/c/./../../g"), "/a/g");
  EXPECT_EQ(remove_dot_segments("/mid/content=5/../6"), "/mid/6");
  EXPECT_EQ(remove_dot_segments("/.."), "/");
  EXPECT_EQ(remove_dot_segments("/../a"), "/a");
  EXPECT_EQ(remove_dot_segments("/a/."), "/a/");
  EXPECT_EQ(remove_dot_segments("/a/.."), "/");
  EXPECT_EQ(remove_dot_segments("/a/b/../../..//c"), "//c");
  EXPECT_EQ(remove_dot_segments("/.a/..b/..."), "/.a/..b/...");
  EXPECT_EQ(remove_dot_segments("./x"), "x");
  EXPECT_EQ(remove_dot_segments("../"), "");
  EXPECT_EQ(remove_dot_segments("."), ".");  // too short to touch
  EXPECT_EQ(remove_dot_segments("/"), "/");
  EXPECT_EQ(round_trip("http://x/a/../b", CURLU_PATH_AS_IS), "http://x/a/../b");
  EXPECT_EQ(round_trip("http://x/%2e%2e/a"), "http://x/%2e%2e/a");
}

TEST(UrlGet, PortFlags) {
  Url u;
  ASSERT_EQ(parse(u, "http://x:80/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PORT, CURLU_NO_DEFAULT_PORT), "<15>");
  EXPECT_EQ(part(u, CURLUPART_URL, CURLU_NO_DEFAULT_PORT), "http://x/");
  ASSERT_EQ(parse(u, "http://x/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PORT), "<15>");
  EXPECT_EQ(part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT), "80");
  EXPECT_EQ(part(u, CURLUPART_URL, CURLU_DEFAULT_PORT), "http://x:80/");
  ASSERT_EQ(parse(u, "foo://x/", CURLU_NON_SUPPORT_SCHEME), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT), "<15>");
}

TEST(UrlGet, DecodeAndEncode) {
  Url u;
  ASSERT_EQ(parse(u, "http://x/a%20b?c+d%20e#f%00"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PATH, CURLU_URLDECODE), "/a b");
  EXPECT_EQ(part(u, CURLUPART_QUERY, CURLU_URLDECODE), "c d e");  // plus too, in the query
  EXPECT_EQ(part(u, CURLUPART_FRAGMENT, CURLU_URLDECODE), "<6>");
  EXPECT_EQ(part(u, CURLUPART_SCHEME, CURLU_URLDECODE), "http");
  ASSERT_EQ(parse(u, "http://x/a b?c d", CURLU_ALLOW_SPACE), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PATH, CURLU_URLENCODE), "/a%20b");
  EXPECT_EQ(part(u, CURLUPART_QUERY, CURLU_URLENCODE), "c+d");
}

TEST(UrlGet, EmptyEncodedPartIsOkWithoutAString) {
  Url u;
  ASSERT_EQ(parse(u, "http://x/?"), CURLUE_OK);
  std::optional<std::string> out = "sentinel";
  EXPECT_EQ(u.get(CURLUPART_QUERY, out, CURLU_URLENCODE), CURLUE_OK);
  EXPECT_EQ(out, std::nullopt);  // 7.88.1 answers OK with a NULL string
  EXPECT_EQ(u.get(CURLUPART_QUERY, out, 0), CURLUE_OK);
  EXPECT_EQ(out, "");
}

TEST(UrlPunycode, Rfc3492Samples) {
  using url_detail::punycode_encode;
  // RFC 3492 section 7.1 (A) Arabic (Egyptian) and (L) Japanese with ASCII.
  EXPECT_EQ(punycode_encode(U"\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644"
                            U"\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F"),
            "egbpdaj6bu4bxfgehfvwxn");
  EXPECT_EQ(punycode_encode(U"3\u5E74B\u7D44\u91D1\u516B\u5148\u751F"), "3B-ww4c5e180e575a65lsy2b");
  EXPECT_EQ(punycode_encode(U"r\u00e4ksm\u00f6rg\u00e5s"), "rksmrgs-5wao1o");
  EXPECT_EQ(punycode_encode(U"\u00df"), "zca");
  EXPECT_EQ(punycode_encode(U"abc"), "abc-");
  EXPECT_EQ(punycode_encode(U""), "");
}

TEST(UrlGet, NonAsciiHostAndPunycode) {
  Url u;
  ASSERT_EQ(parse(u, "http://r%c3%a4k/"), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_HOST), "r\xc3\xa4k");
  EXPECT_EQ(part(u, CURLUPART_URL, CURLU_URLENCODE), "http://r%C3%A4k/");
  EXPECT_EQ(part(u, CURLUPART_HOST, CURLU_URLENCODE), "r%c3%a4k");
  std::optional<std::string> out;
  EXPECT_EQ(u.get(CURLUPART_HOST, out, CURLU_PUNYCODE), CURLUE_OUT_OF_MEMORY);
  EXPECT_EQ(out, "r\xc3\xa4k");  // 7.88.1 hands the string back with the error
  EXPECT_EQ(u.get(CURLUPART_URL, out, CURLU_PUNYCODE), CURLUE_OUT_OF_MEMORY);
  EXPECT_EQ(out, std::nullopt);
}

TEST(UrlGet, MissingParts) {
  Url u;
  EXPECT_EQ(part(u, CURLUPART_URL), "<14>");
  EXPECT_EQ(part(u, CURLUPART_SCHEME), "<10>");
  EXPECT_EQ(part(u, CURLUPART_PATH), "/");
  EXPECT_EQ(part(u, CURLUPART_HOST), "<14>");
  EXPECT_EQ(part(u, static_cast<CURLUPart>(11)), "<9>");
  ASSERT_EQ(u.set(CURLUPART_HOST, "h", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_URL), "<10>");
  EXPECT_EQ(part(u, CURLUPART_URL, CURLU_DEFAULT_SCHEME), "https://h/");
}

TEST(UrlSet, Parts) {
  Url u;
  ASSERT_EQ(parse(u, "http://x/a?q#f"), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_QUERY, "a b+c=d=e&f", CURLU_URLENCODE), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "a+b%2bc%3dd%3de%26f");
  EXPECT_EQ(u.set(CURLUPART_QUERY, "x y=z w=v", CURLU_APPENDQUERY | CURLU_URLENCODE), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "a+b%2bc%3dd%3de%26f&x+y=z+w%3dv");
  EXPECT_EQ(u.set(CURLUPART_PATH, "a/b%2F%Aa", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PATH), "a/b%2f%aa");
  EXPECT_EQ(part(u, CURLUPART_URL), "http://x/a/b%2f%aa?a+b%2bc%3dd%3de%26f&x+y=z+w%3dv#f");
  EXPECT_EQ(u.set(CURLUPART_PATH, "/a b/c?d", CURLU_URLENCODE), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PATH), "/a%20b/c%3fd");
  EXPECT_EQ(u.set(CURLUPART_FRAGMENT, "", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_FRAGMENT), "");
  EXPECT_EQ(u.set(CURLUPART_FRAGMENT, "", CURLU_URLENCODE), CURLUE_OK);  // clears it
  EXPECT_EQ(part(u, CURLUPART_FRAGMENT), "<17>");
  EXPECT_EQ(u.set(CURLUPART_USER, "u s@r", CURLU_URLENCODE), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_USER), "u%20s%40r");
}

TEST(UrlSet, AppendQueryAddsAmpersandOnlyWhenNeeded) {
  Url u;
  ASSERT_EQ(parse(u, "http://x/?a=1&"), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_QUERY, "b=2", CURLU_APPENDQUERY), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "a=1&b=2");
  EXPECT_EQ(u.set(CURLUPART_QUERY, "&c=3", CURLU_APPENDQUERY), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "a=1&b=2&&c=3");
  EXPECT_EQ(u.set(CURLUPART_QUERY, "", 0), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_QUERY, "d", CURLU_APPENDQUERY), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_QUERY), "d");
}

TEST(UrlSet, SchemeChecks) {
  Url u;
  EXPECT_EQ(u.set(CURLUPART_SCHEME, "foo", 0), CURLUE_UNSUPPORTED_SCHEME);
  EXPECT_EQ(u.set(CURLUPART_SCHEME, "", 0), CURLUE_UNSUPPORTED_SCHEME);
  EXPECT_EQ(u.set(CURLUPART_SCHEME, "a_b", CURLU_NON_SUPPORT_SCHEME), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_SCHEME, std::string(41, 'a').c_str(), CURLU_NON_SUPPORT_SCHEME),
            CURLUE_BAD_SCHEME);
  EXPECT_EQ(u.set(CURLUPART_SCHEME, "IMAP", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_SCHEME), "IMAP");  // stored as given
}

TEST(UrlSet, PortChecks) {
  Url u;
  ASSERT_EQ(parse(u, "https://x/"), CURLUE_OK);
  for (const char* bad : {"0", "65536", "8a", "", "-8", "99999999999999999999"}) {
    EXPECT_EQ(u.set(CURLUPART_PORT, bad, 0), CURLUE_BAD_PORT_NUMBER) << bad;
  }
  EXPECT_EQ(u.set(CURLUPART_PORT, "0443", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PORT), "0443");                              // kept as given...
  EXPECT_EQ(part(u, CURLUPART_URL, CURLU_NO_DEFAULT_PORT), "https://x/");  // ...numerically 443
  EXPECT_EQ(u.set(CURLUPART_PORT, nullptr, 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_PORT), "<15>");
}

TEST(UrlSet, HostChecks) {
  Url u;
  ASSERT_EQ(parse(u, "http://[fe80::1%25eth0]/"), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_HOST, "a b", 0), CURLUE_BAD_HOSTNAME);
  EXPECT_EQ(part(u, CURLUPART_ZONEID), "eth0");  // the space check comes first
  EXPECT_EQ(u.set(CURLUPART_HOST, "a:b", 0), CURLUE_BAD_HOSTNAME);
  EXPECT_EQ(part(u, CURLUPART_ZONEID), "<18>");  // cleared even though the host failed
  EXPECT_EQ(u.set(CURLUPART_HOST, "", 0), CURLUE_BAD_HOSTNAME);
  EXPECT_EQ(u.set(CURLUPART_HOST, "", CURLU_NO_AUTHORITY), CURLUE_OK);
  EXPECT_EQ(u.set(CURLUPART_HOST, "a%20b", 0), CURLUE_OK);  // '%' is fine
  EXPECT_EQ(u.set(CURLUPART_HOST, "0x7f.1", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_HOST), "0x7f.1");  // not normalised when set
  EXPECT_EQ(u.set(CURLUPART_HOST, "[0:0::2]", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_HOST), "[::2]");
  EXPECT_EQ(u.set(CURLUPART_HOST, "[fe80::1%eth1]", 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_ZONEID), "eth1");
  EXPECT_EQ(u.set(CURLUPART_HOST, "[::1]:80", 0), CURLUE_BAD_HOSTNAME);
}

TEST(UrlSet, NullClearsAndUnknownPartFails) {
  Url u;
  ASSERT_EQ(parse(u, "https://u:p@h:8/p?q#f"), CURLUE_OK);
  EXPECT_EQ(u.set(static_cast<CURLUPart>(11), "x", 0), CURLUE_UNKNOWN_PART);
  EXPECT_EQ(u.set(static_cast<CURLUPart>(11), nullptr, 0), CURLUE_UNKNOWN_PART);
  EXPECT_EQ(u.set(CURLUPART_USER, nullptr, 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_URL), "https://:p@h:8/p?q#f");
  EXPECT_EQ(u.set(CURLUPART_URL, nullptr, 0), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_URL), "<14>");
  EXPECT_EQ(part(u, CURLUPART_SCHEME), "<10>");
}

TEST(UrlRelative, ResolvesAgainstTheCurrentUrl) {
  struct Case {
    const char* rel;
    const char* expect;
  };
  const Case cases[] = {
      {"d", "http://h/a/b/d"},
      {"../e", "http://h/a/e"},
      {"./f", "http://h/a/b/f"},
      {"../../../../g", "http://h/g"},
      {"/x/y", "http://h/x/y"},
      {"?z", "http://h/a/b/c?z"},
      {"#w", "http://h/a/b/#w"},
      {"//other/p", "http://other/p"},
      {"//o2", "http://o2/"},
      {"", "http://h/a/b/"},
      {"a b", "http://h/a/b/a%20b"},
      {"\xc3\xa4", "http://h/a/b/%c3%a4"},
      {"//\xc3\xa4/\xc3\xa4?\xc3\xa4", "http://\xc3\xa4/%c3%a4?%c3%a4"},
      {"?a b", "http://h/a/b/c?a+b"},
      {"https://new/", "https://new/"},
  };
  for (const Case& c : cases) {
    Url u;
    ASSERT_EQ(parse(u, "http://h/a/b/c?q#f"), CURLUE_OK);
    EXPECT_EQ(parse(u, c.rel), CURLUE_OK) << c.rel;
    EXPECT_EQ(part(u, CURLUPART_URL), c.expect) << c.rel;
  }
}

TEST(UrlRelative, Quirks) {
  using url_detail::resolve_relative;
  // A '/' in the base's fragment is taken for a path separator.
  EXPECT_EQ(resolve_relative("http://h/a#f/g", "c"), "http://h/a#f/c");
  // A query without a path: the query is dropped first.
  EXPECT_EQ(resolve_relative("http://h/?q=1/2", "rel"), "http://h/rel");
  EXPECT_EQ(resolve_relative("file:///a/b", "c"), "file:///a/c");
  Url u;
  EXPECT_EQ(parse(u, "rel/path"), CURLUE_BAD_SCHEME);  // nothing to resolve against
  EXPECT_EQ(parse(u, "http://h/x"), CURLUE_OK);
  EXPECT_EQ(parse(u, "x:80"), CURLUE_UNSUPPORTED_SCHEME);  // looks absolute
  EXPECT_EQ(parse(u, "y:80", CURLU_GUESS_SCHEME), CURLUE_OK);
  EXPECT_EQ(part(u, CURLUPART_URL), "http://h/y:80");
}

TEST(UrlDup, CopiesEverything) {
  Url u;
  ASSERT_EQ(parse(u, "imap://u:p;o@[::1%25e]:143/p?q#f"), CURLUE_OK);
  Url d = u;
  ASSERT_EQ(u.set(CURLUPART_URL, nullptr, 0), CURLUE_OK);
  EXPECT_EQ(part(d, CURLUPART_URL), "imap://u:p;o@[::1%25e]:143/p?q#f");
  EXPECT_EQ(d.port_number(), 143);
}

}  // namespace
}  // namespace mcurl
