// nginx on 127.0.0.1 for integration tests that need TLS, gzip or large static files:
// a C++ face of tests/support/nginx_fixture.sh (docs/internals/TEST_SERVERS.md).
//
//   mcurl::test::Nginx nginx;
//   nginx.start();                       // fresh certificates, config and nginx
//   std::string url = nginx.url("good", "/1m");  // "https://localhost:PORT/1m"
//   curl_easy_setopt(e, CURLOPT_CAINFO, nginx.cert("ca.pem").c_str());
//
// No libcurl dependency. Not thread-safe: one thread starts, queries and stops it.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace mcurl::test {

class Nginx {
 public:
  // Does not start anything; start() does.
  Nginx() = default;
  // Stops nginx and removes the directory (as stop()). Never throws.
  ~Nginx();
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;

  // True when the programs the fixture needs (nginx, openssl, python3) are installed, so
  // that a test can GTEST_SKIP() instead of failing on a machine without them.
  static bool available();

  // Creates a fresh directory under $TMPDIR (default /tmp), generates the certificates,
  // writes the config and starts nginx; returns once every server block listens. Throws
  // std::runtime_error (with the script's complaint) when that fails, or when it is
  // already running. Takes about a second on the development VM.
  void start();
  // Stops nginx (bounded: SIGTERM, then SIGKILL after 5 s) and removes the directory.
  // A no-op when not running.
  void stop();
  bool running() const { return !dir_.empty(); }

  // The port of a server block: good, wronghost, expired, untrusted, selfsigned,
  // clientcert, tls12, tls13, revoked, http, gzip_http, gzip_https (and tinyproxy,
  // proxy_tls, proxy_untrusted: see has()). Throws
  // std::out_of_range for an unknown block or when not running.
  int port(std::string_view block) const;
  // True when the fixture runs block `block` (proxy_tls, proxy_untrusted and tinyproxy
  // need nginx's stream module and tinyproxy).
  bool has(std::string_view block) const { return ports_.find(block) != ports_.end(); }
  // "https://HOST:PORT" + path ("http://" for the http and gzip_http blocks).
  std::string url(std::string_view block, std::string_view path,
                  std::string_view host = "localhost") const;

  // The fixture's directory, its certs/ and www/ subdirectories, and the path of one
  // certificate file ("ca.pem", "client-enc.key", "server.pin"...). Empty when stopped.
  const std::string& dir() const { return dir_; }
  std::string cert_dir() const;
  std::string cert(std::string_view file) const;
  std::string www_dir() const;

  // Creates www/256m (a sparse 256 MiB file of zero bytes) if it is not there yet, so
  // that only the tests that fetch it pay for it. Throws std::runtime_error on failure.
  void ensure_big_file();

 private:
  std::string dir_;
  std::map<std::string, int, std::less<>> ports_;
};

}  // namespace mcurl::test
