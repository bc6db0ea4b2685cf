// Responses of every framing, over the three drive modes with identical expectations:
// Content-Length, chunked with trailers, close-delimited, HEAD, 204/304, 1xx interim
// responses. Each case asserts the exact body, the header-callback lines, the request
// bytes the server received and the getinfo figures (values of libcurl 7.88.1).
#include "harness.h"

namespace mcurl::itest {
namespace {

class Response : public ModeTest {};

TEST_P(Response, GetWithContentLength) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
                               "Content-Type: text/plain\r\n\r\nhello"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/a?x=1"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "hello");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Content-Length: 5\r\n",
                                   "Content-Type: text/plain\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  std::string req = plain_request("GET", "/a?x=1", s);
  EXPECT_EQ(s.requests()[0].raw, req);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(e.info_long(CURLINFO_HTTP_VERSION), CURL_HTTP_VERSION_1_1);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 5);
  EXPECT_EQ(e.info_off(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), 5);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_UPLOAD_T), 0);
  EXPECT_EQ(e.info_str(CURLINFO_CONTENT_TYPE), "text/plain");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(e.info_long(CURLINFO_REDIRECT_COUNT), 0);
  EXPECT_EQ(e.info_long(CURLINFO_HEADER_SIZE), static_cast<long>(e.headers_joined().size()));
  EXPECT_EQ(e.info_long(CURLINFO_REQUEST_SIZE), static_cast<long>(req.size()));
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), s.url("/a?x=1"));
  EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), "127.0.0.1");
  EXPECT_EQ(e.info_long(CURLINFO_PRIMARY_PORT), s.port());
  EXPECT_EQ(e.info_str(CURLINFO_LOCAL_IP), "127.0.0.1");
  EXPECT_GT(e.info_long(CURLINFO_LOCAL_PORT), 0);
  EXPECT_EQ(e.info_str(CURLINFO_SCHEME), "HTTP");
  EXPECT_EQ(e.info_long(CURLINFO_PROTOCOL), CURLPROTO_HTTP);
  EXPECT_EQ(e.info_str(CURLINFO_REDIRECT_URL), "(null)");
  // The timing figures are ordered (7.88.1 reports microseconds).
  curl_off_t lookup = e.info_off(CURLINFO_NAMELOOKUP_TIME_T);
  curl_off_t connect = e.info_off(CURLINFO_CONNECT_TIME_T);
  curl_off_t pre = e.info_off(CURLINFO_PRETRANSFER_TIME_T);
  curl_off_t start = e.info_off(CURLINFO_STARTTRANSFER_TIME_T);
  curl_off_t total = e.info_off(CURLINFO_TOTAL_TIME_T);
  EXPECT_LE(lookup, connect);
  EXPECT_LE(connect, pre);
  EXPECT_LE(pre, start);
  EXPECT_LE(start, total);
  EXPECT_GT(total, 0);
  EXPECT_LT(total, 5000000);
  EXPECT_EQ(std::string(e.errbuf), "");
}

TEST_P(Response, ChunkedWithTrailers) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n"
                               "X-Trailer: yes\r\nX-Other: 2\r\n\r\n"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/c"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "hello world");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "\r\n",
                                   "X-Trailer: yes\r\n", "X-Other: 2\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 11);
  EXPECT_EQ(e.info_off(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), -1);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("GET", "/c", s));
}

TEST_P(Response, ChunkedSentSlowly) {
  // The same bytes arriving in 3-byte pieces (every parser state crosses a read).
  ScriptedServer s({Step::expect_request(),
                    Step::send_slowly("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                      "a\r\n0123456789\r\n3\r\nabc\r\n0\r\n\r\n",
                                      3, 1),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/slow"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "0123456789abc");
  // 7.88.1 passes no line for the empty trailer section's final CRLF.
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
}

TEST_P(Response, CloseDelimited) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nX-A: b\r\n\r\nhello world"), Step::close()});
  Easy& e = make_easy(s.url("/close"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "hello world");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "X-A: b\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 11);
  EXPECT_EQ(e.info_off(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), -1);
}

TEST_P(Response, Http10CloseDelimited) {
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.0 200 OK\r\n\r\nold style"), Step::close()});
  Easy& e = make_easy(s.url("/"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "old style");
  EXPECT_EQ(e.info_long(CURLINFO_HTTP_VERSION), CURL_HTTP_VERSION_1_0);
}

TEST_P(Response, HeadWithNobody) {
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"),
       Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"),
       Step::expect_close()});
  Easy& e = make_easy(s.url("/h"));
  e.set(CURLOPT_NOBODY, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "");
  EXPECT_EQ(e.write_calls, 0u);
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Content-Length: 100\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_off(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), 100);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 0);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("HEAD", "/h", s));
  // The connection stays usable: the next request (a GET) goes on it.
  e.set(CURLOPT_NOBODY, 0L);
  e.set(CURLOPT_HTTPGET, 1L);
  e.headers.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "abc");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[1].raw, plain_request("GET", "/h", s));
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_P(Response, NoContentAndNotModifiedHaveNoBody) {
  // 204 and 304 end at the blank line, even with a Content-Length (304), and the
  // connection carries the next request.
  ScriptedServer s({Step::expect_request(), Step::send("HTTP/1.1 204 No Content\r\n\r\n"),
                    Step::expect_request(),
                    Step::send("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"),
                    Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/n"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 204);
  EXPECT_EQ(e.body, "");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 304);
  EXPECT_EQ(e.body, "");
  EXPECT_EQ(e.write_calls, 0u);
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  std::vector<std::string> want = {
      "HTTP/1.1 204 No Content\r\n", "\r\n", "HTTP/1.1 304 Not Modified\r\n",
      "Content-Length: 10\r\n",      "\r\n", "HTTP/1.1 200 OK\r\n",
      "Content-Length: 2\r\n",       "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_P(Response, InterimResponsesBeforeTheFinalOne) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 102 Processing\r\n\r\n"
                               "HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n"
                               "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/i"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  std::vector<std::string> want = {
      "HTTP/1.1 102 Processing\r\n", "\r\n", "HTTP/1.1 103 Early Hints\r\n",
      "Link: </s.css>\r\n",          "\r\n", "HTTP/1.1 200 OK\r\n",
      "Content-Length: 2\r\n",       "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(e.info_long(CURLINFO_HEADER_SIZE), static_cast<long>(e.headers_joined().size()));
}

TEST_P(Response, LargeBodyInWriteChunksOfAtMostMaxWriteSize) {
  std::string big(1 << 20, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(big.size()) +
                               "\r\n\r\n" + big),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/big"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_TRUE(e.body == big) << "body differs (" << e.body.size() << " bytes)";
  std::size_t sum = 0;
  for (std::size_t n : e.write_sizes) {
    EXPECT_GT(n, 0u);
    EXPECT_LE(n, static_cast<std::size_t>(CURL_MAX_WRITE_SIZE));
    sum += n;
  }
  EXPECT_EQ(sum, big.size());
  EXPECT_GE(e.write_sizes.size(), big.size() / CURL_MAX_WRITE_SIZE);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), static_cast<curl_off_t>(big.size()));
}

TEST_P(Response, LargeChunkedBody) {
  std::string body;
  std::string wire;
  for (int i = 0; i < 40; ++i) {
    std::string piece(1000 + i * 997, static_cast<char>('A' + i % 26));
    body += piece;
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx\r\n", piece.size());
    wire += hex + piece + "\r\n";
  }
  wire += "0\r\n\r\n";
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + wire),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/bigc"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_TRUE(e.body == body) << "body differs (" << e.body.size() << " bytes)";
  for (std::size_t n : e.write_sizes) EXPECT_LE(n, static_cast<std::size_t>(CURL_MAX_WRITE_SIZE));
}

TEST_P(Response, LocalhostIsResolved) {
  test::ServerOptions o;
  o.ipv6 = true;
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
       Step::expect_close()},
      o);
  ASSERT_EQ(s.port6(), s.port()) << "no [::1] on the same port";
  std::string url = "http://localhost:" + std::to_string(s.port()) + "/l";
  Easy& e = make_easy(url);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "GET /l HTTP/1.1\r\nHost: localhost:" + std::to_string(s.port()) +
                                     "\r\nAccept: */*\r\n\r\n");
  std::string ip = e.info_str(CURLINFO_PRIMARY_IP);
  EXPECT_TRUE(ip == "127.0.0.1" || ip == "::1") << ip;
  EXPECT_EQ(e.info_str(CURLINFO_EFFECTIVE_URL), url);
}

TEST_P(Response, HeaderOptionPutsHeadersInTheBody) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/hdr"));
  e.set(CURLOPT_HEADER, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Content-Length: 2\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), 2);
}

TEST_P(Response, ResetKeepsTheConnectionButNotTheMethod) {
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
       Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"),
       Step::expect_close()});
  Easy& e = make_easy(s.url("/post"));
  e.set(CURLOPT_POSTFIELDS, "secret=1");
  e.set(CURLOPT_USERAGENT, "agent/1");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  curl_easy_reset(e.get());
  e.install_callbacks();
  e.url(s.url("/get"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "okOK");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[1].raw, plain_request("GET", "/get", s));
}

TEST_P(Response, DuplicatedHandleSendsTheSameRequest) {
  ScriptedServer s(
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
       Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
       Step::expect_close()});
  curl_slist* list = curl_slist_append(nullptr, "X-Dup: yes");
  Easy& e = make_easy(s.url("/dup"));
  e.set(CURLOPT_HTTPHEADER, list);
  e.set(CURLOPT_COPYPOSTFIELDS, "a=b");
  // 7.88.1 cannot duplicate a handle with COPYPOSTFIELDS set (it returns NULL).
  CURL* none = curl_easy_duphandle(e.get());
  EXPECT_EQ(none, nullptr);
  if (none != nullptr) curl_easy_cleanup(none);
  e.set(CURLOPT_POSTFIELDS, "a=b");
  Easy& d = dup_easy(e);
  ASSERT_EQ(run1(d), CURLE_OK) << d.error();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(d.body, "ok");
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, s.requests()[1].raw);
  EXPECT_EQ(s.requests()[0].raw,
            "POST /dup HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port()) +
                "\r\nAccept: */*\r\nX-Dup: yes\r\nContent-Length: 3\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n\r\na=b");
  curl_slist_free_all(list);
}

INSTANTIATE_TEST_SUITE_P(Modes, Response, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
