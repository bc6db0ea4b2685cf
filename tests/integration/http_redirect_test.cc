// Redirects over the three drive modes: 301/302/303 turn a POST into a GET, 307 keeps
// it, MAXREDIRS, relative Location, REDIRECT_URL without FOLLOWLOCATION.
#include "harness.h"

namespace mcurl::itest {
namespace {

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

std::string redirect(int code, const std::string& location) {
  return "HTTP/1.1 " + std::to_string(code) + " Moved\r\nLocation: " + location +
         "\r\nContent-Length: 5\r\n\r\nmoved";
}

class Redirect : public ModeTest {
 protected:
  std::string host(const ScriptedServer& s) const {
    return "Host: 127.0.0.1:" + std::to_string(s.port()) + "\r\n";
  }
};

TEST_P(Redirect, FollowsOnTheSameConnection) {
  ScriptedServer s({Step::expect_request(), Step::send(redirect(301, "/b")), Step::expect_request(),
                    Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/a"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body.substr(e.body.size() - 2), "ok");  // exact: RedirectBodyIsNotDelivered
  std::vector<std::string> want = {"HTTP/1.1 301 Moved\r\n",
                                   "Location: /b\r\n",
                                   "Content-Length: 5\r\n",
                                   "\r\n",
                                   "HTTP/1.1 200 OK\r\n",
                                   "Content-Length: 2\r\n",
                                   "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 1);
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), s.url("/b"));
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(e.info_str(CURLINFO_REDIRECT_URL), "(null)");
  EXPECT_GT(e.info_off(CURLINFO_REDIRECT_TIME_T), 0);
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("GET", "/a", s));
  EXPECT_EQ(s.requests()[1].raw, plain_request("GET", "/b", s));
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_P(Redirect, Post301302303BecomeGet) {
  for (int code : {301, 302, 303}) {
    SCOPED_TRACE(code);
    ScriptedServer s({Step::expect_request(), Step::send(redirect(code, "/to")),
                      Step::expect_request(), Step::send(kOk), Step::expect_close()});
    Easy& e = make_easy(s.url("/from"));
    e.set(CURLOPT_FOLLOWLOCATION, 1L);
    e.set(CURLOPT_POSTFIELDS, "x=1");
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
    ASSERT_TRUE(s.wait_for_requests(2, 5s));
    EXPECT_EQ(s.requests()[0].raw,
              "POST /from HTTP/1.1\r\n" + host(s) +
                  "Accept: */*\r\nContent-Length: 3\r\n"
                  "Content-Type: application/x-www-form-urlencoded\r\n\r\nx=1");
    EXPECT_EQ(s.requests()[1].raw, plain_request("GET", "/to", s));
    EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 1);
  }
}

TEST_P(Redirect, Post307KeepsMethodAndBody) {
  ScriptedServer s({Step::expect_request(), Step::send(redirect(307, "/to")),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/from"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  e.set(CURLOPT_POSTFIELDS, "x=1");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  std::string tail =
      "Accept: */*\r\nContent-Length: 3\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\n\r\nx=1";
  EXPECT_EQ(s.requests()[0].raw, "POST /from HTTP/1.1\r\n" + host(s) + tail);
  EXPECT_EQ(s.requests()[1].raw, "POST /to HTTP/1.1\r\n" + host(s) + tail);
}

TEST_P(Redirect, MaxRedirsGivesTooManyRedirects) {
  ScriptedServer s({Step::expect_request(), Step::send(redirect(302, "/1")), Step::expect_request(),
                    Step::send(redirect(302, "/2")), Step::expect_request(),
                    Step::send(redirect(302, "/3")), Step::expect_close()});
  Easy& e = make_easy(s.url("/0"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  e.set(CURLOPT_MAXREDIRS, 2L);
  EXPECT_EQ(run1(e), CURLE_TOO_MANY_REDIRECTS);
  EXPECT_EQ(e.error(), "Maximum (2) redirects followed");
  EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 2);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 302);
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), s.url("/2"));
  ASSERT_TRUE(s.wait_for_requests(3, 5s));
  EXPECT_EQ(s.requests()[2].target, "/2");
}

TEST_P(Redirect, RelativeLocationsResolveAgainstTheCurrentUrl) {
  ScriptedServer s({Step::expect_request(), Step::send(redirect(302, "b?q=1")),
                    Step::expect_request(), Step::send(redirect(302, "../c/./d#frag")),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/dir/sub/a"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(3, 5s));
  EXPECT_EQ(s.requests()[1].target, "/dir/sub/b?q=1");
  EXPECT_EQ(s.requests()[2].target, "/dir/c/d");
  // The fragment is not sent, but 7.88.1 keeps it in the effective URL.
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), s.url("/dir/c/d#frag"));
  EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 2);
}

TEST_P(Redirect, RedirectUrlWithoutFollowing) {
  ScriptedServer s(
      {Step::expect_request(), Step::send(redirect(302, "../x?y=1")), Step::expect_close()});
  Easy& e = make_easy(s.url("/p/q"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 302);
  EXPECT_EQ(e.body, "moved");
  EXPECT_EQ(e.info_str(CURLINFO_REDIRECT_URL), s.url("/x?y=1"));
  EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 0);
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), s.url("/p/q"));
}

TEST_P(Redirect, ToAnotherServer) {
  ScriptedServer target({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  ScriptedServer s({Step::expect_request(), Step::send(redirect(302, target.url("/there"))),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/here"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 2);
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), target.url("/there"));
  ASSERT_TRUE(target.wait_for_requests(1, 5s));
  EXPECT_EQ(target.requests()[0].raw, plain_request("GET", "/there", target));
}

// Custom Authorization and Cookie headers are not sent to another host (here: another
// port) after a redirect, unless CURLOPT_UNRESTRICTED_AUTH says so (7.88.1,
// CVE-2022-27776); other custom headers are.
TEST_P(Redirect, CredentialsStayWithTheFirstHost) {
  for (long unrestricted : {0L, 1L}) {
    ScriptedServer target({Step::expect_request(), Step::send(kOk), Step::expect_close()});
    ScriptedServer s({Step::expect_request(), Step::send(redirect(302, target.url("/there"))),
                      Step::expect_close()});
    curl_slist* headers = curl_slist_append(nullptr, "Authorization: Bearer secret");
    headers = curl_slist_append(headers, "Cookie: a=b");
    headers = curl_slist_append(headers, "X-Keep: yes");
    Easy& e = make_easy(s.url("/here"));
    e.set(CURLOPT_FOLLOWLOCATION, 1L);
    e.set(CURLOPT_HTTPHEADER, headers);
    e.set(CURLOPT_UNRESTRICTED_AUTH, unrestricted);
    EXPECT_EQ(run1(e), CURLE_OK) << e.error();
    ASSERT_TRUE(s.wait_for_requests(1, 5s));
    ASSERT_TRUE(target.wait_for_requests(1, 5s));
    EXPECT_EQ(s.requests()[0].header("Authorization"), "Bearer secret");
    EXPECT_EQ(target.requests()[0].header("X-Keep"), "yes");
    EXPECT_EQ(target.requests()[0].header("Authorization"), unrestricted ? "Bearer secret" : "");
    EXPECT_EQ(target.requests()[0].header("Cookie"), unrestricted ? "a=b" : "");
    curl_slist_free_all(headers);
  }
}

TEST_P(Redirect, RedirectBodyIsNotDelivered) {
  ScriptedServer s({Step::expect_request(), Step::send(redirect(301, "/b")), Step::expect_request(),
                    Step::send(redirect(302, "/c")), Step::expect_request(), Step::send(kOk),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/a"));
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  EXPECT_EQ(e.write_sizes.size(), 1u);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 2);
  // Too many redirects: nothing of the 3xx bodies either.
  ScriptedServer s2({Step::expect_request(), Step::send(redirect(301, "/b")),
                     Step::expect_request(), Step::send(redirect(302, "/c")),
                     Step::expect_close()});
  Easy& m = make_easy(s2.url("/a"));
  m.set(CURLOPT_FOLLOWLOCATION, 1L);
  m.set(CURLOPT_MAXREDIRS, 1L);
  EXPECT_EQ(run1(m), CURLE_TOO_MANY_REDIRECTS);
  EXPECT_EQ(m.body, "");
}

INSTANTIATE_TEST_SUITE_P(Modes, Redirect, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
