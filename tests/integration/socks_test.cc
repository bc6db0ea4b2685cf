// SOCKS proxies in the three drive modes: microsocks (a real SOCKS5 server, with and
// without user/password) in front of the scripted server and of nginx (an https target
// through the tunnel), and the scripted server playing SOCKS4, SOCKS4a and SOCKS5 answers
// byte by byte (partial reads), errors (CURLE_PROXY with CURLINFO_PROXY_ERROR) and a
// handshake that outlasts CONNECTTIMEOUT. The texts are 7.88.1's (conformance p_socks).
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "support/nginx_fixture.h"

namespace mcurl::itest {
namespace {

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

// A loopback port nobody listens on right now (bound then closed).
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// microsocks on 127.0.0.1 (a port from binding 0), optionally requiring user/password.
// port() is 0 when it is not installed or did not start; the destructor stops it.
class Microsocks {
 public:
  static bool available() { return ::access("/usr/bin/microsocks", X_OK) == 0; }
  explicit Microsocks(const char* user = nullptr, const char* pass = nullptr) {
    if (!available()) return;
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      int port = free_port();
      if (port <= 0) continue;
      std::string p = std::to_string(port);
      pid_ = ::fork();
      if (pid_ == 0) {
        int null_fd = ::open("/dev/null", O_RDWR);
        if (null_fd >= 0) {
          ::dup2(null_fd, 1);
          ::dup2(null_fd, 2);
        }
        if (user != nullptr) {
          ::execl("/usr/bin/microsocks", "microsocks", "-i", "127.0.0.1", "-p", p.c_str(), "-u",
                  user, "-P", pass, static_cast<char*>(nullptr));
        } else {
          ::execl("/usr/bin/microsocks", "microsocks", "-i", "127.0.0.1", "-p", p.c_str(),
                  static_cast<char*>(nullptr));
        }
        ::_exit(127);
      }
      // Bounded wait for the listener (polling connect: microsocks prints nothing).
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
      while (std::chrono::steady_clock::now() < deadline) {
        if (accepts(port)) {
          port_ = port;
          break;
        }
        int st;
        if (::waitpid(pid_, &st, WNOHANG) == pid_) {  // the port was taken: try another
          pid_ = -1;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      if (port_ == 0) stop();
    }
  }
  ~Microsocks() { stop(); }
  int port() const { return port_; }
  std::string proxy(const char* scheme) const {
    return std::string(scheme) + "://127.0.0.1:" + std::to_string(port_);
  }

 private:
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int st;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (::waitpid(pid_, &st, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &st, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
  }
  pid_t pid_ = -1;
  int port_ = 0;
};

// The machine's own name when the system resolver (not the numeric or localhost
// shortcut) turns it into 127.0.0.1; "" otherwise.
std::string loopback_hostname() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "";
  if (std::string(name) == "localhost") return "";
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* res = nullptr;
  if (::getaddrinfo(name, nullptr, &hints, &res) != 0 || res == nullptr) return "";
  bool loop =
      reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
  ::freeaddrinfo(res);
  return loop ? std::string(name) : "";
}

class Socks : public ModeTest {};

TEST_P(Socks, Socks4ResolvesTheTargetOnTheResolverThreads) {
  // socks4:// resolves the target here: a name only getaddrinfo knows takes the resolver
  // threads (the eventfd in the pollset) in the middle of the handshake.
  std::string host = loopback_hostname();
  if (host.empty()) GTEST_SKIP() << "the host name does not resolve to 127.0.0.1";
  ScriptedServer s({Step::expect_bytes(9), Step::send(std::string("\0\x5a\0\0\0\0\0\0", 8)),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy("http://" + host + ":8080/r");
  e.set(CURLOPT_PROXY, ("socks4://127.0.0.1:" + std::to_string(s.port())).c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, std::string("\x04\x01\x1f\x90\x7f\0\0\x01\0", 9));
  EXPECT_EQ(s.requests()[1].header("Host"), host + ":8080");
}

TEST_P(Socks, MicrosocksSocks5hAndSocks5) {
  Microsocks ms;
  if (ms.port() == 0) GTEST_SKIP() << "microsocks is not installed";
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  for (const char* scheme : {"socks5h", "socks5"}) {
    Easy& e = make_easy("http://localhost:" + std::to_string(s.port()) + "/x");
    e.set(CURLOPT_PROXY, ms.proxy(scheme).c_str());
    ASSERT_EQ(run1(e), CURLE_OK) << scheme << ": " << e.error();
    EXPECT_EQ(e.body, "ok");
    EXPECT_EQ(e.info_long(CURLINFO_RESPONSE_CODE), 200);
    EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_OK);
    // 7.88.1: the primary address is the proxy's.
    EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), "127.0.0.1");
    EXPECT_EQ(e.info_long(CURLINFO_PRIMARY_PORT), ms.port());
  }
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].target, "/x");  // origin-form: SOCKS carries plain HTTP
  EXPECT_EQ(s.requests()[0].header("Proxy-Connection"), "");
}

TEST_P(Socks, MicrosocksReusesTheProxiedConnection) {
  Microsocks ms;
  if (ms.port() == 0) GTEST_SKIP() << "microsocks is not installed";
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/1"));
  e.set(CURLOPT_PROXY, ms.proxy("socks5h").c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_P(Socks, MicrosocksUserPassword) {
  Microsocks ms("alice", "s3cret");
  if (ms.port() == 0) GTEST_SKIP() << "microsocks is not installed";
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  {
    Easy& e = make_easy(s.url("/auth"));
    e.set(CURLOPT_PROXY, ms.proxy("socks5h").c_str());
    e.set(CURLOPT_PROXYUSERPWD, "alice:s3cret");
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
    EXPECT_EQ(e.body, "ok");
  }
  {
    // Credentials in the proxy URL.
    Easy& e = make_easy(s.url("/url"));
    e.set(CURLOPT_PROXY, ("socks5://alice:s3cret@127.0.0.1:" + std::to_string(ms.port())).c_str());
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  }
  {
    Easy& e = make_easy(s.url("/wrong"));
    e.set(CURLOPT_PROXY, ms.proxy("socks5h").c_str());
    e.set(CURLOPT_PROXYUSERNAME, "alice");
    e.set(CURLOPT_PROXYPASSWORD, "nope");
    EXPECT_EQ(run1(e), CURLE_PROXY);
    EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_USER_REJECTED);
    EXPECT_EQ(e.error().rfind("User was rejected by the SOCKS5 server (", 0), 0u) << e.error();
  }
  {
    // No credentials: microsocks accepts no method the client offers.
    Easy& e = make_easy(s.url("/none"));
    e.set(CURLOPT_PROXY, ms.proxy("socks5h").c_str());
    EXPECT_EQ(run1(e), CURLE_PROXY);
    EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_NO_AUTH);
    EXPECT_EQ(e.error(), "No authentication method was acceptable.");
  }
  EXPECT_EQ(s.request_count(), 2u);
}

TEST_P(Socks, Socks4AnswerByteByByte) {
  // The reply arrives one byte at a time: every partial read must wait for more.
  ScriptedServer s({Step::expect_bytes(9),
                    Step::send_slowly(std::string("\0\x5a\0\0\0\0\0\0", 8), 1, 5),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy("http://127.0.0.1:8080/four");
  e.set(CURLOPT_PROXY, ("socks4://127.0.0.1:" + std::to_string(s.port())).c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  EXPECT_EQ(s.requests()[0].raw, std::string("\x04\x01\x1f\x90\x7f\0\0\x01\0", 9));
  EXPECT_EQ(s.requests()[1].header("Host"), "127.0.0.1:8080");
}

TEST_P(Socks, Socks4aSendsTheName) {
  ScriptedServer s({Step::expect_bytes(9 + 15), Step::send(std::string("\0\x5a\0\0\0\0\0\0", 8)),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy("http://origin.example/a");
  e.set(CURLOPT_PROXY, ("127.0.0.1:" + std::to_string(s.port())).c_str());
  e.set(CURLOPT_PROXYTYPE, static_cast<long>(CURLPROXY_SOCKS4A));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, std::string("\x04\x01\0\x50\0\0\0\x01\0origin.example\0", 24));
}

TEST_P(Socks, Socks5hSlowReplyWithAName) {
  std::string reply("\x05\0\0\x03\x09proxy.lan\x00\x50", 16);
  ScriptedServer s({Step::expect_bytes(3), Step::send_slowly(std::string("\x05\0", 2), 1, 5),
                    Step::expect_bytes(4 + 1 + 14 + 2), Step::send_slowly(reply, 3, 5),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy("http://origin.example/h");
  e.set(CURLOPT_PROXY, ("socks5h://127.0.0.1:" + std::to_string(s.port())).c_str());
  e.set(CURLOPT_SOCKS5_AUTH, static_cast<long>(CURLAUTH_BASIC));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(3, 5s));
  EXPECT_EQ(s.requests()[0].raw, std::string("\x05\x01\x00", 3));
  EXPECT_EQ(s.requests()[1].raw, std::string("\x05\x01\x00\x03\x0eorigin.example\x00\x50", 21));
}

TEST_P(Socks, Socks5ReplyCodeIsAProxyError) {
  ScriptedServer s(
      {Step::expect_bytes(3), Step::send(std::string("\x05\0", 2)), Step::expect_bytes(10),
       Step::send(std::string("\x05\x05\0\x01\0\0\0\0\0\0", 10)), Step::expect_close()});
  Easy& e = make_easy("http://127.0.0.1:9/r");
  e.set(CURLOPT_PROXY, ("socks5://127.0.0.1:" + std::to_string(s.port())).c_str());
  e.set(CURLOPT_SOCKS5_AUTH, static_cast<long>(CURLAUTH_BASIC));
  EXPECT_EQ(run1(e), CURLE_PROXY);
  EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_REPLY_CONNECTION_REFUSED);
  EXPECT_EQ(e.error(), "Can't complete SOCKS5 connection to 127.0.0.1. (5)");
}

TEST_P(Socks, HandshakeCountsAgainstTheConnectTimeout) {
  ScriptedServer s({Step::expect_bytes(3), Step::hold()});
  Easy& e = make_easy("http://origin.example/t");
  e.set(CURLOPT_PROXY, ("socks5h://127.0.0.1:" + std::to_string(s.port())).c_str());
  e.set(CURLOPT_CONNECTTIMEOUT_MS, 200L);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run1(e), CURLE_OPERATION_TIMEDOUT);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(e.error().rfind("Connection timed out after ", 0), 0u) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_OK);
}

TEST_P(Socks, ProxyClosingIsAProxyError) {
  ScriptedServer s({Step::expect_bytes(8 + 1), Step::close()});
  Easy& e = make_easy("http://127.0.0.1:8080/c");
  e.set(CURLOPT_PROXY, ("socks4://127.0.0.1:" + std::to_string(s.port())).c_str());
  EXPECT_EQ(run1(e), CURLE_PROXY);
  EXPECT_EQ(e.info_long(CURLINFO_PROXY_ERROR), CURLPX_CLOSED);
  EXPECT_EQ(e.error(), "connection to proxy closed");
}

INSTANTIATE_TEST_SUITE_P(Modes, Socks, MCURL_ALL_MODES);

// An https target through microsocks: TLS runs inside the SOCKS tunnel, verified against
// the target's name.
TEST(SocksTls, HttpsThroughMicrosocks) {
  if (!test::Nginx::available() || !Microsocks::available()) {
    GTEST_SKIP() << "nginx or microsocks is not installed";
  }
  Microsocks ms;
  ASSERT_GT(ms.port(), 0);
  test::Nginx nginx;
  nginx.start();
  CURL* e = curl_easy_init();
  std::string body;
  char err[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(e, CURLOPT_URL, nginx.url("good", "/name").c_str());
  curl_easy_setopt(e, CURLOPT_CAINFO, nginx.cert("ca.pem").c_str());
  curl_easy_setopt(e, CURLOPT_PROXY, ms.proxy("socks5h").c_str());
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 20000L);
  curl_easy_setopt(
      e, CURLOPT_WRITEFUNCTION, +[](char* p, std::size_t s, std::size_t n, void* ud) {
        static_cast<std::string*>(ud)->append(p, s * n);
        return s * n;
      });
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &body);
  EXPECT_EQ(curl_easy_perform(e), CURLE_OK) << err;
  EXPECT_EQ(body, "good\n");
  long port = 0;
  curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &port);
  EXPECT_EQ(port, ms.port());
  curl_easy_cleanup(e);
}

}  // namespace
}  // namespace mcurl::itest
