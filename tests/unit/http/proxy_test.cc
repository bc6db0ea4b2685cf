// Tests for src/http/proxy.h: choose_proxy's kinds (HTTP, SOCKS by scheme and by
// PROXYTYPE), ports, credentials, PRE_PROXY, the refused schemes, NOPROXY.
#include "http/proxy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "transfer/options.h"

namespace mcurl {
namespace {

class ProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* v : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                          "no_proxy", "NO_PROXY"}) {
      ::unsetenv(v);
    }
  }
  CURLcode choose(const char* scheme = "http", const char* host = "origin.example") {
    text_.clear();
    return choose_proxy(o_, scheme, host, &p_, &text_);
  }
  Options o_;
  ProxyChoice p_;
  std::string text_;
};

TEST_F(ProxyTest, SocksSchemes) {
  const struct {
    const char* spec;
    SocksVersion v;
  } cases[] = {{"socks4://h", SocksVersion::V4},
               {"socks://h", SocksVersion::V4},
               {"SOCKS4A://h", SocksVersion::V4a},
               {"socks5://h", SocksVersion::V5},
               {"socks5h://h:1081", SocksVersion::V5h}};
  for (const auto& c : cases) {
    o_.proxy = c.spec;
    ASSERT_EQ(choose(), CURLE_OK) << c.spec;
    EXPECT_TRUE(p_.use);
    EXPECT_TRUE(p_.socks);
    EXPECT_EQ(p_.socks_version, c.v) << c.spec;
    EXPECT_EQ(p_.host, "h");
  }
  EXPECT_EQ(p_.port, 1081);
}

TEST_F(ProxyTest, ProxyTypeForABareHost) {
  o_.proxy = "127.0.0.1";
  o_.proxytype = CURLPROXY_SOCKS5_HOSTNAME;
  o_.proxyport = 9050;
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_TRUE(p_.socks);
  EXPECT_EQ(p_.socks_version, SocksVersion::V5h);
  EXPECT_EQ(p_.port, 9050);
  o_.proxytype = CURLPROXY_HTTP;
  o_.proxyport = 0;
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_FALSE(p_.socks);
  EXPECT_EQ(p_.port, 1080);
}

TEST_F(ProxyTest, CredentialsInTheUrlWin) {
  o_.proxy = "socks5://us%40er:p%3Ass@h";
  o_.proxyusername = "other";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_TRUE(p_.has_credentials);
  EXPECT_EQ(p_.user, "us@er");
  EXPECT_EQ(p_.password, "p:ss");
  o_.proxy = "socks5://h";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_EQ(p_.user, "other");
  EXPECT_EQ(p_.password, "");
}

TEST_F(ProxyTest, HttpsAndRefusedSchemes) {
  o_.proxy = "https://h";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_TRUE(p_.https);
  EXPECT_FALSE(p_.socks);
  EXPECT_EQ(p_.port, 443);  // an HTTPS proxy's default port
  o_.proxy = "h:8443";
  o_.proxytype = CURLPROXY_HTTPS;
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_TRUE(p_.https);
  EXPECT_EQ(p_.port, 8443);
  o_.proxytype = CURLPROXY_HTTP;
  o_.proxy = "ftp://h";
  EXPECT_EQ(choose(), CURLE_COULDNT_CONNECT);
  EXPECT_EQ(text_, "Unsupported proxy scheme for 'ftp://h'");
}

TEST_F(ProxyTest, PreProxy) {
  o_.proxy = "http://proxy.example:3128";
  o_.pre_proxy = "socks5h://pre.example:1080";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_FALSE(p_.socks);
  EXPECT_TRUE(p_.pre);
  EXPECT_EQ(p_.pre_host, "pre.example");
  EXPECT_EQ(p_.pre_version, SocksVersion::V5h);
  EXPECT_EQ(p_.host, "proxy.example");
  // No HTTP proxy: the pre-proxy is the proxy.
  o_.proxy = "";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_TRUE(p_.socks);
  EXPECT_FALSE(p_.pre);
  EXPECT_EQ(p_.host, "pre.example");
  // NOPROXY naming the host turns both off.
  o_.noproxy = "origin.example";
  ASSERT_EQ(choose(), CURLE_OK);
  EXPECT_FALSE(p_.use);
}

TEST_F(ProxyTest, EnvironmentSocks) {
  ::setenv("all_proxy", "socks5h://127.0.0.1:9", 1);
  ASSERT_EQ(choose("https"), CURLE_OK);
  EXPECT_TRUE(p_.socks);
  EXPECT_EQ(p_.port, 9);
  ::unsetenv("all_proxy");
}

}  // namespace
}  // namespace mcurl
