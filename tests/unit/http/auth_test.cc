// Tests for src/http/auth.h: RFC 7617 and RFC 7616 vectors, and Digest values measured
// on libcurl 7.88.1 (its cnonce copied from the request it sent, so the response must
// match byte for byte).
#include "http/auth.h"

#include <gtest/gtest.h>

#include <curl/curl.h>

#include <string>

namespace mcurl {
namespace {

TEST(AuthBasic, Rfc7617Example) {
  EXPECT_EQ(basic_value("Aladdin", "open sesame"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  EXPECT_EQ(basic_value("us", "pw"), "Basic dXM6cHc=");
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("a"), "YQ==");
  EXPECT_EQ(base64_encode("ab"), "YWI=");
  EXPECT_EQ(base64_encode("abc"), "YWJj");
}

AuthState digest_state(const std::string& challenge) {
  AuthState st;
  st.want = CURLAUTH_DIGEST;
  st.picked = CURLAUTH_DIGEST;
  long avail = 0;
  auth_input(st, challenge, &avail);
  EXPECT_EQ(avail, static_cast<long>(CURLAUTH_DIGEST));
  EXPECT_FALSE(st.problem);
  return st;
}

const char kRfcChallengeTail[] =
    "realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
    "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
    "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
const char kRfcCnonce[] = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

TEST(AuthDigest, Rfc7616Md5) {
  AuthState st = digest_state(std::string("Digest ") + kRfcChallengeTail + ", algorithm=MD5");
  auto v = digest_value(st, "Mufasa", "Circle of Life", "GET", "/dir/index.html", kRfcCnonce);
  ASSERT_TRUE(v);
  EXPECT_NE(v->find("response=\"8ca523f5e9506fed4657c9700eebdbec\""), std::string::npos) << *v;
  EXPECT_NE(v->find("nc=00000001, qop=auth"), std::string::npos);
  EXPECT_EQ(st.nc, 2u);
}

TEST(AuthDigest, Rfc7616Sha256) {
  AuthState st = digest_state(std::string("Digest ") + kRfcChallengeTail + ", algorithm=SHA-256");
  auto v = digest_value(st, "Mufasa", "Circle of Life", "GET", "/dir/index.html", kRfcCnonce);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v,
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", "
            "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", nc=00000001, qop=auth, "
            "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
            "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", algorithm=SHA-256");
}

TEST(AuthDigest, MeasuredOn7881) {
  {
    AuthState st = digest_state(
        "Digest realm=\"r@x\", nonce=\"abc123\", qop=\"auth,auth-int\", opaque=\"op\", "
        "algorithm=SHA-256");
    auto v = digest_value(st, "us", "pw", "GET", "/a/b?q=1",
                          "MzViMTNjNDEzNTk1ZWFiOTQ0ODUzMTA3YTM4ZTNiMWI=");
    ASSERT_TRUE(v);
    EXPECT_EQ(*v,
              "Digest username=\"us\", realm=\"r@x\", nonce=\"abc123\", uri=\"/a/b?q=1\", "
              "cnonce=\"MzViMTNjNDEzNTk1ZWFiOTQ0ODUzMTA3YTM4ZTNiMWI=\", nc=00000001, qop=auth, "
              "response=\"76ad875b674f569ab0059e0c84f9f68564ef5a1d77a647c69e8f4a96a724b9fe\", "
              "opaque=\"op\", algorithm=SHA-256");
  }
  {
    AuthState st =
        digest_state("Digest realm=\"r\", nonce=\"n1\", algorithm=MD5-sess, qop=\"auth\"");
    auto v = digest_value(st, "us", "pw", "GET", "/a/b?q=1",
                          "ODM5MmVkNjFiYzAwODFjMjczMjg2NWExY2Q4YTZiMzk=");
    ASSERT_TRUE(v);
    EXPECT_NE(v->find("response=\"0235f464a7d801f3d391eeb4234d374d\", algorithm=MD5-sess"),
              std::string::npos)
        << *v;
  }
  {
    AuthState st = digest_state("Digest realm=\"r\", nonce=\"n1\"");
    auto v = digest_value(st, "us", "pw", "GET", "/a/b?q=1");
    ASSERT_TRUE(v);
    EXPECT_EQ(*v,
              "Digest username=\"us\", realm=\"r\", nonce=\"n1\", uri=\"/a/b?q=1\", "
              "response=\"913d46f96c1167ad8099ab2bda4acce1\"");
  }
}

TEST(AuthDigest, RandomCnonceIsBase64OfHex) {
  AuthState st = digest_state("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"");
  auto v = digest_value(st, "u", "p", "GET", "/");
  ASSERT_TRUE(v);
  auto at = v->find("cnonce=\"");
  ASSERT_NE(at, std::string::npos);
  auto end = v->find('"', at + 8);
  EXPECT_EQ(end - (at + 8), 44u);  // base64 of 32 hex digits
}

TEST(AuthInput, OffersAndPick) {
  AuthState st;
  st.want = CURLAUTH_ANY;
  st.picked = CURLAUTH_ANY;
  long avail = 0;
  auth_input(st, "Basic realm=\"x\", Bearer realm=\"y\"", &avail);
  EXPECT_EQ(avail, static_cast<long>(CURLAUTH_BASIC | CURLAUTH_BEARER));
  // Without a token Bearer is not a candidate.
  AuthState copy = st;
  EXPECT_EQ(auth_pick(copy, false), static_cast<unsigned long>(CURLAUTH_BASIC));
  EXPECT_EQ(auth_pick(st, true), static_cast<unsigned long>(CURLAUTH_BEARER));
  EXPECT_EQ(st.avail, 0u);

  AuthState d;
  d.want = CURLAUTH_ANY;
  d.picked = CURLAUTH_ANY;
  avail = 0;
  auth_input(d, "Basic realm=\"x\"", &avail);
  auth_input(d, "Digest realm=\"r\", nonce=\"n\"", &avail);
  EXPECT_EQ(avail, 3);
  EXPECT_EQ(auth_pick(d, false), static_cast<unsigned long>(CURLAUTH_DIGEST));
  // ANYSAFE leaves Basic out.
  AuthState s;
  s.want = CURLAUTH_ANYSAFE;
  avail = 0;
  auth_input(s, "Basic realm=\"x\"", &avail);
  EXPECT_EQ(auth_pick(s, false), 0u);
}

TEST(AuthInput, RefusedCredentialsAreAProblem) {
  AuthState st;
  st.want = st.picked = CURLAUTH_BASIC;
  long avail = 0;
  auth_input(st, "Basic realm=\"x\"", &avail);
  EXPECT_TRUE(st.problem);

  AuthState d = digest_state("Digest realm=\"r\", nonce=\"n\"");
  d.avail = 0;
  auth_input(d, "Digest realm=\"r\", nonce=\"n2\"", &avail);
  EXPECT_TRUE(d.problem);
  AuthState s = digest_state("Digest realm=\"r\", nonce=\"n\"");
  s.avail = 0;
  auth_input(s, "Digest realm=\"r\", nonce=\"n2\", stale=true", &avail);
  EXPECT_FALSE(s.problem);
  AuthState bad;
  bad.want = CURLAUTH_DIGEST;
  auth_input(bad, "Digest realm=\"r\"", &avail);
  EXPECT_TRUE(bad.problem);  // no nonce
}

}  // namespace
}  // namespace mcurl
