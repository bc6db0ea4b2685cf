// Tests for src/net/socks.h: the SOCKS4/4a/5/5h handshake without I/O (bytes out, exact
// reads in, local resolution, 7.88.1's error codes and texts).
#include "net/socks.h"

#include <gtest/gtest.h>

#include <string>

namespace mcurl {
namespace {

using Want = SocksHandshake::Want;

SocksParams params(SocksVersion v, const char* host = "origin.example", int port = 80) {
  SocksParams p;
  p.version = v;
  p.host = host;
  p.port = port;
  p.auth = CURLAUTH_BASIC;
  return p;
}

// Takes everything the handshake wants to send.
std::string drain(SocksHandshake& h) {
  EXPECT_EQ(h.want(), Want::kSend);
  std::string out(h.pending());
  h.sent(out.size());
  return out;
}

void feed(SocksHandshake& h, const std::string& bytes) {
  ASSERT_EQ(h.want(), Want::kRecv);
  ASSERT_LE(bytes.size(), h.want_bytes());
  h.received(bytes.data(), bytes.size());
}

AddressList one_address(const char* ip, int port) {
  AddressList l;
  l.push_back(*parse_address_strict(ip, port));
  return l;
}

TEST(SocksVersionTest, SchemesAndTypes) {
  SocksVersion v;
  EXPECT_TRUE(socks_version_for_scheme("SOCKS5H", &v));
  EXPECT_EQ(v, SocksVersion::V5h);
  EXPECT_TRUE(socks_version_for_scheme("socks", &v));
  EXPECT_EQ(v, SocksVersion::V4);
  EXPECT_FALSE(socks_version_for_scheme("http", &v));
  EXPECT_TRUE(socks_version_for_type(CURLPROXY_SOCKS4A, &v));
  EXPECT_EQ(v, SocksVersion::V4a);
  EXPECT_FALSE(socks_version_for_type(CURLPROXY_HTTP, &v));
}

TEST(SocksHandshakeTest, Socks5hWithoutCredentials) {
  SocksHandshake h(params(SocksVersion::V5h));
  EXPECT_EQ(drain(h), std::string("\x05\x01\x00", 3));
  feed(h, std::string("\x05\x00", 2));
  EXPECT_EQ(drain(h), std::string("\x05\x01\x00\x03\x0eorigin.example\x00\x50", 21));
  EXPECT_EQ(h.want_bytes(), 10u);
  // A name in the reply: the rest is asked for exactly.
  feed(h, std::string("\x05\x00\x00\x03\x05"
                      "abcde",
                      10));
  EXPECT_EQ(h.want_bytes(), 2u);
  feed(h, std::string("\x00\x50", 2));
  EXPECT_EQ(h.want_bytes(), 0u);
  EXPECT_EQ(h.want(), Want::kDone);
}

TEST(SocksHandshakeTest, Socks5UserPassword) {
  SocksParams p = params(SocksVersion::V5, "localhost", 8080);
  p.has_credentials = true;
  p.user = "us";
  p.password = "pw";
  SocksHandshake h(p);
  EXPECT_EQ(drain(h), std::string("\x05\x02\x00\x02", 4));
  feed(h, std::string("\x05\x02", 2));
  EXPECT_EQ(drain(h), std::string("\x01\x02us\x02pw", 7));
  feed(h, std::string("\x01\x00", 2));
  // socks5://: the client resolves, after the method exchange.
  ASSERT_EQ(h.want(), Want::kAddress);
  h.set_address(one_address("127.0.0.1", 8080));
  EXPECT_EQ(drain(h), std::string("\x05\x01\x00\x01\x7f\x00\x00\x01\x1f\x90", 10));
  feed(h, std::string("\x05\x00\x00\x04", 4));
  EXPECT_EQ(h.want_bytes(), 6u);  // the first ten bytes, then the rest of the IPv6 form
  feed(h, std::string(6, '\0'));
  EXPECT_EQ(h.want_bytes(), 12u);
  feed(h, std::string(12, '\0'));
  EXPECT_EQ(h.want(), Want::kDone);
}

TEST(SocksHandshakeTest, Socks5Errors) {
  struct Case {
    std::string method_reply;
    CURLproxycode code;
    const char* text;
  } cases[] = {
      {std::string("\x04\x00", 2), CURLPX_BAD_VERSION,
       "Received invalid version in initial SOCKS5 response."},
      {std::string("\x05\xff", 2), CURLPX_NO_AUTH, "No authentication method was acceptable."},
      {std::string("\x05\x01", 2), CURLPX_GSSAPI_PERMSG,
       "SOCKS5 GSSAPI per-message authentication is not supported."},
      {std::string("\x05\x03", 2), CURLPX_UNKNOWN_MODE,
       "Undocumented SOCKS5 mode attempted to be used by server."},
  };
  for (const Case& c : cases) {
    SocksHandshake h(params(SocksVersion::V5h));
    drain(h);
    feed(h, c.method_reply);
    EXPECT_EQ(h.want(), Want::kFailed);
    EXPECT_EQ(h.error(), c.code);
    EXPECT_EQ(h.error_text(), c.text);
  }
  const CURLproxycode reps[] = {CURLPX_OK,
                                CURLPX_REPLY_GENERAL_SERVER_FAILURE,
                                CURLPX_REPLY_NOT_ALLOWED,
                                CURLPX_REPLY_NETWORK_UNREACHABLE,
                                CURLPX_REPLY_HOST_UNREACHABLE,
                                CURLPX_REPLY_CONNECTION_REFUSED,
                                CURLPX_REPLY_TTL_EXPIRED,
                                CURLPX_REPLY_COMMAND_NOT_SUPPORTED,
                                CURLPX_REPLY_ADDRESS_TYPE_NOT_SUPPORTED,
                                CURLPX_REPLY_UNASSIGNED};
  for (int rep = 1; rep <= 9; ++rep) {
    SocksHandshake h(params(SocksVersion::V5h));
    drain(h);
    feed(h, std::string("\x05\x00", 2));
    drain(h);
    std::string reply("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10);
    reply[1] = static_cast<char>(rep);
    feed(h, reply);
    EXPECT_EQ(h.error(), reps[rep]);
    EXPECT_EQ(h.error_text(),
              "Can't complete SOCKS5 connection to origin.example. (" + std::to_string(rep) + ")");
  }
}

TEST(SocksHandshakeTest, LengthLimits) {
  SocksHandshake long5(params(SocksVersion::V5h, std::string(256, 'a').c_str()));
  EXPECT_EQ(long5.error(), CURLPX_LONG_HOSTNAME);
  SocksHandshake ok5(params(SocksVersion::V5h, std::string(255, 'a').c_str()));
  EXPECT_EQ(ok5.want(), Want::kSend);
  SocksHandshake long4a(params(SocksVersion::V4a, std::string(255, 'a').c_str()));
  EXPECT_EQ(long4a.error(), CURLPX_LONG_HOSTNAME);
  EXPECT_EQ(long4a.error_text(), "SOCKS4: too long host name");

  SocksParams p = params(SocksVersion::V5);
  p.has_credentials = true;
  p.user = std::string(256, 'u');
  SocksHandshake u(p);
  drain(u);
  feed(u, std::string("\x05\x02", 2));
  EXPECT_EQ(u.error(), CURLPX_LONG_USER);
  p.user = "u";
  p.password = std::string(256, 'p');
  SocksHandshake pw(p);
  drain(pw);
  feed(pw, std::string("\x05\x02", 2));
  EXPECT_EQ(pw.error(), CURLPX_LONG_PASSWD);
}

TEST(SocksHandshakeTest, Socks4And4a) {
  SocksParams p = params(SocksVersion::V4, "localhost", 8080);
  p.has_credentials = true;
  p.user = "alice";
  SocksHandshake h(p);
  ASSERT_EQ(h.want(), Want::kAddress);
  h.set_address(one_address("127.0.0.1", 8080));
  EXPECT_EQ(drain(h), std::string("\x04\x01\x1f\x90\x7f\x00\x00\x01"
                                  "alice\x00",
                                  14));
  feed(h, std::string("\x00\x5b\x1f\x90\x01\x02\x03\x04", 8));
  EXPECT_EQ(h.error(), CURLPX_REQUEST_FAILED);
  EXPECT_EQ(h.error_text(),
            "Can't complete SOCKS4 connection to 1.2.3.4:8080. (91), request rejected or failed.");

  SocksHandshake v6(params(SocksVersion::V4, "::1"));
  v6.set_address(one_address("::1", 80));
  EXPECT_EQ(v6.error(), CURLPX_RESOLVE_HOST);
  EXPECT_EQ(v6.error_text(), "SOCKS4 connection to ::1 not supported");

  SocksHandshake a(params(SocksVersion::V4a));
  EXPECT_EQ(drain(a), std::string("\x04\x01\x00\x50\x00\x00\x00\x01\x00origin.example\x00", 24));
  feed(a, std::string("\x00\x5a", 2));
  EXPECT_EQ(a.want_bytes(), 6u);
  a.received("", 0);
  EXPECT_EQ(a.error(), CURLPX_CLOSED);
  EXPECT_EQ(a.error_text(), "connection to proxy closed");
}

TEST(SocksHandshakeTest, IoFailuresNameThePhase) {
  SocksHandshake h(params(SocksVersion::V5h));
  drain(h);
  h.io_failed("Recv failure: Connection reset by peer");
  EXPECT_EQ(h.error(), CURLPX_RECV_CONNECT);
  SocksHandshake r(params(SocksVersion::V5h));
  drain(r);
  feed(r, std::string("\x05\x00", 2));
  drain(r);
  r.io_failed("Recv failure: Connection reset by peer");
  EXPECT_EQ(r.error(), CURLPX_RECV_REQACK);
  EXPECT_EQ(r.error_text(), "Recv failure: Connection reset by peer");
}

}  // namespace
}  // namespace mcurl
