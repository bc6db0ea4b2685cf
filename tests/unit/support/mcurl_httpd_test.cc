// Tests of tools/mcurl_httpd, run as a subprocess and spoken to with plain sockets.
#include "socket_client.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <memory>

namespace mcurl::test {
namespace {

using Clock = std::chrono::steady_clock;

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

class Httpd : public ::testing::Test {
 protected:
  void start(std::vector<std::string> extra = {}) {
    std::vector<std::string> argv = {MCURL_HTTPD_PATH, "--port", "0"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    child_ = std::make_unique<Child>(argv);
    port_ = parse_port_line(child_->read_line(5000));
    ASSERT_NE(port_, 0);
  }
  void SetUp() override { start(); }
  std::string get(const std::string& target, const std::string& extra_headers = "",
                  const std::string& version = "HTTP/1.1") {
    return "GET " + target + " " + version + "\r\nHost: x\r\n" + extra_headers + "\r\n";
  }
  std::unique_ptr<Child> child_;
  std::uint16_t port_ = 0;
};

TEST_F(Httpd, BytesOfEverySizeOnOneKeepAliveConnection) {
  Client c(port_);
  for (std::size_t n : {0ul, 1ul, 26ul, 65535ul, 65536ul, 65537ul, 1000000ul, 3000001ul}) {
    ASSERT_TRUE(c.send(get("/bytes/" + std::to_string(n))));
    Response r = read_response(c, 10000);
    ASSERT_TRUE(r.ok) << n;
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("Content-Length"), std::to_string(n));
    EXPECT_EQ(r.header("Connection"), "");
    EXPECT_EQ(r.body.size(), n);
    EXPECT_TRUE(r.body == pattern(n)) << "body of /bytes/" << n;
    EXPECT_TRUE(c.buffer().empty());  // nothing beyond the body
  }
  EXPECT_FALSE(c.readable(50));  // still open
}

// Inflates a whole gzip (windowBits 31) or zlib (15) body.
std::string inflate_all(const std::string& in, int window_bits) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, window_bits), Z_OK);
  std::string out;
  char buf[65536];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(z.avail_in, 0u);
  inflateEnd(&z);
  return out;
}

TEST_F(Httpd, GzipAndDeflateBodies) {
  Client c(port_);
  for (std::size_t n : {0ul, 1ul, 100000ul, 5000000ul}) {
    for (const char* kind : {"gzip", "deflate"}) {
      for (int again = 0; again < 2; ++again) {  // the second answer comes from the cache
        ASSERT_TRUE(c.send(get(std::string("/") + kind + "/" + std::to_string(n))));
        Response r = read_response(c, 10000);
        ASSERT_TRUE(r.ok) << kind << n;
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.header("Content-Encoding"), kind);
        EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
        EXPECT_TRUE(inflate_all(r.body, kind[0] == 'g' ? 31 : 15) == pattern(n)) << kind << n;
        if (n >= 100000) {
          EXPECT_LT(r.body.size(), n / 50);
        }
      }
    }
  }
  ASSERT_TRUE(c.send(get("/gzip/99999999999")));
  Response r = read_response(c, 10000);
  EXPECT_EQ(r.status, 400);
}

TEST_F(Httpd, ConnectionCloseIsHonoured) {
  Client c(port_);
  ASSERT_TRUE(c.send(get("/bytes/10", "Connection: close\r\n")));
  Response r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("Connection"), "close");
  EXPECT_EQ(r.body, "abcdefghij");
  EXPECT_TRUE(c.read_until_close(5000));
  EXPECT_TRUE(c.eof());
}

TEST_F(Httpd, Http10ClosesUnlessKeepAliveIsAsked) {
  {
    Client c(port_);
    ASSERT_TRUE(c.send(get("/bytes/3", "", "HTTP/1.0")));
    Response r = read_response(c);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.body, "abc");
    EXPECT_TRUE(c.read_until_close(5000));
    EXPECT_TRUE(c.eof());
  }
  Client c(port_);
  ASSERT_TRUE(c.send(get("/bytes/3", "Connection: keep-alive\r\n", "HTTP/1.0")));
  ASSERT_TRUE(read_response(c).ok);
  ASSERT_TRUE(c.send(get("/bytes/4", "Connection: keep-alive\r\n", "HTTP/1.0")));
  Response r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "abcd");
}

TEST_F(Httpd, ChunkedBodies) {
  Client c(port_);
  for (std::size_t n : {0ul, 5ul, 16384ul, 40000ul, 65537ul, 500000ul}) {
    ASSERT_TRUE(c.send(get("/chunked/" + std::to_string(n))));
    Response r = read_response(c, 10000);
    ASSERT_TRUE(r.ok) << n;
    EXPECT_TRUE(r.chunked);
    EXPECT_EQ(r.header("Content-Length"), "");
    EXPECT_EQ(r.body.size(), n);
    EXPECT_TRUE(r.body == pattern(n)) << "body of /chunked/" << n;
    EXPECT_TRUE(c.buffer().empty());
  }
  // Exact framing of a small one.
  ASSERT_TRUE(c.send(get("/chunked/3")));
  ASSERT_TRUE(c.read_at_least(1, 5000));
  while (c.buffer().find("0\r\n\r\n") == std::string::npos) ASSERT_GT(c.read_some(5000), 0);
  std::string b = c.buffer();
  EXPECT_EQ(b.substr(b.find("\r\n\r\n") + 4), "3\r\nabc\r\n0\r\n\r\n");
}

TEST_F(Httpd, ChunkedForHttp10IsCloseDelimited) {
  Client c(port_);
  ASSERT_TRUE(c.send(get("/chunked/100", "", "HTTP/1.0")));
  Response r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_FALSE(r.chunked);
  EXPECT_EQ(r.header("Content-Length"), "");
  EXPECT_EQ(r.body, pattern(100));
}

TEST_F(Httpd, StatusRedirectRootAndNotFound) {
  Client c(port_);
  ASSERT_TRUE(c.send(get("/status/404")));
  Response r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "status 404\n");
  ASSERT_TRUE(c.send(get("/status/204")));
  r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.head.find("Content-Length"), std::string::npos);
  ASSERT_TRUE(c.send(get("/redirect/2")));
  r = read_response(c);
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("Location"), "/redirect/1");
  EXPECT_EQ(r.header("Content-Length"), "0");
  ASSERT_TRUE(c.send(get("/redirect/0")));
  r = read_response(c);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "redirected\n");
  ASSERT_TRUE(c.send(get("/")));
  r = read_response(c);
  EXPECT_EQ(r.body, "mcurl_httpd\n");
  ASSERT_TRUE(c.send(get("/nope?x=1")));
  r = read_response(c);
  EXPECT_EQ(r.status, 404);
  ASSERT_TRUE(c.send(get("/status/99")));
  r = read_response(c);
  EXPECT_EQ(r.status, 400);
}

TEST_F(Httpd, EchoContentLengthAndChunked) {
  Client c(port_);
  ASSERT_TRUE(c.send("POST /echo HTTP/1.1\r\nContent-Length: 11\r\n\r\nhello"));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(c.send(" world"));
  Response r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "hello world");
  ASSERT_TRUE(
      c.send("POST /echo HTTP/1.1\r\nTransfer-Encoding: "
             "chunked\r\n\r\n3;x\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "abcde");
  std::string big(300000, 'q');
  ASSERT_TRUE(c.send("PUT /echo HTTP/1.1\r\nContent-Length: 300000\r\n\r\n" + big));
  r = read_response(c, 10000);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.body == big);
}

TEST_F(Httpd, HeadGetsHeadersOnly) {
  Client c(port_);
  ASSERT_TRUE(c.send("HEAD /bytes/1000 HTTP/1.1\r\n\r\n"));
  Response r = read_response(c, 5000, true);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.header("Content-Length"), "1000");
  ASSERT_TRUE(c.send(get("/bytes/2")));  // the next response starts right after
  r = read_response(c);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "ab");
}

TEST_F(Httpd, SlowDoesNotBlockOtherConnections) {
  Client slow(port_);
  auto t0 = Clock::now();
  ASSERT_TRUE(slow.send(get("/slow/600")));
  Client fast(port_);
  ASSERT_TRUE(fast.send(get("/bytes/1")));
  ASSERT_TRUE(read_response(fast).ok);
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count(), 500);
  Response r = read_response(slow);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "slow 600\n");
  EXPECT_GE(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count(), 595);
  // The connection stays usable.
  ASSERT_TRUE(slow.send(get("/bytes/1")));
  EXPECT_TRUE(read_response(slow).ok);
}

TEST_F(Httpd, HalfClosedClientStillGetsItsResponses) {
  Client c(port_);
  ASSERT_TRUE(c.send(get("/bytes/200000")));
  ::shutdown(c.fd(), SHUT_WR);
  Response r = read_response(c, 10000);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body.size(), 200000u);
  EXPECT_TRUE(c.read_until_close(5000));
  EXPECT_TRUE(c.eof());
  Client d(port_);
  ASSERT_TRUE(d.send(get("/slow/50")));
  ::shutdown(d.fd(), SHUT_WR);
  r = read_response(d);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.body, "slow 50\n");
  EXPECT_TRUE(d.read_until_close(5000));
  EXPECT_TRUE(d.eof());
}

TEST_F(Httpd, BadRequestsGet400AndClose) {
  Client c(port_);
  ASSERT_TRUE(c.send("NONSENSE\r\n\r\n"));
  Response r = read_response(c);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(c.read_until_close(5000));
  Client d(port_);
  ASSERT_TRUE(d.send("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n"));
  r = read_response(d);
  EXPECT_EQ(r.status, 400);
}

TEST_F(Httpd, ManyConcurrentConnections) {
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 1000; ++i) {
    clients.push_back(std::make_unique<Client>(port_));
    ASSERT_GE(clients.back()->fd(), 0) << i;
  }
  for (auto& c : clients) ASSERT_TRUE(c->send(get("/bytes/100")));
  for (auto& c : clients) {
    Response r = read_response(*c);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.body.size(), 100u);
  }
}

TEST_F(Httpd, SigtermExitsCleanly) {
  Client c(port_);  // an open connection does not hold it up
  ::kill(child_->pid(), SIGTERM);
  int st = child_->wait(5000);
  ASSERT_NE(st, -1);
  EXPECT_TRUE(WIFEXITED(st));
  EXPECT_EQ(WEXITSTATUS(st), 0);
  EXPECT_TRUE(c.read_until_close(2000));
}

TEST_F(Httpd, StdinEofExitsOnlyWhenAsked) {
  child_->close_stdin();
  EXPECT_EQ(child_->wait(300), -1);  // still serving
  Client c(port_);
  ASSERT_TRUE(c.send(get("/bytes/1")));
  EXPECT_TRUE(read_response(c).ok);

  start({"--exit-on-stdin-eof", "--threads", "2"});
  Client d(port_);
  ASSERT_TRUE(d.send(get("/bytes/7")));
  EXPECT_EQ(read_response(d).body, "abcdefg");
  child_->close_stdin();
  int st = child_->wait(5000);
  ASSERT_NE(st, -1);
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

}  // namespace
}  // namespace mcurl::test
