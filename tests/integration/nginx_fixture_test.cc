// The nginx fixture (tests/support/nginx_fixture.{h,cc}) through the C ABI: static files
// over plain http, gzip, the 256 MiB file, and the TLS server blocks. Every test passes on
// the system libcurl too (built against it by hand).
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>

#include "support/nginx_fixture.h"

namespace mcurl::test {
namespace {

struct Fetch {
  CURLcode result = CURLE_OK;
  long code = 0;
  curl_off_t size = 0;  // body bytes delivered to the write callback
  long connects = 0;
  std::string body;  // kept only up to 64 KiB
  char error[CURL_ERROR_SIZE] = {0};
};

size_t on_body(char* p, size_t size, size_t n, void* userp) {
  auto* f = static_cast<Fetch*>(userp);
  f->size += static_cast<curl_off_t>(size * n);
  if (f->body.size() < 65536) f->body.append(p, size * n);
  return size * n;
}

// One transfer on a fresh handle; setup may set more options.
template <class Setup>
Fetch fetch(const std::string& url, Setup setup) {
  Fetch f;
  CURL* e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_IPRESOLVE, static_cast<long>(CURL_IPRESOLVE_V4));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &f);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, f.error);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 60000L);
  setup(e);
  f.result = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &f.code);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &f.connects);
  curl_easy_cleanup(e);
  return f;
}

Fetch fetch(const std::string& url) {
  return fetch(url, [](CURL*) {});
}

class NginxFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!Nginx::available()) return;
    nginx_ = new Nginx;
    nginx_->start();
  }
  static void TearDownTestSuite() {
    delete nginx_;
    nginx_ = nullptr;
  }
  void SetUp() override {
    if (nginx_ == nullptr) GTEST_SKIP() << "nginx, openssl or python3 is not installed";
  }
  static Nginx* nginx_;
};
Nginx* NginxFixture::nginx_ = nullptr;

TEST_F(NginxFixture, ServesEveryBlockOnItsOwnPort) {
  const char* blocks[] = {"good",  "wronghost", "expired", "untrusted", "selfsigned", "clientcert",
                          "tls12", "tls13",     "revoked", "http",      "gzip_http",  "gzip_https"};
  for (const char* b : blocks) EXPECT_GT(nginx_->port(b), 0) << b;
  EXPECT_THROW(nginx_->port("nosuch"), std::out_of_range);
  EXPECT_EQ(nginx_->url("http", "/x"),
            "http://localhost:" + std::to_string(nginx_->port("http")) + "/x");
  EXPECT_EQ(nginx_->url("good", "/x", "127.0.0.1"),
            "https://127.0.0.1:" + std::to_string(nginx_->port("good")) + "/x");
}

TEST_F(NginxFixture, PlainHttpStaticFiles) {
  Fetch f = fetch(nginx_->url("http", "/1k"));
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.code, 200);
  EXPECT_EQ(f.size, 1024);
  EXPECT_EQ(f.body.rfind("line 00000 ", 0), 0u);
  f = fetch(nginx_->url("http", "/1m"));
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.size, 1 << 20);
  f = fetch(nginx_->url("http", "/name"));
  EXPECT_EQ(f.body, "http\n");
  f = fetch(nginx_->url("http", "/missing"));
  EXPECT_EQ(f.code, 404);
}

TEST_F(NginxFixture, GzipOverPlainHttp) {
  Fetch f = fetch(nginx_->url("gzip_http", "/1m"),
                  [](CURL* e) { curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); });
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.size, 1 << 20);
  // Asked for by hand, the bytes arrive compressed: a gzip member starts 1f 8b.
  curl_slist* h = curl_slist_append(nullptr, "Accept-Encoding: gzip");
  f = fetch(nginx_->url("gzip_http", "/1m"),
            [h](CURL* e) { curl_easy_setopt(e, CURLOPT_HTTPHEADER, h); });
  curl_slist_free_all(h);
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  ASSERT_GE(f.body.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(f.body[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(f.body[1]), 0x8b);
  EXPECT_LT(f.size, 1 << 20);
}

TEST_F(NginxFixture, BigFileOverPlainHttp) {
  nginx_->ensure_big_file();
  nginx_->ensure_big_file();  // a second call is a no-op
  Fetch f = fetch(nginx_->url("http", "/256m"));
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.size, curl_off_t{256} << 20);
  EXPECT_EQ(f.body.substr(0, 4), std::string(4, '\0'));
}

TEST_F(NginxFixture, StopRemovesTheDirectoryAndStartGivesFreshOne) {
  Nginx other;
  EXPECT_FALSE(other.running());
  other.start();
  ASSERT_TRUE(other.running());
  const std::string dir = other.dir();
  EXPECT_NE(dir, nginx_->dir());
  EXPECT_EQ(fetch(other.url("http", "/name")).body, "http\n");
  const int port = other.port("http");
  other.stop();
  EXPECT_FALSE(other.running());
  EXPECT_TRUE(other.cert_dir().empty());
  EXPECT_NE(access(dir.c_str(), F_OK), 0);
  Fetch f = fetch("http://127.0.0.1:" + std::to_string(port) + "/name");
  EXPECT_EQ(f.result, CURLE_COULDNT_CONNECT);
}

// ---- TLS ---------------------------------------

TEST_F(NginxFixture, HttpsGoodChain) {
  const std::string ca = nginx_->cert("ca.pem");
  Fetch f = fetch(nginx_->url("good", "/1m"),
                  [&](CURL* e) { curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str()); });
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.size, 1 << 20);
}

TEST_F(NginxFixture, HttpsVerificationFailures) {
  const std::string ca = nginx_->cert("ca.pem");
  auto with_ca = [&](CURL* e) { curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str()); };
  EXPECT_EQ(fetch(nginx_->url("expired", "/name"), with_ca).result, CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(fetch(nginx_->url("untrusted", "/name"), with_ca).result,
            CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(fetch(nginx_->url("selfsigned", "/name"), with_ca).result,
            CURLE_PEER_FAILED_VERIFICATION);
  EXPECT_EQ(fetch(nginx_->url("wronghost", "/name"), with_ca).result,
            CURLE_PEER_FAILED_VERIFICATION);
}

TEST_F(NginxFixture, HttpsBigFile) {
  nginx_->ensure_big_file();
  const std::string ca = nginx_->cert("ca.pem");
  Fetch f = fetch(nginx_->url("good", "/256m"),
                  [&](CURL* e) { curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str()); });
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.size, curl_off_t{256} << 20);
}

TEST_F(NginxFixture, HttpsClientCertificate) {
  const std::string ca = nginx_->cert("ca.pem"), cert = nginx_->cert("client.pem"),
                    key = nginx_->cert("client-enc.key");
  Fetch f = fetch(nginx_->url("clientcert", "/whoami"), [&](CURL* e) {
    curl_easy_setopt(e, CURLOPT_CAINFO, ca.c_str());
    curl_easy_setopt(e, CURLOPT_SSLCERT, cert.c_str());
    curl_easy_setopt(e, CURLOPT_SSLKEY, key.c_str());
    curl_easy_setopt(e, CURLOPT_KEYPASSWD, "secret");
  });
  ASSERT_EQ(f.result, CURLE_OK) << f.error;
  EXPECT_EQ(f.body, "CN=mcurl client,O=mcurl tests\n");
}

}  // namespace
}  // namespace mcurl::test
