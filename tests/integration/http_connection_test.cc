// Connections and failures over the three drive modes: keep-alive reuse, Connection:
// close, HTTP/1.0, a pooled connection the server closed (before and after the next
// request was sent), malformed responses, timeouts, refused connections.
#include <netdb.h>
#include <netinet/in.h>

#include "harness.h"

namespace mcurl::itest {
namespace {

using Clock = std::chrono::steady_clock;

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

long ms_since(Clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

// A loopback port nobody listens on (bound then closed).
int closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return -1;
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

class Connection : public ModeTest {};

TEST_P(Connection, KeepAliveReusesTheConnection) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/1"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  long port1 = e.info_long(CURLINFO_LOCAL_PORT);
  e.url(s.url("/2"));
  e.body.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "two");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(s.connection_count(), 1u);
  EXPECT_EQ(sockets_opened(), 1u);
  (void)port1;
}

TEST_P(Connection, AddressInfoOnAReusedConnection) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/1"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  long port1 = e.info_long(CURLINFO_LOCAL_PORT);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(e.info_long(CURLINFO_LOCAL_PORT), port1);
  EXPECT_EQ(e.info_str(CURLINFO_LOCAL_IP), "127.0.0.1");
  EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), "127.0.0.1");
  EXPECT_EQ(e.info_long(CURLINFO_PRIMARY_PORT), s.port());
}

TEST_P(Connection, ConnectionCloseIsNotReused) {
  ScriptedServer s(std::vector<test::Script>{
      {Step::expect_request(),
       Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"),
       Step::expect_close()},
      {Step::expect_request(), Step::send(kOk), Step::expect_close()}});
  Easy& e = make_easy(s.url("/c"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(s.connection_count(), 2u);
  ASSERT_TRUE(s.wait_for_finished(1, 5s));
  // The client closed the first connection itself, without sending anything more.
  EXPECT_EQ(s.connections()[0].end, test::ConnectionEnd::kCompleted);
  EXPECT_EQ(s.connections()[0].unexpected, "");
}

TEST_P(Connection, Http10ResponseIsNotReusedUnlessKeepAlive) {
  ScriptedServer s(std::vector<test::Script>{
      {Step::expect_request(), Step::send("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"),
       Step::expect_close()},
      {Step::expect_request(),
       Step::send("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok"),
       Step::expect_request(), Step::send(kOk), Step::expect_close()}});
  Easy& e = make_easy(s.url("/10"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(s.connection_count(), 2u);
}

TEST_P(Connection, RequestAsHttp10) {
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.0 200 OK\r\n\r\nbody"), Step::close()});
  Easy& e = make_easy(s.url("/v10"));
  e.set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_0));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "body");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "GET /v10 HTTP/1.0\r\nHost: 127.0.0.1:" +
                                     std::to_string(s.port()) + "\r\nAccept: */*\r\n\r\n");
}

TEST_P(Connection, PooledConnectionClosedByServerBetweenRequests) {
  ScriptedServer s(
      std::vector<test::Script>{{Step::expect_request(), Step::send(kOk), Step::close()},
                                {Step::expect_request(), Step::send(kOk), Step::expect_close()}});
  Easy& e = make_easy(s.url("/a"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_finished(1, 5s));  // the FIN was sent
  e.body.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(s.connection_count(), 2u);
  EXPECT_EQ(s.request_count(), 2u);
}

TEST_P(Connection, PooledConnectionDiesAfterTheRequestIsRetriedOnce) {
  // The server reads the second request and closes without answering: the request is
  // sent again on a fresh connection.
  ScriptedServer s(std::vector<test::Script>{
      {Step::expect_request(), Step::send(kOk), Step::expect_request(), Step::close()},
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh"),
       Step::expect_close()}});
  Easy& e = make_easy(s.url("/r"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  e.body.clear();
  e.headers.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "fresh");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Content-Length: 5\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_TRUE(s.wait_for_requests(3, 5s));
  auto reqs = s.requests();
  EXPECT_EQ(reqs[1].raw, plain_request("GET", "/r", s));
  EXPECT_EQ(reqs[2].raw, plain_request("GET", "/r", s));
  EXPECT_EQ(reqs[2].connection, 1u);
}

TEST_P(Connection, FreshConnectAndForbidReuse) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/f"));
  e.set(CURLOPT_FORBID_REUSE, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_TRUE(s.wait_for_finished(2, 5s));
  EXPECT_EQ(s.connections()[0].end, test::ConnectionEnd::kCompleted);
  EXPECT_EQ(open_sockets().size(), 0u);  // closed right after each transfer
}

// --- malformed and broken responses -----------------------------------------------------

TEST_P(Connection, GarbageStatusLineIsHttp09) {
  ScriptedServer s({Step::expect_request(), Step::send("FOO BAR\r\n\r\n"), Step::close()});
  Easy& e = make_easy(s.url("/g"));
  EXPECT_EQ(run1(e), CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(e.error(), "Received HTTP/0.9 when not allowed");
  EXPECT_EQ(e.body, "");
}

TEST_P(Connection, HeaderWithoutColon) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nBadHeader\r\nContent-Length: 2\r\n\r\nok"),
                    Step::close()});
  Easy& e = make_easy(s.url("/w"));
  EXPECT_EQ(run1(e), CURLE_WEIRD_SERVER_REPLY);
  EXPECT_EQ(e.error(), "Header without colon");
  EXPECT_EQ(e.body, "");
}

TEST_P(Connection, TruncatedBody) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), Step::close()});
  Easy& e = make_easy(s.url("/t"));
  EXPECT_EQ(run1(e), CURLE_PARTIAL_FILE);
  EXPECT_EQ(e.error(), "transfer closed with 7 bytes remaining to read");
  EXPECT_EQ(e.body, "abc");
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 3);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
}

TEST_P(Connection, TruncatedChunkedBody) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"),
                    Step::close()});
  Easy& e = make_easy(s.url("/tc"));
  EXPECT_EQ(run1(e), CURLE_PARTIAL_FILE);
  EXPECT_EQ(e.error(), "transfer closed with outstanding read data remaining");
  EXPECT_EQ(e.body, "ab");
}

TEST_P(Connection, EmptyReply) {
  ScriptedServer s({Step::expect_request(), Step::close()});
  Easy& e = make_easy(s.url("/e"));
  EXPECT_EQ(run1(e), CURLE_GOT_NOTHING);
  EXPECT_EQ(e.error(), "Empty reply from server");
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 0);
}

TEST_P(Connection, ResetAfterTheRequest) {
  ScriptedServer s({Step::expect_request(), Step::reset()});
  Easy& e = make_easy(s.url("/rst"));
  EXPECT_EQ(run1(e), CURLE_RECV_ERROR);
  EXPECT_EQ(e.error(), "Recv failure: Connection reset by peer");
  EXPECT_EQ(e.info_long(CURLINFO_OS_ERRNO), ECONNRESET);
}

TEST_P(Connection, ResetInTheBody) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"), Step::delay(50),
                    Step::reset()});
  Easy& e = make_easy(s.url("/rst2"));
  EXPECT_EQ(run1(e), CURLE_RECV_ERROR);
  EXPECT_EQ(e.error(), "Recv failure: Connection reset by peer");
  EXPECT_EQ(e.body, "abc");
}

TEST_P(Connection, ContentLengthWithTrailingGarbage) {
  // 7.88.1 takes the leading digits of "12x" (later versions refuse the header).
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\nok"), Step::close()});
  Easy& e = make_easy(s.url("/cl"));
  EXPECT_EQ(run1(e), CURLE_PARTIAL_FILE);
  EXPECT_EQ(e.error(), "transfer closed with 10 bytes remaining to read");
  EXPECT_EQ(e.body, "ok");
}

// --- timeouts and connect failures ----------------------------------------------------

TEST_P(Connection, TimeoutWithSilentServer) {
  ScriptedServer s({Step::expect_request(), Step::hold()});
  Easy& e = make_easy(s.url("/slow"));
  e.set(CURLOPT_TIMEOUT_MS, 300L);
  auto t0 = Clock::now();
  EXPECT_EQ(run1(e), CURLE_OPERATION_TIMEDOUT);
  long ms = ms_since(t0);
  EXPECT_GE(ms, 295);  // libcurl rounds its remaining time down to whole ms
  EXPECT_LE(ms, 300 + 150) << "the timeout fired late";
  std::string err = e.error();
  EXPECT_EQ(err.rfind("Operation timed out after ", 0), 0u) << err;
  EXPECT_NE(err.find(" milliseconds with 0 bytes received"), std::string::npos) << err;
  s.stop();
}

TEST_P(Connection, TimeoutInTheBody) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcd"), Step::hold()});
  Easy& e = make_easy(s.url("/slowbody"));
  e.set(CURLOPT_TIMEOUT_MS, 250L);
  auto t0 = Clock::now();
  EXPECT_EQ(run1(e), CURLE_OPERATION_TIMEDOUT);
  long ms = ms_since(t0);
  EXPECT_GE(ms, 245);
  EXPECT_LE(ms, 250 + 150);
  std::string err = e.error();
  EXPECT_NE(err.find(" milliseconds with 4 out of 10 bytes received"), std::string::npos) << err;
  EXPECT_EQ(e.body, "abcd");
  s.stop();
}

TEST_P(Connection, ConnectionRefused) {
  int port = closed_port();
  ASSERT_GT(port, 0);
  Easy& e = make_easy("http://127.0.0.1:" + std::to_string(port) + "/");
  EXPECT_EQ(run1(e), CURLE_COULDNT_CONNECT);
  std::string err = e.error();
  std::string prefix = "Failed to connect to 127.0.0.1 port " + std::to_string(port) + " after ";
  EXPECT_EQ(err.rfind(prefix, 0), 0u) << err;
  EXPECT_NE(err.find(" ms: Couldn't connect to server"), std::string::npos) << err;
  EXPECT_EQ(e.info_long(CURLINFO_OS_ERRNO), ECONNREFUSED);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 0);
}

TEST_P(Connection, UnresolvableHost) {
  Easy& e = make_easy("http://nonexistent.invalid/");
  EXPECT_EQ(run1(e), CURLE_COULDNT_RESOLVE_HOST);
  EXPECT_EQ(e.error(), "Could not resolve host: nonexistent.invalid");
}

TEST_P(Connection, ResolveOptionPinsTheAddress) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  std::string entry = "pinned.test:" + std::to_string(s.port()) + ":127.0.0.1";
  curl_slist* list = curl_slist_append(nullptr, entry.c_str());
  Easy& e = make_easy("http://pinned.test:" + std::to_string(s.port()) + "/p");
  e.set(CURLOPT_RESOLVE, list);
  EXPECT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].header("Host"), "pinned.test:" + std::to_string(s.port()));
  curl_slist_free_all(list);
}

// The machine's own name when it resolves (through the system resolver, not as a
// numeric or localhost name) to 127.0.0.1; "" otherwise.
std::string loopback_hostname() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "";
  if (std::string(name) == "localhost") return "";
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* res = nullptr;
  if (::getaddrinfo(name, nullptr, &hints, &res) != 0 || res == nullptr) return "";
  bool loop =
      reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
  ::freeaddrinfo(res);
  return loop ? std::string(name) : "";
}

TEST_P(Connection, NameThroughTheResolverThenTheDnsCache) {
  std::string host = loopback_hostname();
  if (host.empty()) GTEST_SKIP() << "the host name does not resolve to 127.0.0.1";
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  std::string url = "http://" + host + ":" + std::to_string(s.port()) + "/n";
  Easy& a = make_easy(url);
  Easy& b = make_easy(url);
  b.set(CURLOPT_FRESH_CONNECT, 1L);
  auto results = run({&a, &b});
  EXPECT_EQ(results[0], CURLE_OK) << a.error();
  EXPECT_EQ(results[1], CURLE_OK) << b.error();
  EXPECT_EQ(a.body, "ok");
  EXPECT_EQ(b.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].header("Host"), host + ":" + std::to_string(s.port()));
  EXPECT_EQ(a.info_str(CURLINFO_PRIMARY_IP), "127.0.0.1");
}

INSTANTIATE_TEST_SUITE_P(Modes, Connection, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
