// Requests with bodies and custom heads, over the three drive modes: POSTFIELDS,
// POSTFIELDSIZE, a chunked POST from a read callback, PUT, Expect: 100-continue (answered,
// refused with 417, ignored until the timeout), CUSTOMREQUEST and HTTPHEADER. The
// request bytes the server received are compared byte for byte with what libcurl 7.88.1
// sends.
#include "harness.h"

namespace mcurl::itest {
namespace {

using Clock = std::chrono::steady_clock;

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

// Feeds a read callback from a string, at most `piece` bytes per call.
struct ReadSource {
  std::string data;
  std::size_t piece = 1 << 20;
  std::size_t pos = 0;
  std::size_t calls = 0;

  static std::size_t cb(char* buf, std::size_t size, std::size_t n, void* ud) {
    ReadSource* r = static_cast<ReadSource*>(ud);
    ++r->calls;
    std::size_t take = std::min({size * n, r->piece, r->data.size() - r->pos});
    std::memcpy(buf, r->data.data() + r->pos, take);
    r->pos += take;
    return take;
  }
  void install(Easy& e) {
    e.set(CURLOPT_READFUNCTION, &ReadSource::cb);
    e.set(CURLOPT_READDATA, this);
  }
};

// Owns a curl_slist.
struct Slist {
  curl_slist* list = nullptr;
  Slist(std::initializer_list<const char*> items) {
    for (const char* s : items) list = curl_slist_append(list, s);
  }
  ~Slist() { curl_slist_free_all(list); }
};

long ms_since(Clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

class Request : public ModeTest {
 protected:
  std::string host(const ScriptedServer& s) const {
    return "Host: 127.0.0.1:" + std::to_string(s.port()) + "\r\n";
  }
};

TEST_P(Request, PostFields) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/p"));
  e.set(CURLOPT_POSTFIELDS, "a=1&b=two");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  std::string want = "POST /p HTTP/1.1\r\n" + host(s) +
                     "Accept: */*\r\nContent-Length: 9\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n\r\na=1&b=two";
  EXPECT_EQ(s.requests()[0].raw, want);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_UPLOAD_T), 9);
  EXPECT_EQ(e.info_long(CURLINFO_REQUEST_SIZE), static_cast<long>(want.size()));
}

TEST_P(Request, PostFieldsWithSizeAndBinaryBytes) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  static const char kData[] = {'a', '\0', 'b', '\r', '\n', 'c', 'x', 'x'};
  Easy& e = make_easy(s.url("/bin"));
  e.set(CURLOPT_POSTFIELDS, kData);
  e.set(CURLOPT_POSTFIELDSIZE, 6L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  std::string want = "POST /bin HTTP/1.1\r\n" + host(s) +
                     "Accept: */*\r\nContent-Length: 6\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n\r\n" +
                     std::string(kData, 6);
  EXPECT_EQ(s.requests()[0].raw, want);
}

TEST_P(Request, CopyPostFieldsEmptyBody) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/empty"));
  e.set(CURLOPT_COPYPOSTFIELDS, "");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "POST /empty HTTP/1.1\r\n" + host(s) +
                                     "Accept: */*\r\nContent-Length: 0\r\n"
                                     "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
}

TEST_P(Request, PostFromReadCallbackIsChunked) {
  ScriptedServer s({Step::expect_request(true), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/chunk"));
  ReadSource src{"hello world, in pieces", 5};
  src.install(e);
  e.set(CURLOPT_POST, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  auto r = s.requests()[0];
  EXPECT_TRUE(r.chunked);
  EXPECT_EQ(r.body, "hello world, in pieces");
  EXPECT_EQ(r.head, "POST /chunk HTTP/1.1\r\n" + host(s) +
                        "Accept: */*\r\nTransfer-Encoding: chunked\r\n"
                        "Content-Type: application/x-www-form-urlencoded\r\n"
                        "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(r.raw, r.head +
                       "5\r\nhello\r\n5\r\n worl\r\n5\r\nd, in\r\n5\r\n piec\r\n2\r\nes\r\n"
                       "0\r\n\r\n");
}

TEST_P(Request, ChunkedUploadSizeCountsTheFraming) {
  ScriptedServer s({Step::expect_request(true), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/chunk"));
  ReadSource src{"hello world, in pieces", 5};
  src.install(e);
  e.set(CURLOPT_POST, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  // 7.88.1 counts the chunk framing too: the 52 bytes after the head.
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_UPLOAD_T), 52);
}

TEST_P(Request, PutWithInfileSize) {
  ScriptedServer s({Step::expect_request(true), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/u"));
  ReadSource src{"hello world"};
  src.install(e);
  e.set(CURLOPT_UPLOAD, 1L);
  e.set(CURLOPT_INFILESIZE, 11L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "PUT /u HTTP/1.1\r\n" + host(s) +
                                     "Accept: */*\r\nContent-Length: 11\r\n"
                                     "Expect: 100-continue\r\n\r\nhello world");
  std::vector<std::string> want = {"HTTP/1.1 100 Continue\r\n", "\r\n", "HTTP/1.1 200 OK\r\n",
                                   "Content-Length: 2\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_UPLOAD_T), 11);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
}

TEST_P(Request, ExpectContinueAnsweredGoesOnAtOnce) {
  ScriptedServer s({Step::expect_request(true), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/e"));
  ReadSource src{std::string(3000, 'z')};
  src.install(e);
  e.set(CURLOPT_UPLOAD, 1L);
  e.set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(3000));
  auto t0 = Clock::now();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_LT(ms_since(t0), 900) << "waited for the 100-continue timeout";
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].body, std::string(3000, 'z'));
}

TEST_P(Request, ExpectContinueServerSilentSendsBodyAfterTimeout) {
  ScriptedServer s({Step::expect_request(false), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/silent"));
  ReadSource src{"late body"};
  src.install(e);
  e.set(CURLOPT_UPLOAD, 1L);
  e.set(CURLOPT_INFILESIZE, 9L);
  auto t0 = Clock::now();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  long ms = ms_since(t0);
  EXPECT_GE(ms, 950) << "the body went before the 1 s Expect timeout";
  EXPECT_LT(ms, 2500);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "PUT /silent HTTP/1.1\r\n" + host(s) +
                                     "Accept: */*\r\nContent-Length: 9\r\n"
                                     "Expect: 100-continue\r\n\r\nlate body");
  std::vector<std::string> want = {"HTTP/1.1 200 OK\r\n", "Content-Length: 2\r\n", "\r\n"};
  EXPECT_EQ(e.headers, want);
}

TEST_P(Request, ExpectContinueRefusedWith417SendsNoBody) {
  // The server answers before reading anything; the client must not send the body.
  const std::string k417 =
      "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnope";
  ScriptedServer s(std::vector<test::Script>{{Step::send(k417), Step::expect_close()}});
  Easy& e = make_easy(s.url("/refuse"));
  ReadSource src{"unwanted body"};
  src.install(e);
  e.set(CURLOPT_UPLOAD, 1L);
  e.set(CURLOPT_INFILESIZE, 13L);
  auto t0 = Clock::now();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_LT(ms_since(t0), 900);
  EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 417);
  EXPECT_EQ(e.body, "nope");
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_UPLOAD_T), 0);
  ASSERT_TRUE(s.wait_for_finished(1, 5s));
  auto conns = s.connections();
  ASSERT_EQ(conns.size(), 1u);
  EXPECT_EQ(conns[0].unexpected, "PUT /refuse HTTP/1.1\r\n" + host(s) +
                                     "Accept: */*\r\nContent-Length: 13\r\n"
                                     "Expect: 100-continue\r\n\r\n");
}

TEST_P(Request, CustomRequest) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/d"));
  e.set(CURLOPT_CUSTOMREQUEST, "DELETE");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  e.set(CURLOPT_CUSTOMREQUEST, "PATCH");
  e.set(CURLOPT_POSTFIELDS, "{}");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, "DELETE /d HTTP/1.1\r\n" + host(s) + "Accept: */*\r\n\r\n");
  EXPECT_EQ(s.requests()[1].raw, "PATCH /d HTTP/1.1\r\n" + host(s) +
                                     "Accept: */*\r\nContent-Length: 2\r\n"
                                     "Content-Type: application/x-www-form-urlencoded\r\n\r\n{}");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
}

TEST_P(Request, HttpHeaderAddReplaceEmpty) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/h"));
  Slist l{"Accept: text/html", "X-Foo: bar", "X-Empty;", "X-Ignored:", "User-Agent: tester/1"};
  e.set(CURLOPT_HTTPHEADER, l.list);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "GET /h HTTP/1.1\r\n" + host(s) +
                                     "Accept: text/html\r\nX-Foo: bar\r\nX-Empty:\r\n"
                                     "User-Agent: tester/1\r\n\r\n");
}

TEST_P(Request, HttpHeaderRemovesDefaults) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/r"));
  Slist l{"Accept:", "Host:", "Content-Type:", "Expect:"};
  e.set(CURLOPT_HTTPHEADER, l.list);
  e.set(CURLOPT_POSTFIELDS, "q");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, "POST /r HTTP/1.1\r\nContent-Length: 1\r\n\r\nq");
}

TEST_P(Request, HttpHeaderReplacesHostAndUserAgentOption) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/v"));
  Slist l{"Host: example.test", "X-Last: 1"};
  e.set(CURLOPT_HTTPHEADER, l.list);
  e.set(CURLOPT_USERAGENT, "agent/2");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw,
            "GET /v HTTP/1.1\r\nHost: example.test\r\nUser-Agent: agent/2\r\n"
            "Accept: */*\r\nX-Last: 1\r\n\r\n");
}

INSTANTIATE_TEST_SUITE_P(Modes, Request, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
