// HTTP authentication over the three drive modes: Basic at once, the 401 dance for
// several wanted methods (Basic, Digest, Bearer), refused credentials, and credentials
// left behind on a redirect to another port. Expected bytes measured on 7.88.1 (see the
// u_* conformance cases).
#include "harness.h"

namespace mcurl::itest {
namespace {

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

std::string unauthorized(const std::string& offers) {
  return "HTTP/1.1 401 Unauthorized\r\n" + offers + "Content-Length: 4\r\n\r\nno!\n";
}

class Auth : public ModeTest {
 protected:
  static std::string with_auth(const std::string& target, const ScriptedServer& s,
                               const std::string& value) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port()) +
           "\r\nAuthorization: " + value + "\r\nAccept: */*\r\n\r\n";
  }
};

TEST_P(Auth, BasicGoesOutAtOnce) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/b"));
  e.set(CURLOPT_USERPWD, "Aladdin:open sesame");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, with_auth("/b", s, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
  EXPECT_EQ(e.info_long(CURLINFO_HTTPAUTH_AVAIL), 0);
}

TEST_P(Auth, AnyProbesThenSendsBasicOnTheSameConnection) {
  ScriptedServer s({Step::expect_request(),
                    Step::send(unauthorized("WWW-Authenticate: Basic "
                                            "realm=\"r\"\r\n")),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/any"));
  e.set(CURLOPT_USERPWD, "us:pw");
  e.set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_ANY));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");  // the 401's body is dropped
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(e.info_long(CURLINFO_HTTPAUTH_AVAIL), static_cast<long>(CURLAUTH_BASIC));
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("GET", "/any", s));
  EXPECT_EQ(s.requests()[1].raw, with_auth("/any", s, "Basic dXM6cHc="));
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_P(Auth, DigestSha256AfterTheOffer) {
  ScriptedServer s({Step::expect_request(),
                    Step::send(unauthorized("WWW-Authenticate: Basic realm=\"b\"\r\n"
                                            "WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\", "
                                            "qop=\"auth\", opaque=\"o\", algorithm=SHA-256\r\n")),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/d?x=1"));
  e.set(CURLOPT_USERPWD, "us:pw");
  e.set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC | CURLAUTH_DIGEST));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_HTTPAUTH_AVAIL),
            static_cast<long>(CURLAUTH_BASIC | CURLAUTH_DIGEST));
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  const std::string raw = s.requests()[1].raw;  // requests() returns a copy
  const std::string head =
      "Authorization: Digest username=\"us\", realm=\"r\", nonce=\"n1\", uri=\"/d?x=1\", "
      "cnonce=\"";
  auto at = raw.find(head);
  ASSERT_NE(at, std::string::npos) << raw;
  auto cn_end = raw.find('"', at + head.size());
  EXPECT_EQ(cn_end - (at + head.size()), 44u);
  auto rest = raw.substr(cn_end);
  EXPECT_EQ(rest.find("\", nc=00000001, qop=auth, response=\""), 0u) << rest;
  EXPECT_NE(rest.find("\", opaque=\"o\", algorithm=SHA-256\r\n"), std::string::npos) << rest;
}

TEST_P(Auth, BearerPickedWhenATokenIsSet) {
  ScriptedServer s(
      {Step::expect_request(),
       Step::send(unauthorized("WWW-Authenticate: Basic realm=\"x\", Bearer realm=\"y\"\r\n")),
       Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/t"));
  e.set(CURLOPT_USERPWD, "us:pw");
  e.set(CURLOPT_XOAUTH2_BEARER, "tok");
  e.set(CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_ANY));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_HTTPAUTH_AVAIL),
            static_cast<long>(CURLAUTH_BASIC | CURLAUTH_BEARER));
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[1].raw, with_auth("/t", s, "Bearer tok"));
}

TEST_P(Auth, RefusedBasicEndsWithThe401) {
  ScriptedServer s({Step::expect_request(),
                    Step::send(unauthorized("WWW-Authenticate: Basic realm=\"r\"\r\n")),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/r"));
  e.set(CURLOPT_USERPWD, "us:bad");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "no!\n");
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 401);
  EXPECT_EQ(e.info_long(CURLINFO_HTTPAUTH_AVAIL), static_cast<long>(CURLAUTH_BASIC));
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests().size(), 1u);
}

TEST_P(Auth, RedirectToAnotherPortLeavesCredentialsBehind) {
  for (long unrestricted : {0L, 1L}) {
    SCOPED_TRACE(unrestricted);
    ScriptedServer target({Step::expect_request(), Step::send(kOk), Step::expect_close()});
    ScriptedServer s({Step::expect_request(),
                      Step::send("HTTP/1.1 302 Found\r\nLocation: " + target.url("/to") +
                                 "\r\nContent-Length: 0\r\n\r\n"),
                      Step::expect_close()});
    Easy& e = make_easy(s.url("/from"));
    e.set(CURLOPT_USERPWD, "u:p");
    e.set(CURLOPT_FOLLOWLOCATION, 1L);
    e.set(CURLOPT_UNRESTRICTED_AUTH, unrestricted);
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
    ASSERT_TRUE(s.wait_for_requests(1, 5s));
    ASSERT_TRUE(target.wait_for_requests(1, 5s));
    EXPECT_EQ(s.requests()[0].raw, with_auth("/from", s, "Basic dTpw"));
    EXPECT_EQ(target.requests()[0].raw, unrestricted ? with_auth("/to", target, "Basic dTpw")
                                                     : plain_request("GET", "/to", target));
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, Auth, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
