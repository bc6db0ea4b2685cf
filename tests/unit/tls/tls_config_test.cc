// Tests for src/tls/tls_config.h: the TLS to an HTTPS proxy reads the PROXY_* options and
// none of the origin's, and its key follows them.
#include "tls/tls_config.h"

#include <gtest/gtest.h>

#include "transfer/options.h"

namespace mcurl {
namespace {

void fill(Options& o) {
  o.cainfo = "/origin/ca.pem";
  o.ssl_verifypeer = 0;
  o.sslcert = "/origin/client.pem";
  o.pinnedpublickey = "sha256//origin";
  o.proxy_cainfo = "/proxy/ca.pem";
  o.proxy_ssl_verifyhost = 0;
  o.proxy_pinnedpublickey = "sha256//proxy";
  o.proxy_ssl_cipher_list = "ECDHE-ECDSA-AES256-GCM-SHA384";
  o.proxy_sslversion = CURL_SSLVERSION_TLSv1_2;
}

TEST(TlsConfigTest, ProxyConfigReadsTheProxyOptions) {
  Options o;
  fill(o);
  TlsConfig c = TlsConfig::from_proxy_options(o);
  EXPECT_EQ(c.ca_file.value_or(""), "/proxy/ca.pem");
  EXPECT_TRUE(c.verify_peer);  // PROXY_SSL_VERIFYPEER's default, not SSL_VERIFYPEER
  EXPECT_FALSE(c.verify_host);
  EXPECT_TRUE(c.cert_file.empty());
  EXPECT_EQ(c.pinned_key, "sha256//proxy");
  EXPECT_EQ(c.cipher_list, "ECDHE-ECDSA-AES256-GCM-SHA384");
  EXPECT_EQ(c.version, CURL_SSLVERSION_TLSv1_2);
  EXPECT_FALSE(c.alpn);
  EXPECT_EQ(c.ctx_function, nullptr);

  TlsConfig origin = TlsConfig::from_options(o);
  EXPECT_EQ(origin.ca_file.value_or(""), "/origin/ca.pem");
  EXPECT_NE(origin.key(), c.key());
  Options other;
  fill(other);
  other.proxy_cainfo = "/proxy/other.pem";
  EXPECT_NE(TlsConfig::from_proxy_options(other).key(), c.key());
  other.proxy_cainfo = "/proxy/ca.pem";
  other.cainfo = "/origin/other.pem";  // the origin's options leave the proxy's key alone
  EXPECT_EQ(TlsConfig::from_proxy_options(other).key(), c.key());
}

}  // namespace
}  // namespace mcurl
