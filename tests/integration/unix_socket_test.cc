// CURLOPT_UNIX_SOCKET_PATH and CURLOPT_ABSTRACT_UNIX_SOCKET in the three drive modes,
// against a small HTTP server on a UNIX socket (below): the request goes over the socket
// with the URL's host in Host:, the pool keeps connections apart by path, a proxy is
// ignored, a missing socket fails to connect, an abstract socket is never reused.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

namespace mcurl::itest {
namespace {

// Answers every request with "REQUEST-LINE|HOST" (keep-alive); counts connections.
// Bounded: at most 32 connections, each thread ends when its client closes or the
// server stops (shutdown of every socket wakes the blocked calls).
class UnixHttpServer {
 public:
  // `name` is a file path, or an abstract name with `abstract`.
  UnixHttpServer(std::string name, bool abstract) : name_(std::move(name)) {
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::memcpy(a.sun_path + (abstract ? 1 : 0), name_.data(), name_.size());
    auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name_.size() + 1);
    if (!abstract) ::unlink(name_.c_str());
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&a), len) != 0 ||
        ::listen(fd_, 16) != 0) {
      ADD_FAILURE() << "cannot listen on " << name_;
      return;
    }
    file_ = !abstract;
    acceptor_ = std::thread([this] { accept_loop(); });
  }
  ~UnixHttpServer() {
    ::shutdown(fd_, SHUT_RDWR);
    {
      std::lock_guard<std::mutex> g(mu_);
      stopping_ = true;
      for (int c : conns_) ::shutdown(c, SHUT_RDWR);
    }
    if (acceptor_.joinable()) acceptor_.join();
    for (std::thread& t : workers_) t.join();
    ::close(fd_);
    if (file_) ::unlink(name_.c_str());
  }
  int connections() {
    std::lock_guard<std::mutex> g(mu_);
    return accepted_;
  }

 private:
  void accept_loop() {
    for (int i = 0; i < 32; ++i) {
      int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) return;
      std::lock_guard<std::mutex> g(mu_);
      if (stopping_) {
        ::close(c);
        return;
      }
      ++accepted_;
      conns_.push_back(c);
      workers_.emplace_back([this, c] { serve(c); });
    }
  }
  void serve(int c) {
    std::string buf;
    char chunk[4096];
    for (int rounds = 0; rounds < 1000; ++rounds) {
      ssize_t n = ::recv(c, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      buf.append(chunk, static_cast<std::size_t>(n));
      std::size_t end;
      while ((end = buf.find("\r\n\r\n")) != std::string::npos) {
        std::string head = buf.substr(0, end);
        buf.erase(0, end + 4);
        std::string line = head.substr(0, head.find("\r\n"));
        std::string host;
        std::size_t h = head.find("\r\nHost: ");
        if (h != std::string::npos) host = head.substr(h + 8, head.find("\r\n", h + 8) - h - 8);
        std::string body = line + "|" + host;
        std::string resp =
            "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        if (::send(c, resp.data(), resp.size(), MSG_NOSIGNAL) < 0) break;
      }
    }
    std::lock_guard<std::mutex> g(mu_);
    for (int& x : conns_) {
      if (x == c) x = -1;
    }
    ::close(c);
  }

  std::string name_;
  int fd_ = -1;
  bool file_ = false;
  std::thread acceptor_;
  std::mutex mu_;
  bool stopping_ = false;
  int accepted_ = 0;
  std::vector<int> conns_;
  std::vector<std::thread> workers_;
};

// A fresh directory for socket files, removed at the end.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/mcurl-itest-unix-XXXXXX";
    if (::mkdtemp(tmpl) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    if (!path_.empty()) ::rmdir(path_.c_str());
  }
  std::string file(const char* name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

class UnixSocket : public ModeTest {};

TEST_P(UnixSocket, RequestGoesOverThePathWithTheUrlsHost) {
  TempDir dir;
  std::string path = dir.file("a.sock");
  UnixHttpServer server(path, false);
  Easy& e = make_easy("http://example.invalid:8080/first");
  e.set(CURLOPT_UNIX_SOCKET_PATH, path.c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "GET /first HTTP/1.1|example.invalid:8080");
  EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), path);
  EXPECT_EQ(e.info_long(CURLINFO_PRIMARY_PORT), 8080);
  EXPECT_EQ(e.info_str(CURLINFO_LOCAL_IP), "");
  EXPECT_EQ(e.info_long(CURLINFO_LOCAL_PORT), 0);
  EXPECT_EQ(server.connections(), 1);
}

TEST_P(UnixSocket, ReusedOnlyForTheSamePath) {
  TempDir dir;
  std::string p1 = dir.file("one.sock"), p2 = dir.file("two.sock");
  UnixHttpServer s1(p1, false), s2(p2, false);
  Easy& e = make_easy("http://example.invalid/a");
  e.set(CURLOPT_UNIX_SOCKET_PATH, p1.c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  e.body.clear();
  e.url("http://example.invalid/b");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "GET /b HTTP/1.1|example.invalid");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
  e.body.clear();
  e.set(CURLOPT_UNIX_SOCKET_PATH, p2.c_str());
  e.url("http://example.invalid/c");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "GET /c HTTP/1.1|example.invalid");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), p2);
  EXPECT_EQ(s1.connections(), 1);
  EXPECT_EQ(s2.connections(), 1);
}

TEST_P(UnixSocket, ProxyIsIgnored) {
  TempDir dir;
  std::string path = dir.file("p.sock");
  UnixHttpServer server(path, false);
  Easy& e = make_easy("http://example.invalid/viaproxy");
  e.set(CURLOPT_UNIX_SOCKET_PATH, path.c_str());
  e.set(CURLOPT_PROXY, "http://127.0.0.1:1");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "GET /viaproxy HTTP/1.1|example.invalid");
}

TEST_P(UnixSocket, MissingSocketFailsToConnect) {
  TempDir dir;
  std::string path = dir.file("missing.sock");
  Easy& e = make_easy("http://example.invalid/x");
  e.set(CURLOPT_UNIX_SOCKET_PATH, path.c_str());
  EXPECT_EQ(run1(e), CURLE_COULDNT_CONNECT);
  EXPECT_EQ(e.error().rfind("Failed to connect to example.invalid port 80 after ", 0), 0u)
      << e.error();
}

TEST_P(UnixSocket, PathTooLongIsAResolveError) {
  std::string path = "/" + std::string(120, 'x');
  Easy& e = make_easy("http://example.invalid/x");
  e.set(CURLOPT_UNIX_SOCKET_PATH, path.c_str());
  EXPECT_EQ(run1(e), CURLE_COULDNT_RESOLVE_HOST);
  EXPECT_EQ(e.error(), "Unix socket path too long: '" + path + "'");
}

TEST_P(UnixSocket, AbstractSocketIsNeverReused) {
  std::string name = "mcurl-itest-unix-" + std::to_string(::getpid()) + "-" +
                     std::to_string(static_cast<int>(GetParam()));
  UnixHttpServer server(name, true);
  Easy& e = make_easy("http://example.invalid/abs");
  e.set(CURLOPT_ABSTRACT_UNIX_SOCKET, name.c_str());
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "GET /abs HTTP/1.1|example.invalid");
  EXPECT_EQ(e.info_str(CURLINFO_PRIMARY_IP), "");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);  // 7.88.1: "still name resolving"
  EXPECT_EQ(server.connections(), 2);
}

INSTANTIATE_TEST_SUITE_P(Modes, UnixSocket, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
