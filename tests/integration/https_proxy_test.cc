// HTTPS proxies in the three drive modes: nginx's stream module ends TLS in front of
// tinyproxy (tests/support/nginx_fixture.sh, blocks proxy_tls and proxy_untrusted).
// http targets go in absolute form over the TLS to the proxy; https targets through a
// CONNECT tunnel inside it, with the target's TLS inside the proxy's (TLS in TLS). Every
// expectation holds on the system libcurl 7.88.1 too.
#include <openssl/x509_vfy.h>

#include "harness.h"
#include "support/nginx_fixture.h"

namespace mcurl::itest {
namespace {

class HttpsProxy : public ModeTest {
 protected:
  static void SetUpTestSuite() {
    if (!test::Nginx::available()) return;
    nginx_ = new test::Nginx;
    nginx_->start();
  }
  static void TearDownTestSuite() {
    delete nginx_;
    nginx_ = nullptr;
  }
  void SetUp() override {
    if (nginx_ == nullptr || !nginx_->has("proxy_tls")) {
      GTEST_SKIP() << "nginx, its stream module or tinyproxy is not installed";
    }
    ModeTest::SetUp();
  }

  // A handle for `url` through the HTTPS proxy of block `proxy_block`, trusting the
  // fixture's CA for the proxy and the target.
  Easy& via(const std::string& url, const std::string& proxy_block = "proxy_tls",
            const std::string& proxy_host = "localhost") {
    Easy& e = make_easy(url);
    std::string proxy = "https://" + proxy_host + ":" + std::to_string(nginx_->port(proxy_block));
    e.set(CURLOPT_PROXY, proxy.c_str());
    e.set(CURLOPT_PROXY_CAINFO, ca().c_str());
    e.set(CURLOPT_CAINFO, ca().c_str());
    e.set(CURLOPT_TIMEOUT_MS, 30000L);
    return e;
  }
  static std::string ca() { return nginx_->cert("ca.pem"); }

  static test::Nginx* nginx_;
};
test::Nginx* HttpsProxy::nginx_ = nullptr;

TEST_P(HttpsProxy, HttpTargetInAbsoluteForm) {
  Easy& a = via(nginx_->url("http", "/name"));
  Easy& b = via(nginx_->url("http", "/1k"), "proxy_tls", "127.0.0.1");
  std::vector<CURLcode> rc = run({&a, &b});
  ASSERT_EQ(rc[0], CURLE_OK) << a.error();
  ASSERT_EQ(rc[1], CURLE_OK) << b.error();
  EXPECT_EQ(a.body, "http\n");
  EXPECT_EQ(b.body.size(), 1024u);
  EXPECT_EQ(a.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(a.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT), X509_V_OK);
  EXPECT_EQ(a.info_long(CURLINFO_HTTP_CONNECTCODE), 0);  // no tunnel
  EXPECT_EQ(a.info_long(CURLINFO_PRIMARY_PORT), nginx_->port("proxy_tls"));
}

TEST_P(HttpsProxy, HttpsTargetIsTlsInsideTls) {
  Easy& a = via(nginx_->url("good", "/name"));
  Easy& b = via(nginx_->url("good", "/1m"));
  std::vector<CURLcode> rc = run({&a, &b});
  ASSERT_EQ(rc[0], CURLE_OK) << a.error();
  ASSERT_EQ(rc[1], CURLE_OK) << b.error();
  EXPECT_EQ(a.body, "good\n");
  EXPECT_EQ(b.body.size(), 1024u * 1024u);
  EXPECT_EQ(a.info_long(CURLINFO_HTTP_CONNECTCODE), 200);
  EXPECT_EQ(a.info_long(CURLINFO_SSL_VERIFYRESULT), X509_V_OK);
  EXPECT_EQ(a.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT), X509_V_OK);
}

TEST_P(HttpsProxy, TargetCertificateIsCheckedInsideTheTunnel) {
  // 7.88.1 reports a target that fails verification inside an HTTPS proxy's tunnel as a
  // handshake failure (35, SSL_ERROR_SYSCALL, verify result 1 "not verified"): the alert
  // goes out through the proxy's TLS, whose calls clear the error OpenSSL had queued.
  Easy& a = via(nginx_->url("untrusted", "/name"));
  std::vector<CURLcode> rc = run({&a});
  EXPECT_EQ(rc[0], CURLE_SSL_CONNECT_ERROR);
  EXPECT_EQ(a.error(), "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to localhost:" +
                           std::to_string(nginx_->port("untrusted")) + " ");
  EXPECT_EQ(a.info_long(CURLINFO_SSL_VERIFYRESULT), 1);
  EXPECT_EQ(a.info_long(CURLINFO_HTTP_CONNECTCODE), 200);
  EXPECT_EQ(a.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT), X509_V_OK);
}

TEST_P(HttpsProxy, ProxyCertificateFailures) {
  Easy& untrusted = via(nginx_->url("http", "/name"), "proxy_untrusted");
  Easy& nofile = via(nginx_->url("http", "/name"));
  nofile.set(CURLOPT_PROXY_CAINFO, "/nonexistent/ca.pem");
  // The target's CA settings do not apply to the proxy.
  Easy& wrongopt = via(nginx_->url("good", "/name"), "proxy_untrusted");
  wrongopt.set(CURLOPT_CAINFO, nginx_->cert("ca2.pem").c_str());
  std::vector<CURLcode> rc = run({&untrusted, &nofile, &wrongopt});
  EXPECT_EQ(rc[0], CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(untrusted.error(), "SSL certificate problem: unable to get local issuer certificate");
  EXPECT_EQ(untrusted.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT),
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
  EXPECT_EQ(rc[1], CURLE_SSL_CACERT_BADFILE);
  EXPECT_EQ(nofile.error(), "error setting certificate file: /nonexistent/ca.pem");
  EXPECT_EQ(rc[2], CURLE_PEER_FAILED_VERIFICATION);
}

TEST_P(HttpsProxy, ProxyVerifyPeerOff) {
  Easy& a = via(nginx_->url("http", "/name"), "proxy_untrusted");
  a.set(CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
  Easy& b = via(nginx_->url("good", "/name"), "proxy_untrusted");
  b.set(CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
  std::vector<CURLcode> rc = run({&a, &b});
  ASSERT_EQ(rc[0], CURLE_OK) << a.error();
  ASSERT_EQ(rc[1], CURLE_OK) << b.error();
  EXPECT_EQ(a.body, "http\n");
  EXPECT_EQ(b.body, "good\n");
  // The chain was still checked, and its result kept.
  EXPECT_EQ(a.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT),
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

TEST_P(HttpsProxy, ConnectionsAreReused) {
  // tinyproxy closes after each plain request: the next one opens a new connection.
  Easy& a = via(nginx_->url("http", "/name"));
  ASSERT_EQ(run({&a})[0], CURLE_OK) << a.error();
  EXPECT_EQ(a.info_long(CURLINFO_NUM_CONNECTS), 1);
  a.body.clear();
  a.url(nginx_->url("http", "/1k"));
  ASSERT_EQ(run({&a})[0], CURLE_OK) << a.error();
  EXPECT_EQ(a.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(a.body.size(), 1024u);

  // A tunnel stays open: the second transfer reuses the proxy's and the target's TLS, and
  // keeps the verification results.
  Easy& s = via(nginx_->url("good", "/name"));
  ASSERT_EQ(run({&s})[0], CURLE_OK) << s.error();
  EXPECT_EQ(s.info_long(CURLINFO_NUM_CONNECTS), 1);
  s.body.clear();
  ASSERT_EQ(run({&s})[0], CURLE_OK) << s.error();
  EXPECT_EQ(s.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(s.body, "good\n");
  EXPECT_EQ(s.info_long(CURLINFO_HTTP_CONNECTCODE), 0);  // no CONNECT this time

  Easy& n = via(nginx_->url("good", "/name"), "proxy_untrusted");
  n.set(CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
  ASSERT_EQ(run({&n})[0], CURLE_OK) << n.error();
  ASSERT_EQ(run({&n})[0], CURLE_OK) << n.error();
  EXPECT_EQ(n.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(n.info_long(CURLINFO_PROXY_SSL_VERIFYRESULT),
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
}

INSTANTIATE_TEST_SUITE_P(Modes, HttpsProxy, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
