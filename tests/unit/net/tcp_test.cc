// Tests for src/net/tcp.h: sockaddr_to_text against the C library's inet_ntop.
#include "net/tcp.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace mcurl {
namespace {

std::string libc_text(const sockaddr_in& in) {
  char buf[INET_ADDRSTRLEN] = "";
  inet_ntop(AF_INET, &in.sin_addr, buf, sizeof(buf));
  return buf;
}

sockaddr_in v4(unsigned a, unsigned b, unsigned c, unsigned d, int port) {
  sockaddr_in in;
  std::memset(&in, 0, sizeof(in));
  in.sin_family = AF_INET;
  in.sin_port = htons(static_cast<std::uint16_t>(port));
  in.sin_addr.s_addr = htonl((a << 24) | (b << 16) | (c << 8) | d);
  return in;
}

TEST(TcpTest, Ipv4TextMatchesInetNtopForEveryOctetValue) {
  for (unsigned v = 0; v < 256; ++v) {
    for (int pos = 0; pos < 4; ++pos) {
      unsigned o[4] = {127, 0, 0, 1};
      o[pos] = v;
      sockaddr_in in = v4(o[0], o[1], o[2], o[3], 8080);
      std::string ip = "stale";
      long port = -1;
      sockaddr_to_text(reinterpret_cast<const sockaddr*>(&in), ip, port);
      ASSERT_EQ(ip, libc_text(in)) << "octet " << pos << " = " << v;
      ASSERT_EQ(port, 8080);
    }
  }
}

TEST(TcpTest, Ipv6AndUnknownFamilies) {
  sockaddr_in6 in6;
  std::memset(&in6, 0, sizeof(in6));
  in6.sin6_family = AF_INET6;
  in6.sin6_port = htons(443);
  in6.sin6_addr = in6addr_loopback;
  std::string ip;
  long port = 0;
  sockaddr_to_text(reinterpret_cast<const sockaddr*>(&in6), ip, port);
  EXPECT_EQ(ip, "::1");
  EXPECT_EQ(port, 443);

  sockaddr other;
  std::memset(&other, 0, sizeof(other));
  other.sa_family = AF_UNIX;
  ip = "stale";
  port = 7;
  sockaddr_to_text(&other, ip, port);
  EXPECT_EQ(ip, "");
  EXPECT_EQ(port, 0);
}

}  // namespace
}  // namespace mcurl
