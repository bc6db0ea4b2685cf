// Plain-socket helpers for the tests of the test servers: a blocking-with-timeout TCP
// client, a minimal HTTP/1.1 response reader, and a child process with pipes.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace mcurl::test {

class Client {
 public:
  // Connects to 127.0.0.1:port (or [::1]:port); fd() < 0 on failure.
  explicit Client(std::uint16_t port, bool v6 = false) {
    fd_ = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int rc;
    if (v6) {
      sockaddr_in6 a{};
      a.sin6_family = AF_INET6;
      a.sin6_port = htons(port);
      a.sin6_addr = in6addr_loopback;
      rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    } else {
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(port);
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    }
    if (rc != 0) {
      ::close(fd_);
      fd_ = -1;
      return;
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~Client() { close(); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  int fd() const { return fd_; }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  bool send(const std::string& s) {
    std::size_t off = 0;
    while (off < s.size()) {
      ssize_t w = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (w <= 0) return false;
      off += static_cast<std::size_t>(w);
    }
    return true;
  }
  // Waits up to ms for readability. True when readable (data, EOF or error).
  bool readable(int ms) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, ms) == 1;
  }
  // Reads whatever arrives within ms into buffer(). Returns bytes read; 0 at EOF;
  // -1 on error (errno kept in last_errno()); -2 on timeout.
  long read_some(int ms) {
    if (!readable(ms)) return -2;
    char tmp[65536];
    ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n < 0) {
      last_errno_ = errno;
      return -1;
    }
    buf_.append(tmp, static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    return n;
  }
  // Reads until EOF/error or the deadline. True on EOF or error.
  bool read_until_close(int ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
      if (left <= 0) return false;
      long n = read_some(static_cast<int>(left));
      if (n == 0 || n == -1) return true;
    }
  }
  // Reads until buffer() holds at least n bytes (or EOF/timeout). True when it does.
  bool read_at_least(std::size_t n, int ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (buf_.size() < n) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
      if (left <= 0) return false;
      long r = read_some(static_cast<int>(left));
      if (r == 0 || r == -1) return buf_.size() >= n;
    }
    return true;
  }
  std::string& buffer() { return buf_; }
  bool eof() const { return eof_; }
  int last_errno() const { return last_errno_; }

 private:
  int fd_ = -1;
  std::string buf_;
  bool eof_ = false;
  int last_errno_ = 0;
};

struct Response {
  bool ok = false;  // a complete response was read
  int status = 0;
  std::string head;
  std::string body;  // de-chunked
  bool chunked = false;
  std::string header(const std::string& name) const {
    std::string lname;
    for (char c : name) lname += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
      std::size_t e = head.find("\r\n", pos + 2);
      std::string line = head.substr(pos + 2, e - pos - 2);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string n;
        for (char c : line.substr(0, colon))
          n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (n == lname) {
          std::string v = line.substr(colon + 1);
          while (!v.empty() && v[0] == ' ') v.erase(0, 1);
          return v;
        }
      }
      pos = e;
    }
    return "";
  }
};

// Reads one response from the client's buffer/socket and consumes it. Body by
// Content-Length, chunked, none (HEAD, 204, 304) or until close.
inline Response read_response(Client& c, int ms = 5000, bool head_request = false) {
  Response r;
  std::string& b = c.buffer();
  std::size_t he;
  while ((he = b.find("\r\n\r\n")) == std::string::npos) {
    long n = c.read_some(ms);
    if (n <= 0) return r;
  }
  r.head = b.substr(0, he + 4);
  r.status = std::atoi(r.head.c_str() + 9);
  std::size_t pos = he + 4;
  std::string te = r.header("transfer-encoding");
  std::string cl = r.header("content-length");
  if (head_request || r.status == 204 || r.status == 304) {
    b.erase(0, pos);
    r.ok = true;
    return r;
  }
  if (te.find("chunked") != std::string::npos) {
    r.chunked = true;
    for (;;) {
      std::size_t eol;
      while ((eol = b.find("\r\n", pos)) == std::string::npos)
        if (c.read_some(ms) <= 0) return r;
      std::size_t size = std::strtoul(b.c_str() + pos, nullptr, 16);
      if (size == 0) {
        while (b.find("\r\n\r\n", eol) == std::string::npos)
          if (c.read_some(ms) <= 0) return r;
        b.erase(0, b.find("\r\n\r\n", eol) + 4);
        r.ok = true;
        return r;
      }
      if (!c.read_at_least(eol + 2 + size + 2, ms)) return r;
      r.body.append(b, eol + 2, size);
      pos = eol + 2 + size + 2;
    }
  }
  if (!cl.empty()) {
    std::size_t len = std::strtoul(cl.c_str(), nullptr, 10);
    if (!c.read_at_least(pos + len, ms)) return r;
    r.body = b.substr(pos, len);
    b.erase(0, pos + len);
    r.ok = true;
    return r;
  }
  if (!c.read_until_close(ms)) return r;
  r.body = b.substr(pos);
  b.clear();
  r.ok = true;
  return r;
}

// A child process with its stdin and stdout on pipes. The destructor sends SIGTERM,
// waits (bounded), then SIGKILLs.
class Child {
 public:
  explicit Child(const std::vector<std::string>& argv) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
  }
  ~Child() {
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGTERM);
      if (wait(3000) < 0) {
        ::kill(pid_, SIGKILL);
        wait(3000);
      }
    }
    close_stdin();
    if (stdout_ >= 0) ::close(stdout_);
  }
  pid_t pid() const { return pid_; }
  void close_stdin() {
    if (stdin_ >= 0) ::close(stdin_);
    stdin_ = -1;
  }
  // Reads one line of stdout (without the newline); "" on timeout/EOF.
  std::string read_line(int ms) {
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
      pollfd p{stdout_, POLLIN, 0};
      if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) != 1) return "";
      char ch;
      if (::read(stdout_, &ch, 1) != 1) return "";
      if (ch == '\n') return line;
      line += ch;
    }
  }
  // Waits up to ms for the child to exit; returns the wait status or -1 on timeout.
  int wait(int ms) {
    if (status_ >= 0) return status_;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    for (;;) {
      int st;
      pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        status_ = st;
        return st;
      }
      if (std::chrono::steady_clock::now() >= deadline) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int status_ = -1;
};

// "port 12345" -> 12345; 0 when the line does not have that form.
inline std::uint16_t parse_port_line(const std::string& line) {
  if (line.rfind("port ", 0) != 0) return 0;
  return static_cast<std::uint16_t>(std::atoi(line.c_str() + 5));
}

}  // namespace mcurl::test
