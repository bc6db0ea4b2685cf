// https in the three drive modes against the nginx fixture (tests/support/nginx_fixture.*):
// the verification matrix, pinned keys, client certificates, protocol versions, session
// resumption, connection reuse only between equal TLS configurations, large and
// compressed bodies, and many concurrent TLS transfers. Every expectation holds on the
// system libcurl 7.88.1 too (the suite runs on it through LD_LIBRARY_PATH).
#include <openssl/ssl.h>

#include <fstream>
#include <sstream>

#include "harness.h"
#include "support/nginx_fixture.h"

namespace mcurl::itest {
namespace {

class Tls : public ModeTest {
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
    if (nginx_ == nullptr) GTEST_SKIP() << "nginx, openssl or python3 is not installed";
    ModeTest::SetUp();
  }

  // A handle for `path` on server block `block`, trusting the fixture's CA.
  Easy& https(const std::string& block, const std::string& path,
              const std::string& host = "localhost") {
    Easy& e = make_easy(nginx_->url(block, path, host));
    e.set(CURLOPT_CAINFO, ca().c_str());
    e.set(CURLOPT_TIMEOUT_MS, 30000L);
    return e;
  }
  static std::string ca() { return nginx_->cert("ca.pem"); }
  static std::string file(const std::string& name) {
    std::ifstream in(nginx_->www_dir() + "/" + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  static test::Nginx* nginx_;
};
test::Nginx* Tls::nginx_ = nullptr;

TEST_P(Tls, GoodChainByNameAndByAddress) {
  Easy& a = https("good", "/1k");
  Easy& b = https("good", "/1m", "127.0.0.1");
  std::vector<CURLcode> rc = run({&a, &b});
  ASSERT_EQ(rc[0], CURLE_OK) << a.error();
  ASSERT_EQ(rc[1], CURLE_OK) << b.error();
  EXPECT_EQ(a.body, file("1k"));
  EXPECT_EQ(b.body, file("1m"));
  EXPECT_EQ(a.info_long(CURLINFO_RESPONSE_CODE), 200);
  EXPECT_EQ(a.info_long(CURLINFO_SSL_VERIFYRESULT), 0);
  EXPECT_EQ(a.info_str(CURLINFO_SCHEME), "HTTPS");
  EXPECT_EQ(a.info_long(CURLINFO_PROTOCOL), CURLPROTO_HTTPS);
  EXPECT_GT(a.info_off(CURLINFO_APPCONNECT_TIME_T), 0);
  for (std::size_t n : b.write_sizes) EXPECT_LE(n, std::size_t{CURL_MAX_WRITE_SIZE});
}

TEST_P(Tls, VerificationFailuresHaveTheirCodesAndTexts) {
  Easy& expired = https("expired", "/name");
  Easy& untrusted = https("untrusted", "/name");
  Easy& self = https("selfsigned", "/name");
  Easy& wrong = https("wronghost", "/name");
  Easy& revoked = https("revoked", "/name");
  revoked.set(CURLOPT_CRLFILE, nginx_->cert("crl.pem").c_str());
  Easy& nobundle = make_easy(nginx_->url("good", "/name"));  // the system's CAs only
  std::vector<CURLcode> rc = run({&expired, &untrusted, &self, &wrong, &revoked, &nobundle});
  for (CURLcode c : rc) EXPECT_EQ(c, CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(expired.error(), "SSL certificate problem: certificate has expired");
  EXPECT_EQ(expired.info_long(CURLINFO_SSL_VERIFYRESULT), X509_V_ERR_CERT_HAS_EXPIRED);
  EXPECT_EQ(untrusted.error(), "SSL certificate problem: unable to get local issuer certificate");
  EXPECT_EQ(self.info_long(CURLINFO_SSL_VERIFYRESULT), X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
  EXPECT_EQ(wrong.error(),
            "SSL: no alternative certificate subject name matches target host name 'localhost'");
  EXPECT_EQ(revoked.info_long(CURLINFO_SSL_VERIFYRESULT), X509_V_ERR_CERT_REVOKED);
  EXPECT_EQ(nobundle.info_long(CURLINFO_SSL_VERIFYRESULT),
            X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
  EXPECT_EQ(expired.info_long(CURLINFO_RESPONSE_CODE), 0);
}

TEST_P(Tls, VerificationOffAcceptsButStillChecksTheName) {
  Easy& self = https("selfsigned", "/name");
  self.set(CURLOPT_SSL_VERIFYPEER, 0L);
  self.set(CURLOPT_SSL_VERIFYHOST, 0L);
  Easy& wrong_peer_off = https("wronghost", "/name");
  wrong_peer_off.set(CURLOPT_SSL_VERIFYPEER, 0L);  // VERIFYHOST stays 2
  Easy& wrong_host_off = https("wronghost", "/name");
  wrong_host_off.set(CURLOPT_SSL_VERIFYHOST, 0L);
  std::vector<CURLcode> rc = run({&self, &wrong_peer_off, &wrong_host_off});
  EXPECT_EQ(rc[0], CURLE_OK) << self.error();
  EXPECT_EQ(self.body, "selfsigned\n");
  EXPECT_EQ(self.info_long(CURLINFO_SSL_VERIFYRESULT), X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
  EXPECT_EQ(rc[1], CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(rc[2], CURLE_OK) << wrong_host_off.error();
}

TEST_P(Tls, PinnedPublicKey) {
  std::string pin;
  std::ifstream(nginx_->cert("server.pin")) >> pin;
  ASSERT_EQ(pin.rfind("sha256//", 0), 0u);
  Easy& right = https("good", "/name");
  right.set(CURLOPT_PINNEDPUBLICKEY, pin.c_str());
  Easy& list = https("good", "/name");
  std::string with_other = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;" + pin;
  list.set(CURLOPT_PINNEDPUBLICKEY, with_other.c_str());
  Easy& der = https("good", "/name");
  der.set(CURLOPT_PINNEDPUBLICKEY, nginx_->cert("server-pub.der").c_str());
  Easy& wrong = https("good", "/name");
  wrong.set(CURLOPT_PINNEDPUBLICKEY, nginx_->cert("other-pub.pem").c_str());
  std::vector<CURLcode> rc = run({&right, &list, &der, &wrong});
  EXPECT_EQ(rc[0], CURLE_OK) << right.error();
  EXPECT_EQ(rc[1], CURLE_OK) << list.error();
  EXPECT_EQ(rc[2], CURLE_OK) << der.error();
  EXPECT_EQ(rc[3], CURLE_SSL_PINNEDPUBKEYNOTMATCH);
}

TEST_P(Tls, ClientCertificates) {
  Easy& none = https("clientcert", "/whoami");
  Easy& pem = https("clientcert", "/whoami");
  pem.set(CURLOPT_SSLCERT, nginx_->cert("client.pem").c_str());
  pem.set(CURLOPT_SSLKEY, nginx_->cert("client.key").c_str());
  Easy& enc = https("clientcert", "/whoami");
  enc.set(CURLOPT_SSLCERT, nginx_->cert("client.pem").c_str());
  enc.set(CURLOPT_SSLKEY, nginx_->cert("client-enc.key").c_str());
  enc.set(CURLOPT_KEYPASSWD, "secret");
  Easy& der = https("clientcert", "/whoami");
  der.set(CURLOPT_SSLCERT, nginx_->cert("client.der").c_str());
  der.set(CURLOPT_SSLCERTTYPE, "DER");
  der.set(CURLOPT_SSLKEY, nginx_->cert("client-key.der").c_str());
  der.set(CURLOPT_SSLKEYTYPE, "DER");
  Easy& badpw = https("clientcert", "/whoami");
  badpw.set(CURLOPT_SSLCERT, nginx_->cert("client.pem").c_str());
  badpw.set(CURLOPT_SSLKEY, nginx_->cert("client-enc.key").c_str());
  badpw.set(CURLOPT_KEYPASSWD, "wrong");
  std::vector<CURLcode> rc = run({&none, &pem, &enc, &der, &badpw});
  EXPECT_EQ(rc[0], CURLE_OK);
  EXPECT_EQ(none.info_long(CURLINFO_RESPONSE_CODE), 400);  // nginx: no certificate sent
  const std::string who = "CN=mcurl client,O=mcurl tests\n";
  for (Easy* e : {&pem, &enc, &der}) {
    EXPECT_EQ(e->body, who) << e->error();
    EXPECT_EQ(e->info_long(CURLINFO_RESPONSE_CODE), 200);
  }
  EXPECT_EQ(rc[4], CURLE_SSL_CERTPROBLEM);
}

TEST_P(Tls, ProtocolVersions) {
  Easy& only12 = https("tls12", "/name");
  Easy& min13_on12 = https("tls12", "/name");
  min13_on12.set(CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_3));
  Easy& max12_on13 = https("tls13", "/name");
  max12_on13.set(CURLOPT_SSLVERSION,
                 long(CURL_SSLVERSION_TLSv1_2) | long(CURL_SSLVERSION_MAX_TLSv1_2));
  Easy& on13 = https("tls13", "/name");
  on13.set(CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_3));
  std::vector<CURLcode> rc = run({&only12, &min13_on12, &max12_on13, &on13});
  EXPECT_EQ(rc[0], CURLE_OK) << only12.error();
  EXPECT_EQ(rc[1], CURLE_SSL_CONNECT_ERROR);
  EXPECT_EQ(rc[2], CURLE_SSL_CONNECT_ERROR);
  EXPECT_EQ(rc[3], CURLE_OK) << on13.error();
  EXPECT_EQ(on13.body, "tls13\n");
}

TEST_P(Tls, CipherAndCurveListErrors) {
  Easy& unknown = https("good", "/name");
  unknown.set(CURLOPT_SSL_CIPHER_LIST, "NO-SUCH-CIPHER");
  Easy& unknown13 = https("good", "/name");
  unknown13.set(CURLOPT_TLS13_CIPHERS, "NO_SUCH_SUITE");
  Easy& bad_curve = https("good", "/name");
  bad_curve.set(CURLOPT_SSL_EC_CURVES, "nosuchcurve");
  Easy& curves = https("good", "/name");
  curves.set(CURLOPT_SSL_EC_CURVES, "X25519:P-256");
  std::vector<CURLcode> rc = run({&unknown, &unknown13, &bad_curve, &curves});
  EXPECT_EQ(rc[0], CURLE_SSL_CIPHER);
  EXPECT_EQ(unknown.error(), "failed setting cipher list: NO-SUCH-CIPHER");
  EXPECT_EQ(rc[1], CURLE_SSL_CIPHER);
  EXPECT_EQ(rc[2], CURLE_SSL_CIPHER);
  EXPECT_EQ(bad_curve.error(), "failed setting curves list: 'nosuchcurve'");
  EXPECT_EQ(rc[3], CURLE_OK) << curves.error();
}

// The SSL* of the connection, seen from the write callback: was the session resumed?
int resumed_in_write(Easy& e) {
  const curl_tlssessioninfo* ti = nullptr;
  if (curl_easy_getinfo(e.get(), CURLINFO_TLS_SSL_PTR, &ti) != CURLE_OK || ti == nullptr ||
      ti->internals == nullptr) {
    return -1;
  }
  EXPECT_EQ(ti->backend, CURLSSLBACKEND_OPENSSL);
  return SSL_session_reused(static_cast<SSL*>(ti->internals));
}

TEST_P(Tls, SessionsResumeOnFreshConnectionsOfOneHandle) {
  Easy& e = https("good", "/1k");
  e.set(CURLOPT_FORBID_REUSE, 1L);
  int resumed = -2;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) {
    resumed = resumed_in_write(self);
    self.body.append(p, n);
    return n;
  };
  std::vector<int> seen;
  for (int i = 0; i < 3; ++i) {
    e.body.clear();
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
    EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
    seen.push_back(resumed);
  }
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 1}));
  // After the transfer the SSL* is gone (7.88.1: only while a connection is in use).
  const curl_tlssessioninfo* ti = nullptr;
  ASSERT_EQ(curl_easy_getinfo(e.get(), CURLINFO_TLS_SSL_PTR, &ti), CURLE_OK);
  ASSERT_NE(ti, nullptr);
  EXPECT_EQ(ti->internals, nullptr);
  // Without the session cache every connection is a full handshake.
  e.set(CURLOPT_SSL_SESSIONID_CACHE, 0L);
  ASSERT_EQ(run1(e), CURLE_OK);
  EXPECT_EQ(resumed, 0);
}

TEST_P(Tls, ConnectionsAreReusedOnlyWithEqualTlsOptions) {
  Easy& first = https("good", "/name");
  ASSERT_EQ(run1(first), CURLE_OK) << first.error();
  Easy& same = https("good", "/name");
  Easy& unverified = https("good", "/name");
  unverified.set(CURLOPT_SSL_VERIFYPEER, 0L);
  Easy& pinned = https("good", "/name");
  std::string pin;
  std::ifstream(nginx_->cert("server.pin")) >> pin;
  pinned.set(CURLOPT_PINNEDPUBLICKEY, pin.c_str());
  if (mode() == DriveMode::EasyPerform) {
    // Each handle has its own connection cache: reuse shows on one handle.
    ASSERT_EQ(run1(first), CURLE_OK);
    EXPECT_EQ(first.info_long(CURLINFO_NUM_CONNECTS), 0);
    first.set(CURLOPT_SSL_VERIFYPEER, 0L);
    ASSERT_EQ(run1(first), CURLE_OK);
    EXPECT_EQ(first.info_long(CURLINFO_NUM_CONNECTS), 1);
    return;
  }
  // One multi, one at a time: the pooled connection serves only the equal configuration.
  for (Easy* e : {&same, &unverified, &pinned}) ASSERT_EQ(run1(*e), CURLE_OK) << e->error();
  EXPECT_EQ(same.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(unverified.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(pinned.info_long(CURLINFO_NUM_CONNECTS), 1);
}

TEST_P(Tls, GzipOverHttpsIsDecoded) {
  Easy& e = https("gzip_https", "/1m");
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, file("1m"));
  EXPECT_LT(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), curl_off_t{1} << 20);  // wire bytes
}

TEST_P(Tls, ManyConcurrentTransfersOverFewConnections) {
  std::vector<Easy*> list;
  for (int i = 0; i < 40; ++i) list.push_back(&https("good", i % 2 ? "/1k" : "/1m"));
  std::vector<CURLcode> rc = run(list, 60s);
  for (std::size_t i = 0; i < list.size(); ++i) {
    ASSERT_EQ(rc[i], CURLE_OK) << list[i]->error();
    EXPECT_EQ(list[i]->body.size(), i % 2 ? 1024u : 1048576u);
  }
}

TEST_P(Tls, CertinfoListsTheChain) {
  Easy& e = https("good", "/name");
  e.set(CURLOPT_CERTINFO, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  curl_certinfo* ci = nullptr;
  ASSERT_EQ(curl_easy_getinfo(e.get(), CURLINFO_CERTINFO, &ci), CURLE_OK);
  ASSERT_NE(ci, nullptr);
  ASSERT_GE(ci->num_of_certs, 1);
  std::vector<std::string> names;
  for (curl_slist* s = ci->certinfo[0]; s != nullptr; s = s->next) {
    std::string line = s->data;
    names.push_back(line.substr(0, line.find(':')));
  }
  ASSERT_GE(names.size(), 8u);
  EXPECT_EQ(names.front(), "Subject");
  EXPECT_EQ(names[1], "Issuer");
  EXPECT_EQ(names.back(), "Cert");
  EXPECT_NE(std::string(ci->certinfo[0]->data).find("CN = localhost"), std::string::npos);
}

TEST_P(Tls, HttpsToAPlainPortFailsToConnect) {
  Easy& e = https("http", "/name");
  std::string url = "https://localhost:" + std::to_string(nginx_->port("http")) + "/name";
  e.url(url);
  EXPECT_EQ(run1(e), CURLE_SSL_CONNECT_ERROR);
}

INSTANTIATE_TEST_SUITE_P(Modes, Tls, MCURL_ALL_MODES);

// 256 MiB over TLS once (in the socket_action mode): bounded write pieces, every byte.
class TlsBig : public Tls {};
TEST_P(TlsBig, QuarterGigabyteBody) {
  nginx_->ensure_big_file();
  Easy& e = https("good", "/256m");
  curl_off_t total = 0;
  bool zeros = true;
  e.write_fn = [&](Easy&, const char* p, std::size_t n) {
    total += static_cast<curl_off_t>(n);
    for (std::size_t i = 0; i < n && zeros; i += 4093) zeros = p[i] == 0;
    EXPECT_LE(n, std::size_t{CURL_MAX_WRITE_SIZE});
    return n;
  };
  ASSERT_EQ(run1(e, 300s), CURLE_OK) << e.error();
  EXPECT_EQ(total, curl_off_t{256} << 20);
  EXPECT_TRUE(zeros);
}
// 256 MiB gzipped by nginx on the fly, decoded in bounded pieces.
TEST_P(TlsBig, QuarterGigabyteGzipBody) {
  nginx_->ensure_big_file();
  Easy& e = https("gzip_https", "/256m");
  e.set(CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_off_t total = 0;
  e.write_fn = [&](Easy&, const char*, std::size_t n) {
    total += static_cast<curl_off_t>(n);
    EXPECT_LE(n, std::size_t{CURL_MAX_WRITE_SIZE});
    return n;
  };
  ASSERT_EQ(run1(e, 300s), CURLE_OK) << e.error();
  EXPECT_EQ(total, curl_off_t{256} << 20);
  EXPECT_LT(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), curl_off_t{8} << 20);  // it was compressed
}
INSTANTIATE_TEST_SUITE_P(SocketAction, TlsBig,
                         ::testing::Values(::mcurl::itest::DriveMode::SocketAction),
                         ::mcurl::itest::ModeName());

}  // namespace
}  // namespace mcurl::itest
