// Tests for src/net/address.h: Address, AddressList, numeric parsing, localhost names.
#include "net/address.h"

#include <gtest/gtest.h>
#include <net/if.h>
#include <netdb.h>

#include <cstring>
#include <string>
#include <vector>

namespace mcurl {
namespace {

Address v4(const char* text, int port = 0) { return *parse_address_strict(text, port); }

std::vector<std::string> ips(const AddressList& list) {
  std::vector<std::string> out;
  for (const Address& a : list) out.push_back(a.ip_string());
  return out;
}

TEST(AddressTest, DefaultIsEmpty) {
  Address a;
  EXPECT_EQ(a.family(), AF_UNSPEC);
  EXPECT_EQ(a.length(), 0u);
  EXPECT_EQ(a.port(), 0);
  EXPECT_EQ(a.ip_string(), "");
}

TEST(AddressTest, FromSockaddrChecksFamilyAndLength) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(80);
  in.sin_addr.s_addr = htonl(0x7f000001);
  auto a = Address::from_sockaddr(reinterpret_cast<sockaddr*>(&in), sizeof(in));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->family(), AF_INET);
  EXPECT_EQ(a->length(), sizeof(sockaddr_in));
  EXPECT_EQ(a->port(), 80);
  EXPECT_EQ(a->ip_string(), "127.0.0.1");
  EXPECT_FALSE(Address::from_sockaddr(reinterpret_cast<sockaddr*>(&in), sizeof(in) - 1));
  EXPECT_FALSE(Address::from_sockaddr(nullptr, sizeof(in)));
  sockaddr un{};
  un.sa_family = AF_UNIX;
  EXPECT_FALSE(Address::from_sockaddr(&un, sizeof(un)));
}

TEST(AddressTest, SetPortBothFamilies) {
  Address a = v4("10.1.2.3", 1);
  a.set_port(65535);
  EXPECT_EQ(a.port(), 65535);
  Address b = *parse_address_strict("::1", 2);
  EXPECT_EQ(b.port(), 2);
  b.set_port(443);
  EXPECT_EQ(b.port(), 443);
  EXPECT_EQ(b.length(), sizeof(sockaddr_in6));
  const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(b.sockaddr_ptr());
  EXPECT_EQ(ntohs(sin6->sin6_port), 443);
}

TEST(AddressTest, Equality) {
  EXPECT_EQ(v4("1.2.3.4", 5), v4("1.2.3.4", 5));
  EXPECT_FALSE(v4("1.2.3.4", 5) == v4("1.2.3.4", 6));
  EXPECT_FALSE(v4("1.2.3.4", 5) == v4("1.2.3.5", 5));
  EXPECT_FALSE(v4("0.0.0.0") == *parse_address_strict("::", 0));
}

// ---- parse_address_strict (the CURLOPT_RESOLVE address grammar) ---------------------

TEST(AddressTest, StrictAcceptsInetPtonForms) {
  for (const char* ok :
       {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1", "::ffff:127.0.0.2",
        "2001:db8::8:800:200c:417a", "2001:0db8:0000:0000:0000:0000:0000:0001"}) {
    auto a = parse_address_strict(ok, 7);
    ASSERT_TRUE(a) << ok;
    EXPECT_EQ(a->port(), 7) << ok;
  }
  EXPECT_EQ(parse_address_strict("127.0.0.1", 0)->family(), AF_INET);
  EXPECT_EQ(parse_address_strict("::ffff:127.0.0.2", 0)->family(), AF_INET6);
  EXPECT_EQ(parse_address_strict("2001:0db8:0000::0001", 0)->ip_string(), "2001:db8::1");
}

TEST(AddressTest, StrictRejectsEverythingElse) {
  for (const char* bad : {"",
                          "127.1",
                          "127.0.0",
                          "1.2.3.4.5",
                          "256.1.1.1",
                          "01.2.3.4",
                          "1.2.3.4 ",
                          " 1.2.3.4",
                          "1.2.3.4:80",
                          "[::1]",
                          "fe80::1%lo",
                          "::1%1",
                          "example.com",
                          "localhost",
                          "0x7f.0.0.1",
                          ":::",
                          "1::2::3",
                          "12345::",
                          "[]",
                          "0000:0000:0000:0000:0000:0000:0000:0000:0000:0001"}) {
    EXPECT_FALSE(parse_address_strict(bad, 0)) << bad;
  }
  // An embedded NUL makes it no address, even if the prefix is one.
  EXPECT_FALSE(parse_address_strict(std::string_view("1.2.3.4\0", 8), 0));
}

// ---- parse_numeric (hosts from URLs) -----------------------------------------------

TEST(AddressTest, ParseNumericIPv4) {
  auto list = parse_numeric("192.168.0.1", 8080);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].family(), AF_INET);
  EXPECT_EQ((*list)[0].port(), 8080);
  EXPECT_EQ((*list)[0].ip_string(), "192.168.0.1");
}

TEST(AddressTest, ParseNumericIPv6WithAndWithoutBrackets) {
  for (const char* host : {"::1", "[::1]"}) {
    auto list = parse_numeric(host, 443);
    ASSERT_TRUE(list) << host;
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ((*list)[0].family(), AF_INET6);
    EXPECT_EQ((*list)[0].ip_string(), "::1");
    EXPECT_EQ((*list)[0].port(), 443);
    EXPECT_EQ((*list)[0].scope_id(), 0u);
  }
}

TEST(AddressTest, ParseNumericZones) {
  const uint32_t lo = if_nametoindex("lo");
  ASSERT_NE(lo, 0u) << "test host has no loopback interface";
  EXPECT_EQ((*parse_numeric("fe80::1%lo", 1))[0].scope_id(), lo);
  EXPECT_EQ((*parse_numeric("[fe80::1%lo]", 1))[0].scope_id(), lo);
  EXPECT_EQ((*parse_numeric("[fe80::1%25lo]", 1))[0].scope_id(), lo);
  EXPECT_EQ((*parse_numeric("fe80::1%7", 1))[0].scope_id(), 7u);
  EXPECT_EQ((*parse_numeric("[fe80::1%257]", 1))[0].scope_id(), 7u);
  // Unknown interface or an out-of-range number: still numeric, no scope (7.88.1).
  EXPECT_EQ((*parse_numeric("fe80::1%nosuchif0", 1))[0].scope_id(), 0u);
  EXPECT_EQ((*parse_numeric("fe80::1%4294967295", 1))[0].scope_id(), 0u);
  EXPECT_EQ((*parse_numeric("fe80::1%x", 1))[0].ip_string(), "fe80::1");
}

TEST(AddressTest, ParseNumericRejectsNames) {
  for (const char* host :
       {"", "localhost", "example.com", "127.1", "[127.0.0.1]", "127.0.0.1%lo", "[::1", "::1]",
        "[]", "::1%", "[::1%25]", "x::1", "1.2.3.4.", "[[::1]]"}) {
    EXPECT_FALSE(parse_numeric(host, 80)) << host;
  }
}

// ---- localhost ---------------------------------------------------------------------

TEST(AddressTest, LocalhostNames) {
  for (const char* yes :
       {"localhost", "LocalHost", "LOCALHOST", "a.localhost", "a.b.LocalHost", "x.LOCALHOST"}) {
    EXPECT_TRUE(is_localhost_name(yes)) << yes;
  }
  for (const char* no : {"localhost.", "xlocalhost", "localhos", "localhost.com", "local host", "",
                         ".localhost", "localhost:80"}) {
    EXPECT_FALSE(is_localhost_name(no)) << no;
  }
}

TEST(AddressTest, LocalhostAddressesIPv4First) {
  AddressList list = localhost_addresses(8443);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0].ip_string(), "127.0.0.1");
  EXPECT_EQ(list[0].port(), 8443);
  if (ipv6_works()) {
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].ip_string(), "::1");
    EXPECT_EQ(list[1].port(), 8443);
  } else {
    EXPECT_EQ(list.size(), 1u);
  }
}

TEST(AddressTest, ResolveWithoutThread) {
  EXPECT_EQ(ips(*resolve_without_thread("10.0.0.1", 1)), std::vector<std::string>{"10.0.0.1"});
  EXPECT_EQ(ips(*resolve_without_thread("[::2]", 1)), std::vector<std::string>{"::2"});
  EXPECT_EQ(*resolve_without_thread("Foo.Localhost", 9), localhost_addresses(9));
  EXPECT_FALSE(resolve_without_thread("localhost.", 1));
  EXPECT_FALSE(resolve_without_thread("example.com", 1));
}

// ---- AddressList -------------------------------------------------------------------

AddressList mixed() {
  AddressList l;
  for (const char* t : {"2001:db8::1", "10.0.0.1", "2001:db8::2", "10.0.0.2", "10.0.0.3"}) {
    l.push_back(*parse_address_strict(t, 0));
  }
  return l;
}

TEST(AddressListTest, OrderKeptAndPortSet) {
  AddressList l = mixed();
  l.set_port(993);
  EXPECT_EQ(ips(l), (std::vector<std::string>{"2001:db8::1", "10.0.0.1", "2001:db8::2", "10.0.0.2",
                                              "10.0.0.3"}));
  for (const Address& a : l) EXPECT_EQ(a.port(), 993);
}

TEST(AddressListTest, FamilyQueries) {
  AddressList l = mixed();
  EXPECT_TRUE(l.has_family(AF_INET));
  EXPECT_TRUE(l.has_family(AF_INET6));
  EXPECT_EQ(ips(l.only_family(AF_INET)),
            (std::vector<std::string>{"10.0.0.1", "10.0.0.2", "10.0.0.3"}));
  EXPECT_EQ(ips(l.only_family(AF_INET6)), (std::vector<std::string>{"2001:db8::1", "2001:db8::2"}));
  AddressList only4 = l.only_family(AF_INET);
  EXPECT_FALSE(only4.has_family(AF_INET6));
  EXPECT_TRUE(AddressList().only_family(AF_INET).empty());
}

TEST(AddressListTest, SplitByFamilyStartsWithFirstAddressFamily) {
  auto split = mixed().split_by_family();
  EXPECT_EQ(ips(split.first), (std::vector<std::string>{"2001:db8::1", "2001:db8::2"}));
  EXPECT_EQ(ips(split.second), (std::vector<std::string>{"10.0.0.1", "10.0.0.2", "10.0.0.3"}));

  AddressList v4first;
  v4first.push_back(v4("1.1.1.1"));
  v4first.push_back(*parse_address_strict("::1", 0));
  auto s2 = v4first.split_by_family();
  EXPECT_EQ(ips(s2.first), std::vector<std::string>{"1.1.1.1"});
  EXPECT_EQ(ips(s2.second), std::vector<std::string>{"::1"});

  auto s3 = AddressList().split_by_family();
  EXPECT_TRUE(s3.first.empty());
  EXPECT_TRUE(s3.second.empty());

  auto s4 = mixed().only_family(AF_INET).split_by_family();
  EXPECT_EQ(s4.first.size(), 3u);
  EXPECT_TRUE(s4.second.empty());
}

TEST(AddressListTest, FromAddrinfoSkipsOtherFamilies) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(0x01020304);
  sockaddr_in6 b{};
  b.sin6_family = AF_INET6;
  b.sin6_addr.s6_addr[15] = 1;
  sockaddr c{};
  c.sa_family = AF_UNIX;
  addrinfo ai3{};
  ai3.ai_addr = reinterpret_cast<sockaddr*>(&a);
  ai3.ai_addrlen = sizeof(a);
  addrinfo ai2{};
  ai2.ai_addr = &c;
  ai2.ai_addrlen = sizeof(c);
  ai2.ai_next = &ai3;
  addrinfo ai1{};
  ai1.ai_addr = reinterpret_cast<sockaddr*>(&b);
  ai1.ai_addrlen = sizeof(b);
  ai1.ai_next = &ai2;
  AddressList l = AddressList::from_addrinfo(&ai1);
  EXPECT_EQ(ips(l), (std::vector<std::string>{"::1", "1.2.3.4"}));
  EXPECT_TRUE(AddressList::from_addrinfo(nullptr).empty());
}

TEST(AddressListTest, AppendAndEquality) {
  AddressList a = mixed();
  AddressList b;
  b.append(a);
  EXPECT_EQ(a, b);
  b.append(a);
  EXPECT_EQ(b.size(), 2 * a.size());
  EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace mcurl
