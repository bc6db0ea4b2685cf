// Tests for src/http/http1_request.h. Every expected head below is the exact byte
// sequence the system libcurl 7.88.1 sent for the same options to a loopback listener
// (with its port written as 8080); see docs/internals/HTTP1.md.
#include "http/http1_request.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace mcurl {
namespace {

// Owns a curl_slist-shaped chain built from string literals.
class Headers {
 public:
  Headers(std::initializer_list<const char*> items) : texts_(items.begin(), items.end()) {
    nodes_.resize(texts_.size());
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      nodes_[i].data = texts_[i].data();
      nodes_[i].next = i + 1 < texts_.size() ? &nodes_[i + 1] : nullptr;
    }
  }
  const curl_slist* list() const { return nodes_.empty() ? nullptr : &nodes_[0]; }

 private:
  std::vector<std::string> texts_;
  std::vector<curl_slist> nodes_;
};

RequestSpec base() {
  RequestSpec s;
  s.target = "/path?q=1";
  s.host = "127.0.0.1:8080";
  return s;
}

std::string head_of(const RequestSpec& s, RequestInfo* info = nullptr) {
  std::string out;
  std::string err;
  EXPECT_EQ(write_request_head(s, out, info, &err), CURLE_OK);
  return out;
}

constexpr const char* kGet =
    "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n";

TEST(Http1Request, PlainGet) {
  RequestInfo info;
  EXPECT_EQ(head_of(base(), &info), kGet);
  EXPECT_FALSE(info.chunked_body);
  EXPECT_FALSE(info.expect_100);
}

TEST(Http1Request, AppendsToExistingOutput) {
  std::string out = "prefix";
  EXPECT_EQ(write_request_head(base(), out, nullptr, nullptr), CURLE_OK);
  EXPECT_EQ(out, std::string("prefix") + kGet);
}

TEST(Http1Request, HeadAndCustomMethod) {
  RequestSpec s = base();
  s.kind = HttpReq::kHead;
  EXPECT_EQ(head_of(s), "HEAD /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n");
  s = base();
  s.method = "DELETE";
  EXPECT_EQ(head_of(s), "DELETE /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n");
}

TEST(Http1Request, PostFields) {
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.content_length = 7;
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 7\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
  EXPECT_FALSE(info.expect_100);
  s.content_length = 0;
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 0\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
  s.method = "PATCH";
  s.content_length = 1;
  EXPECT_EQ(head_of(s),
            "PATCH /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
}

TEST(Http1Request, PostExpectThreshold) {
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.content_length = 1048576;
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 1048576\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
  EXPECT_FALSE(info.expect_100);
  s.content_length = 1048577;
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 1048577\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Expect: 100-continue\r\n\r\n");
  EXPECT_TRUE(info.expect_100);
}

TEST(Http1Request, PostUnknownSizeIsChunked) {
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Expect: 100-continue\r\n\r\n");
  EXPECT_TRUE(info.chunked_body);
  EXPECT_TRUE(info.expect_100);
  s.content_length = 5;  // read callback with POSTFIELDSIZE
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 5\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
  EXPECT_FALSE(info.chunked_body);
}

TEST(Http1Request, Put) {
  RequestSpec s = base();
  s.kind = HttpReq::kPut;
  s.content_length = 5;
  EXPECT_EQ(head_of(s),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  s.content_length = 0;
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 0\r\n\r\n");
  EXPECT_FALSE(info.expect_100);
  s.content_length.reset();
  EXPECT_EQ(head_of(s, &info),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_TRUE(info.chunked_body);
}

TEST(Http1Request, Http10) {
  RequestSpec s = base();
  s.http_version = 10;
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.0\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n\r\n");
  s.kind = HttpReq::kPost;
  s.content_length = 1;
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.0\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
  s.kind = HttpReq::kPut;
  s.content_length = 0;
  EXPECT_EQ(head_of(s),
            "PUT /path?q=1 HTTP/1.0\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 0\r\n\r\n");
  s.content_length.reset();
  std::string out = "keep";
  std::string err;
  EXPECT_EQ(write_request_head(s, out, nullptr, &err), CURLE_UPLOAD_FAILED);
  EXPECT_EQ(err, "Chunky upload is not supported by HTTP 1.0");
  EXPECT_EQ(out, "keep");
}

TEST(Http1Request, SingleOptions) {
  RequestSpec s = base();
  s.user_agent = "myagent/1.0";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: myagent/1.0\r\n"
            "Accept: */*\r\n\r\n");
  s = base();
  s.referer = "http://ref.example/";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Referer: http://ref.example/\r\n\r\n");
  s = base();
  s.range = "0-99";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nRange: bytes=0-99\r\n"
            "Accept: */*\r\n\r\n");
  s = base();
  s.accept_encoding = "deflate, gzip, br, zstd";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Accept-Encoding: deflate, gzip, br, zstd\r\n\r\n");
  s = base();
  s.authorization = "Basic dXNlcjpwYXNz";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            "Authorization: Basic dXNlcjpwYXNz\r\nAccept: */*\r\n\r\n");
  s = base();
  s.cookie = "a=1; b=2";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Cookie: a=1; b=2\r\n\r\n");
  // The jar's cookies first, CURLOPT_COOKIE after them; a custom Cookie header drops
  // only CURLOPT_COOKIE.
  s = base();
  s.cookie_jar = "j=1";
  s.cookie = "o=2";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Cookie: j=1; o=2\r\n\r\n");
  Headers custom{"Cookie: c=3"};
  s.custom_headers = custom.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Cookie: j=1\r\nCookie: c=3\r\n\r\n");
}

TEST(Http1Request, TimeConditions) {
  RequestSpec s = base();
  s.time_condition = TimeCondition::kIfModifiedSince;
  s.time_value = 1700000000;
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "If-Modified-Since: Tue, 14 Nov 2023 22:13:20 GMT\r\n\r\n");
  s.time_condition = TimeCondition::kIfUnmodifiedSince;
  s.time_value = 0;
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT\r\n\r\n");
  s.time_condition = TimeCondition::kLastModified;
  s.time_value = 1;
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Last-Modified: Thu, 01 Jan 1970 00:00:01 GMT\r\n\r\n");
}

TEST(Http1Request, HttpDates) {
  auto date = [](std::int64_t t) {
    std::string s;
    append_http_date(s, t);
    return s;
  };
  EXPECT_EQ(date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(date(951782400), "Tue, 29 Feb 2000 00:00:00 GMT");
  EXPECT_EQ(date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
  EXPECT_EQ(date(4102444799), "Thu, 31 Dec 2099 23:59:59 GMT");
  EXPECT_EQ(date(-62135596800), "Mon, 01 Jan    1 00:00:00 GMT");  // "%4d" pads
}

TEST(Http1Request, AllTogetherInOrder) {
  Headers h{"X-Custom: yes"};
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.content_length = 4;
  s.user_agent = "UA";
  s.referer = "R";
  s.range = "5-";
  s.accept_encoding = "gzip";
  s.authorization = "Basic dTpw";
  s.cookie = "k=v";
  s.time_condition = TimeCondition::kIfModifiedSince;
  s.time_value = 1700000000;
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            "Authorization: Basic dTpw\r\nContent-Range: bytes 5-/4\r\nUser-Agent: UA\r\n"
            "Accept: */*\r\nAccept-Encoding: gzip\r\nReferer: R\r\nCookie: k=v\r\n"
            "If-Modified-Since: Tue, 14 Nov 2023 22:13:20 GMT\r\nX-Custom: yes\r\n"
            "Content-Length: 4\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
}

TEST(Http1Request, ChunkedPostOrder) {
  Headers h{"X: 1"};
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.user_agent = "UA";
  s.referer = "R";
  s.cookie = "k=v";
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: UA\r\n"
            "Accept: */*\r\nReferer: R\r\nTransfer-Encoding: chunked\r\nCookie: k=v\r\n"
            "X: 1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Expect: 100-continue\r\n\r\n");
  s.kind = HttpReq::kPut;
  s.user_agent = {};
  s.range = "1-2";
  EXPECT_EQ(head_of(s),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Range: bytes 1-2/-1\r\n"
            "Accept: */*\r\nReferer: R\r\nTransfer-Encoding: chunked\r\nCookie: k=v\r\n"
            "X: 1\r\nExpect: 100-continue\r\n\r\n");
}

TEST(Http1Request, CustomReplacesAndAdds) {
  Headers h{"Host: other.example", "Accept: text/html", "X-A: 1", "X-A: 2"};
  RequestSpec s = base();
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: other.example\r\nAccept: text/html\r\n"
            "X-A: 1\r\nX-A: 2\r\n\r\n");
  Headers h2{"Accept: text/html", "Host: other"};  // Host still goes first
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\nHost: other\r\nAccept: text/html\r\n\r\n");
  Headers h3{"Accept: a", "accept: b"};
  s.custom_headers = h3.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: a\r\naccept: b\r\n\r\n");
}

TEST(Http1Request, CustomRemoveEmptyAndIgnored) {
  Headers h{"Accept:", "Host:"};
  RequestSpec s = base();
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\n\r\n");
  Headers h2{"X-Empty;",  "NoColon",   "X-Sp: ",     "X-Sp2:   \t", "Y;junk",
             "X-Semi; x", "X-Semi;  ", "X-Semi2;\t", "Z:x"};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nX-Empty:\r\n"
            "Z:x\r\n\r\n");
  Headers h3{": nameless", " Lead: x", "X-Tab:\tv", "x-lower: v", "X;a:b", "Accept : y"};
  s.custom_headers = h3.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n Lead: x\r\n"
            "X-Tab:\tv\r\nx-lower: v\r\nX;a:b\r\nAccept : y\r\n\r\n");
  Headers h4{"Accept;"};
  s.custom_headers = h4.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept:\r\n\r\n");
}

TEST(Http1Request, CustomHostForms) {
  RequestSpec s = base();
  Headers h{"Host;"};
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\nHost:\r\nAccept: */*\r\n\r\n");
  Headers h2{"host:  x "};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\nHost:  x \r\nAccept: */*\r\n\r\n");
  Headers h3{"Host:   "};
  s.custom_headers = h3.list();
  EXPECT_EQ(head_of(s), "GET /path?q=1 HTTP/1.1\r\nHost:   \r\nAccept: */*\r\n\r\n");
}

TEST(Http1Request, CustomUserAgent) {
  RequestSpec s = base();
  s.user_agent = "UA";
  Headers h{"User-Agent: mine"};
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "User-Agent: mine\r\n\r\n");
  Headers h2{"User-Agent:"};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s), kGet);
}

TEST(Http1Request, CustomPostHeaders) {
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.content_length = 3;
  Headers h{"Content-Type: text/plain", "Content-Length: 3"};
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Type: text/plain\r\nContent-Length: 3\r\n\r\n");
  Headers h2{"Content-Type:"};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 3\r\n\r\n");
  Headers h3{"Content-Type;"};
  s.custom_headers = h3.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Type:\r\nContent-Length: 3\r\n\r\n");
  Headers h4{"Expect: 100-continue"};
  s.custom_headers = h4.list();
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Expect: 100-continue\r\nContent-Length: 3\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
  EXPECT_TRUE(info.expect_100);
  Headers h5{"Content-Length: 99", "X: 1"};
  s.custom_headers = h5.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 99\r\nX: 1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "\r\n");
}

TEST(Http1Request, CustomTransferEncodingAndExpect) {
  RequestSpec s = base();
  s.kind = HttpReq::kPut;
  Headers h{"Expect:"};
  s.custom_headers = h.list();
  RequestInfo info;
  EXPECT_EQ(head_of(s, &info),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Transfer-Encoding: chunked\r\n\r\n");
  EXPECT_FALSE(info.expect_100);
  EXPECT_TRUE(info.chunked_body);
  Headers h2{"Transfer-Encoding:"};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s, &info),
            "PUT /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Expect: 100-continue\r\n\r\n");
  EXPECT_FALSE(info.chunked_body);
  // A custom chunked TE on a known-size POST: chunked, no Content-Length, no Expect.
  Headers h3{"Cookie: c=d",
             "Authorization: Bearer t",
             "Range: bytes=9-",
             "Referer: RR",
             "Accept-Encoding: br",
             "If-Modified-Since: yesterday",
             "Transfer-Encoding: chunked"};
  s = base();
  s.kind = HttpReq::kPost;
  s.content_length = 3;
  s.cookie = "k=v";
  s.authorization = "Basic dTpw";
  s.range = "1-2";
  s.referer = "R";
  s.accept_encoding = "gzip";
  s.time_condition = TimeCondition::kIfModifiedSince;
  s.time_value = 1700000000;
  s.custom_headers = h3.list();
  EXPECT_EQ(head_of(s, &info),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Range: bytes 1-2/3\r\n"
            "Accept: */*\r\nCookie: c=d\r\nAuthorization: Bearer t\r\nRange: bytes=9-\r\n"
            "Referer: RR\r\nAccept-Encoding: br\r\nIf-Modified-Since: yesterday\r\n"
            "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "\r\n");
  EXPECT_TRUE(info.chunked_body);
  EXPECT_FALSE(info.expect_100);
  // The same replacements on a GET drop the internal Range too.
  s.kind = HttpReq::kGet;
  s.content_length.reset();
  Headers h4{"Cookie: c=d", "Authorization: Bearer t", "Range: bytes=9-",
             "Referer: RR", "Accept-Encoding: br",     "If-Modified-Since: yesterday"};
  s.custom_headers = h4.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nCookie: c=d\r\n"
            "Authorization: Bearer t\r\nRange: bytes=9-\r\nReferer: RR\r\n"
            "Accept-Encoding: br\r\nIf-Modified-Since: yesterday\r\n\r\n");
}

TEST(Http1Request, CustomChunkedTeWithCookie) {
  Headers h{"Transfer-Encoding: chunked"};
  RequestSpec s = base();
  s.kind = HttpReq::kPost;
  s.cookie = "k=v";
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "POST /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nCookie: k=v\r\n"
            "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Expect: 100-continue\r\n\r\n");
}

TEST(Http1Request, CustomMethodKeepsKind) {
  Headers h{"X: 1"};
  RequestSpec s = base();
  s.method = "OPTIONS";
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "OPTIONS /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nX: 1\r\n\r\n");
  s.kind = HttpReq::kPost;
  s.content_length = 3;
  EXPECT_EQ(head_of(s),
            "OPTIONS /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nX: 1\r\n"
            "Content-Length: 3\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n");
}

TEST(Http1Request, HeadWithCustomLengthAndOthers) {
  Headers h{"Content-Length: 5", "Connection: close", "TE: gzip"};
  RequestSpec s = base();
  s.kind = HttpReq::kHead;
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "HEAD /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Content-Length: 5\r\nConnection: close\r\nTE: gzip\r\n\r\n");
}

TEST(Http1Request, RedirectToOtherHostDropsCredentials) {
  Headers h{"Host: custom", "Authorization: Bearer t", "Cookie: c=d", "X: 1"};
  RequestSpec s = base();
  s.custom_headers = h.list();
  s.redirected_to_other_host = true;
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\nX: 1\r\n\r\n");
}

TEST(Http1Request, FindCustomHeader) {
  Headers h{"Acceptx: 1", "accept;", "Accept: 2"};
  EXPECT_STREQ(find_custom_header(h.list(), "Accept"), "accept;");
  EXPECT_EQ(find_custom_header(h.list(), "Host"), nullptr);
  EXPECT_EQ(find_custom_header(nullptr, "Host"), nullptr);
}

// CURLOPT_TRANSFER_ENCODING (heads sent by 7.88.1 with ACCEPT_ENCODING "").
TEST(Http1Request, TransferEncodingAsksForGzip) {
  RequestSpec s = base();
  s.transfer_encoding = true;
  s.accept_encoding = "deflate, gzip";
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Connection: TE\r\nTE: gzip\r\nAccept-Encoding: deflate, gzip\r\n\r\n");
}

TEST(Http1Request, TransferEncodingMergesCustomConnection) {
  RequestSpec s = base();
  s.transfer_encoding = true;
  Headers h{"Connection: keep-alive", "X-A: b"};
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Connection: keep-alive, TE\r\nTE: gzip\r\nX-A: b\r\n\r\n");
  // Leading blanks of the value go, trailing ones stay (7.88.1).
  Headers h2{"connection:   close  "};
  s.custom_headers = h2.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "Connection: close  , TE\r\nTE: gzip\r\n\r\n");
  // The removal and empty forms leave "Connection: TE".
  for (const char* c : {"Connection:", "Connection;"}) {
    Headers h3{c};
    s.custom_headers = h3.list();
    EXPECT_EQ(head_of(s),
              "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
              "Connection: TE\r\nTE: gzip\r\n\r\n")
        << c;
  }
}

TEST(Http1Request, CustomTeHeaderWins) {
  RequestSpec s = base();
  s.transfer_encoding = true;
  Headers h{"TE: foo", "Connection: close"};
  s.custom_headers = h.list();
  EXPECT_EQ(head_of(s),
            "GET /path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: */*\r\n"
            "TE: foo\r\nConnection: close\r\n\r\n");
}

}  // namespace
}  // namespace mcurl
