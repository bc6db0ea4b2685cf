// ScriptedServer: one accept thread (poll on the listeners and a stop eventfd) and one
// thread per connection that plays its script with non-blocking I/O, every wait bounded
// by the step timeout and interruptible by stop().
#include "support/scripted_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace mcurl::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void throw_errno(const char* what) {
  throw std::runtime_error(std::string("ScriptedServer: ") + what + ": " + std::strerror(errno));
}

bool iequals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// Header fields of a request head (after the request line), in order.
std::vector<std::pair<std::string, std::string>> parse_fields(const std::string& head) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos) {
    pos += 2;
    std::size_t end = head.find("\r\n", pos);
    if (end == std::string::npos || end == pos) break;
    std::string line = head.substr(pos, end - pos);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos)
      out.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    pos = end;
  }
  return out;
}

int make_listener(int family, std::uint16_t want_port, std::uint16_t* got_port) {
  int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int rc;
  if (family == AF_INET) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(want_port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(want_port);
    a.sin6_addr = in6addr_loopback;
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc != 0 || ::listen(fd, 128) != 0) {
    int e = errno;
    ::close(fd);
    errno = e;
    return -1;
  }
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  *got_port = family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port)
                                : ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
  return fd;
}

enum class Wait { kReady, kTimeout, kStopped, kError };

// Waits for `events` on fd, or the stop eventfd, until the deadline (none: forever).
Wait wait_fd(int fd, short events, int stop_fd, const Clock::time_point* deadline) {
  for (;;) {
    int ms = -1;
    if (deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
      if (left.count() <= 0) return Wait::kTimeout;
      ms = static_cast<int>(std::min<long long>(left.count() + 1, 1000 * 1000));
    }
    pollfd p[2] = {{stop_fd, POLLIN, 0}, {fd, events, 0}};
    int n = ::poll(p, fd >= 0 ? 2 : 1, ms);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Wait::kError;
    }
    if (p[0].revents) return Wait::kStopped;
    if (fd >= 0 && p[1].revents) return Wait::kReady;
  }
}

// Incremental de-chunker over the connection buffer.
struct Dechunk {
  std::size_t pos = 0;  // where the next chunk-size line starts
  bool in_trailer = false;
  std::string body;
  // Returns 1 and sets *end (one past the request) when complete, 0 when more bytes are
  // needed, -1 on a framing error.
  int feed(const std::string& buf, std::size_t* end) {
    for (;;) {
      std::size_t eol = buf.find("\r\n", pos);
      if (eol == std::string::npos) return 0;
      if (in_trailer) {
        bool blank = eol == pos;
        pos = eol + 2;
        if (blank) {
          *end = pos;
          return 1;
        }
        continue;
      }
      std::string line = buf.substr(pos, eol - pos);
      std::size_t semi = line.find(';');
      if (semi != std::string::npos) line.resize(semi);
      line = trim(line);
      if (line.empty() || line.size() > 16) return -1;
      unsigned long long size = 0;
      for (char c : line) {
        int d;
        if (c >= '0' && c <= '9')
          d = c - '0';
        else if (c >= 'a' && c <= 'f')
          d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
          d = c - 'A' + 10;
        else
          return -1;
        size = size * 16 + static_cast<unsigned>(d);
      }
      if (size == 0) {
        pos = eol + 2;
        in_trailer = true;
        continue;
      }
      std::size_t data = eol + 2;
      if (buf.size() < data + size + 2) return 0;
      if (buf.compare(data + size, 2, "\r\n") != 0) return -1;
      body.append(buf, data, size);
      pos = data + size + 2;
    }
  }
};

}  // namespace

// ---- Step factories ------------------------------------------------------------------

Step Step::expect_request(bool send_continue) {
  Step s;
  s.kind = Kind::kExpectRequest;
  s.send_continue = send_continue;
  return s;
}
Step Step::send(std::string bytes) {
  Step s;
  s.kind = Kind::kSend;
  s.bytes = std::move(bytes);
  return s;
}
Step Step::send_slowly(std::string bytes, std::size_t chunk_size, int delay_ms) {
  Step s;
  s.kind = Kind::kSendSlowly;
  s.bytes = std::move(bytes);
  s.chunk_size = chunk_size == 0 ? 1 : chunk_size;
  s.delay_ms = delay_ms;
  return s;
}
Step Step::delay(int ms) {
  Step s;
  s.kind = Kind::kDelay;
  s.delay_ms = ms;
  return s;
}
Step Step::close() {
  Step s;
  s.kind = Kind::kClose;
  return s;
}
Step Step::reset() {
  Step s;
  s.kind = Kind::kReset;
  return s;
}
Step Step::expect_close() {
  Step s;
  s.kind = Kind::kExpectClose;
  return s;
}
Step Step::expect_bytes(std::size_t n) {
  Step s;
  s.kind = Kind::kExpectBytes;
  s.chunk_size = n;
  return s;
}

Step Step::hold() {
  Step s;
  s.kind = Kind::kHold;
  return s;
}

std::string RecordedRequest::header(const std::string& name) const {
  for (auto& f : parse_fields(head))
    if (iequals(f.first, name)) return f.second;
  return "";
}

const char* to_string(ConnectionEnd e) {
  switch (e) {
    case ConnectionEnd::kRunning:
      return "running";
    case ConnectionEnd::kCompleted:
      return "completed";
    case ConnectionEnd::kClientClosed:
      return "client-closed";
    case ConnectionEnd::kTimedOut:
      return "timed-out";
    case ConnectionEnd::kError:
      return "error";
    case ConnectionEnd::kStopped:
      return "stopped";
  }
  return "?";
}

// ---- the server ----------------------------------------------------------------------

ScriptedServer::ScriptedServer(Script script, ServerOptions options)
    : script_fn_([s = std::move(script)](std::size_t) { return s; }), options_(options) {
  start();
}

ScriptedServer::ScriptedServer(std::vector<Script> scripts, ServerOptions options)
    : options_(options) {
  if (scripts.empty()) throw std::runtime_error("ScriptedServer: no scripts");
  script_fn_ = [s = std::move(scripts)](std::size_t i) { return s[i % s.size()]; };
  start();
}

ScriptedServer::ScriptedServer(ScriptFn fn, ServerOptions options)
    : script_fn_(std::move(fn)), options_(options) {
  start();
}

ScriptedServer::~ScriptedServer() { stop(); }

void ScriptedServer::start() {
  stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (stop_fd_ < 0) throw_errno("eventfd");
  listen4_ = make_listener(AF_INET, 0, &port_);
  if (listen4_ < 0) {
    int e = errno;
    ::close(stop_fd_);
    errno = e;
    throw_errno("listen on 127.0.0.1");
  }
  if (options_.ipv6) {
    // Same port as IPv4 when it is free on ::1, else any port.
    listen6_ = make_listener(AF_INET6, port_, &port6_);
    if (listen6_ < 0) listen6_ = make_listener(AF_INET6, 0, &port6_);
    if (listen6_ < 0) port6_ = 0;
  }
  accept_thread_ = std::thread([this] { accept_loop(); });
}

std::string ScriptedServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void ScriptedServer::stop() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (stopped_) return;
    stopped_ = true;
  }
  std::uint64_t one = 1;
  (void)!::write(stop_fd_, &one, sizeof one);
  if (accept_thread_.joinable()) accept_thread_.join();
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lk(mu_);
    threads.swap(conn_threads_);
  }
  for (auto& t : threads)
    if (t.joinable()) t.join();
  if (listen4_ >= 0) ::close(listen4_);
  if (listen6_ >= 0) ::close(listen6_);
  ::close(stop_fd_);
  listen4_ = listen6_ = stop_fd_ = -1;
  cv_.notify_all();
}

void ScriptedServer::accept_loop() {
  for (;;) {
    pollfd p[3] = {{stop_fd_, POLLIN, 0}, {listen4_, POLLIN, 0}, {listen6_, POLLIN, 0}};
    int n = ::poll(p, listen6_ >= 0 ? 3 : 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (p[0].revents) return;
    for (int i = 1; i < 3; ++i) {
      if (p[i].fd < 0 || !(p[i].revents & POLLIN)) continue;
      int fd = ::accept4(p[i].fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        // Out of descriptors (or similar): do not spin on a listener that stays readable.
        if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      std::lock_guard<std::mutex> lk(mu_);
      reap_finished_threads();
      std::size_t index = conns_.size();
      ConnectionRecord rec;
      rec.index = index;
      conns_.push_back(rec);
      conn_threads_.emplace_back([this, fd, index] { run_connection(fd, index); });
      cv_.notify_all();
    }
  }
}

// Joins the threads of connections that finished (they only return after saying so).
// Called with mu_ held.
void ScriptedServer::reap_finished_threads() {
  for (auto id : finished_threads_) {
    auto it = std::find_if(conn_threads_.begin(), conn_threads_.end(),
                           [&](const std::thread& t) { return t.get_id() == id; });
    if (it != conn_threads_.end()) {
      it->join();
      conn_threads_.erase(it);
    }
  }
  finished_threads_.clear();
}

void ScriptedServer::finish_connection(std::size_t index, ConnectionEnd end) {
  std::lock_guard<std::mutex> lk(mu_);
  conns_[index].end = end;
  ++finished_;
  finished_threads_.push_back(std::this_thread::get_id());
  cv_.notify_all();
}

void ScriptedServer::add_request(RecordedRequest r) {
  std::lock_guard<std::mutex> lk(mu_);
  conns_[r.connection].requests++;
  requests_.push_back(std::move(r));
  cv_.notify_all();
}

void ScriptedServer::run_connection(int fd, std::size_t index) {
  Script script;
  try {
    script = script_fn_(index);
  } catch (...) {
    script.clear();
  }
  std::string buf;  // bytes read and not yet consumed by a request
  std::string unexpected;
  ConnectionEnd end = ConnectionEnd::kCompleted;
  bool closed = false;  // fd already closed by a Close/Reset step

  // Reads what is available into buf. 1: got bytes, 0: EOF, -1: error, 2: would block.
  auto read_some = [&](std::string& into) -> int {
    char tmp[16384];
    ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n > 0) {
      into.append(tmp, static_cast<std::size_t>(n));
      return 1;
    }
    if (n == 0) return 0;
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return 2;
    return -1;
  };
  auto fail_from_wait = [](Wait w) {
    return w == Wait::kTimeout   ? ConnectionEnd::kTimedOut
           : w == Wait::kStopped ? ConnectionEnd::kStopped
                                 : ConnectionEnd::kError;
  };
  // Sends all bytes; kCompleted on success.
  auto send_all = [&](const char* p, std::size_t n) -> ConnectionEnd {
    while (n > 0) {
      ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
      if (w > 0) {
        p += w;
        n -= static_cast<std::size_t>(w);
        continue;
      }
      if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
        return ConnectionEnd::kError;
      auto deadline = Clock::now() + options_.step_timeout;
      Wait r = wait_fd(fd, POLLOUT, stop_fd_, &deadline);
      if (r != Wait::kReady) return fail_from_wait(r);
    }
    return ConnectionEnd::kCompleted;
  };
  auto sleep_ms = [&](int ms) -> bool {  // false: stopped
    auto deadline = Clock::now() + std::chrono::milliseconds(ms);
    return wait_fd(-1, 0, stop_fd_, &deadline) == Wait::kTimeout;
  };
  // Reads one request. kCompleted on success.
  auto expect_request = [&](bool send_continue) -> ConnectionEnd {
    auto deadline = Clock::now() + options_.step_timeout;
    RecordedRequest req;
    req.connection = index;
    auto record_partial = [&]() {
      if (buf.empty()) return;
      req.raw = buf;
      req.complete = false;
      buf.clear();
      add_request(std::move(req));
    };
    // 1. the head
    std::size_t head_end;
    for (;;) {
      head_end = buf.find("\r\n\r\n");
      if (head_end != std::string::npos) break;
      if (buf.size() > options_.max_head_bytes) return ConnectionEnd::kError;
      Wait r = wait_fd(fd, POLLIN, stop_fd_, &deadline);
      if (r != Wait::kReady) {
        record_partial();
        return fail_from_wait(r);
      }
      int got = read_some(buf);
      if (got == 0) {
        record_partial();
        return ConnectionEnd::kClientClosed;
      }
      if (got < 0) {
        record_partial();
        return ConnectionEnd::kError;
      }
    }
    head_end += 4;
    req.head = buf.substr(0, head_end);
    {
      std::size_t eol = req.head.find("\r\n");
      std::istringstream line(req.head.substr(0, eol));
      line >> req.method >> req.target >> req.version;
    }
    bool chunked = false;
    unsigned long long length = 0;
    bool expect100 = false;
    for (auto& f : parse_fields(req.head)) {
      if (iequals(f.first, "transfer-encoding") &&
          lower(f.second).find("chunked") != std::string::npos)
        chunked = true;
      else if (iequals(f.first, "content-length"))
        length = std::strtoull(f.second.c_str(), nullptr, 10);
      else if (iequals(f.first, "expect") && iequals(f.second, "100-continue"))
        expect100 = true;
    }
    req.chunked = chunked;
    if (send_continue && expect100) {
      static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
      ConnectionEnd e = send_all(kContinue, sizeof kContinue - 1);
      if (e != ConnectionEnd::kCompleted) return e;
    }
    // 2. the body
    std::size_t req_end = 0;
    Dechunk dechunk;
    dechunk.pos = head_end;
    for (;;) {
      if (chunked) {
        int st = dechunk.feed(buf, &req_end);
        if (st < 0) {
          record_partial();
          return ConnectionEnd::kError;
        }
        if (st == 1) {
          req.body = std::move(dechunk.body);
          break;
        }
      } else if (buf.size() - head_end >= length) {
        req_end = head_end + static_cast<std::size_t>(length);
        req.body = buf.substr(head_end, static_cast<std::size_t>(length));
        break;
      }
      Wait r = wait_fd(fd, POLLIN, stop_fd_, &deadline);
      if (r != Wait::kReady) {
        record_partial();
        return fail_from_wait(r);
      }
      int got = read_some(buf);
      if (got == 0) {
        record_partial();
        return ConnectionEnd::kClientClosed;
      }
      if (got < 0) {
        record_partial();
        return ConnectionEnd::kError;
      }
    }
    req.raw = buf.substr(0, req_end);
    buf.erase(0, req_end);
    add_request(std::move(req));
    return ConnectionEnd::kCompleted;
  };
  // Reads exactly n raw bytes (no HTTP framing). kCompleted on success.
  auto expect_bytes = [&](std::size_t n) -> ConnectionEnd {
    auto deadline = Clock::now() + options_.step_timeout;
    RecordedRequest req;
    req.connection = index;
    req.method = "BYTES";
    while (buf.size() < n) {
      Wait r = wait_fd(fd, POLLIN, stop_fd_, &deadline);
      int got = r == Wait::kReady ? read_some(buf) : -2;
      if (got == 1 || got == 2) continue;
      req.raw = buf;
      req.complete = false;
      buf.clear();
      if (!req.raw.empty()) add_request(std::move(req));
      if (got == -2) return fail_from_wait(r);
      return got == 0 ? ConnectionEnd::kClientClosed : ConnectionEnd::kError;
    }
    req.raw = buf.substr(0, n);
    buf.erase(0, n);
    add_request(std::move(req));
    return ConnectionEnd::kCompleted;
  };
  // Closes with a FIN: shut down writing first, then drop unread input so that close()
  // does not turn into a RST.
  auto close_gracefully = [&]() {
    ::shutdown(fd, SHUT_WR);
    std::string sink;
    while (read_some(sink) == 1 && sink.size() < (1u << 20)) {
    }
    ::close(fd);
    closed = true;
  };

  for (const Step& step : script) {
    ConnectionEnd e = ConnectionEnd::kCompleted;
    switch (step.kind) {
      case Step::Kind::kExpectRequest:
        e = expect_request(step.send_continue);
        break;
      case Step::Kind::kExpectBytes:
        e = expect_bytes(step.chunk_size);
        break;
      case Step::Kind::kSend:
        e = send_all(step.bytes.data(), step.bytes.size());
        break;
      case Step::Kind::kSendSlowly: {
        std::size_t off = 0;
        while (off < step.bytes.size() && e == ConnectionEnd::kCompleted) {
          if (off > 0 && !sleep_ms(step.delay_ms)) {
            e = ConnectionEnd::kStopped;
            break;
          }
          std::size_t n = std::min(step.chunk_size, step.bytes.size() - off);
          e = send_all(step.bytes.data() + off, n);
          off += n;
        }
        break;
      }
      case Step::Kind::kDelay:
        if (!sleep_ms(step.delay_ms)) e = ConnectionEnd::kStopped;
        break;
      case Step::Kind::kClose:
        close_gracefully();
        break;
      case Step::Kind::kReset: {
        linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::close(fd);
        closed = true;
        break;
      }
      case Step::Kind::kExpectClose:
      case Step::Kind::kHold: {
        bool hold = step.kind == Step::Kind::kHold;
        auto deadline = Clock::now() + options_.step_timeout;
        unexpected += buf;
        buf.clear();
        for (;;) {
          Wait r = wait_fd(fd, POLLIN, stop_fd_, hold ? nullptr : &deadline);
          if (r != Wait::kReady) {
            e = fail_from_wait(r);
            break;
          }
          int got = read_some(unexpected);
          if (got == 0 || got < 0) {
            // The client went away: that is what ExpectClose waits for, and the end of
            // a Hold.
            if (hold) e = ConnectionEnd::kClientClosed;
            break;
          }
        }
        break;
      }
    }
    if (closed || e != ConnectionEnd::kCompleted) {
      end = e;
      break;
    }
  }
  if (!closed) {
    if (end == ConnectionEnd::kCompleted)
      close_gracefully();
    else
      ::close(fd);
  }
  if (!unexpected.empty()) {
    std::lock_guard<std::mutex> lk(mu_);
    conns_[index].unexpected = unexpected;
  }
  finish_connection(index, end);
}

std::size_t ScriptedServer::connection_count() const {
  std::lock_guard<std::mutex> lk(mu_);
  return conns_.size();
}
std::size_t ScriptedServer::active_connections() const {
  std::lock_guard<std::mutex> lk(mu_);
  return conns_.size() - finished_;
}
std::size_t ScriptedServer::request_count() const {
  std::lock_guard<std::mutex> lk(mu_);
  return requests_.size();
}
std::vector<RecordedRequest> ScriptedServer::requests() const {
  std::lock_guard<std::mutex> lk(mu_);
  return requests_;
}
std::vector<ConnectionRecord> ScriptedServer::connections() const {
  std::lock_guard<std::mutex> lk(mu_);
  return conns_;
}
bool ScriptedServer::wait_for_requests(std::size_t n, std::chrono::milliseconds t) const {
  std::unique_lock<std::mutex> lk(mu_);
  return cv_.wait_for(lk, t, [&] { return requests_.size() >= n; });
}
bool ScriptedServer::wait_for_connections(std::size_t n, std::chrono::milliseconds t) const {
  std::unique_lock<std::mutex> lk(mu_);
  return cv_.wait_for(lk, t, [&] { return conns_.size() >= n; });
}
bool ScriptedServer::wait_for_finished(std::size_t n, std::chrono::milliseconds t) const {
  std::unique_lock<std::mutex> lk(mu_);
  return cv_.wait_for(lk, t, [&] { return finished_ >= n; });
}

// ---- script files --------------------------------------------------------------------

std::string c_unescape(const std::string& in) {
  std::string s = in;
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
    s = s.substr(1, s.size() - 2);
  else if (!s.empty() && s.front() == '"')
    throw std::runtime_error("unterminated string");
  std::string out;
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= s.size()) throw std::runtime_error("backslash at end of string");
    c = s[i];
    switch (c) {
      case 'r':
        out += '\r';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'v':
        out += '\v';
        break;
      case 'e':
        out += '\x1b';
        break;
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case '\'':
        out += '\'';
        break;
      case 'x': {
        int v = 0, n = 0;
        while (n < 2 && i + 1 < s.size() && hexval(s[i + 1]) >= 0) {
          v = v * 16 + hexval(s[++i]);
          ++n;
        }
        if (n == 0) throw std::runtime_error("\\x without hex digits");
        out += static_cast<char>(v);
        break;
      }
      default:
        if (c >= '0' && c <= '7') {
          int v = c - '0', n = 1;
          while (n < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
            v = v * 8 + (s[++i] - '0');
            ++n;
          }
          if (v > 255) throw std::runtime_error("octal escape above \\377");
          out += static_cast<char>(v);
          break;
        }
        throw std::runtime_error(std::string("unknown escape \\") + c);
    }
  }
  return out;
}

namespace {

struct Parser {
  std::vector<std::string> lines;
  std::size_t next = 0;
  std::string base_dir;

  [[noreturn]] void fail(std::size_t lineno, const std::string& msg) {
    throw std::runtime_error("line " + std::to_string(lineno) + ": " + msg);
  }

  static long long to_number(const std::string& s, bool* ok) {
    *ok = !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos;
    return *ok ? std::stoll(s) : 0;
  }

  // Parses steps until "end" (nested=true), a "---" line or the end of the file.
  Script parse_block(bool nested, std::size_t open_line) {
    Script out;
    while (next < lines.size()) {
      std::size_t lineno = next + 1;
      std::string line = lines[next];
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string t = trim(line);
      if (t.empty() || t[0] == '#') {
        ++next;
        continue;
      }
      if (t.rfind("---", 0) == 0) {
        if (nested) fail(open_line, "repeat without end");
        return out;
      }
      ++next;
      std::size_t sp = t.find_first_of(" \t");
      std::string word = t.substr(0, sp);
      std::string rest = sp == std::string::npos ? "" : trim(t.substr(sp));
      auto arg_string = [&](const std::string& r) {
        try {
          return c_unescape(r);
        } catch (const std::exception& e) {
          fail(lineno, e.what());
        }
      };
      auto split_first = [&](std::string& r) {
        std::size_t s = r.find_first_of(" \t");
        std::string first = r.substr(0, s);
        r = s == std::string::npos ? "" : trim(r.substr(s));
        return first;
      };
      auto number = [&](const std::string& s, const char* what) {
        bool ok;
        long long v = to_number(s, &ok);
        if (!ok) fail(lineno, std::string("expected a number for ") + what + ", got '" + s + "'");
        return v;
      };
      auto no_args = [&]() {
        if (!rest.empty()) fail(lineno, word + " takes no argument");
      };
      if (word == "expect") {
        no_args();
        out.push_back(Step::expect_request(false));
      } else if (word == "expect_continue") {
        no_args();
        out.push_back(Step::expect_request(true));
      } else if (word == "send") {
        out.push_back(Step::send(arg_string(rest)));
      } else if (word == "send_file") {
        if (rest.empty()) fail(lineno, "send_file needs a path");
        std::string path = arg_string(rest);
        if (path[0] != '/') path = base_dir + "/" + path;
        std::ifstream f(path, std::ios::binary);
        if (!f) fail(lineno, "cannot open " + path);
        std::ostringstream ss;
        ss << f.rdbuf();
        out.push_back(Step::send(ss.str()));
      } else if (word == "send_fill") {
        long long n = number(split_first(rest), "send_fill count");
        std::string pat = rest.empty() ? std::string("x") : arg_string(rest);
        if (pat.empty()) fail(lineno, "send_fill with an empty pattern");
        std::string bytes;
        bytes.reserve(static_cast<std::size_t>(n));
        while (bytes.size() < static_cast<std::size_t>(n))
          bytes.append(pat, 0, std::min(pat.size(), static_cast<std::size_t>(n) - bytes.size()));
        out.push_back(Step::send(std::move(bytes)));
      } else if (word == "send_slowly") {
        long long chunk = number(split_first(rest), "send_slowly chunk size");
        long long ms = number(split_first(rest), "send_slowly delay");
        if (chunk <= 0) fail(lineno, "send_slowly chunk size must be positive");
        out.push_back(Step::send_slowly(arg_string(rest), static_cast<std::size_t>(chunk),
                                        static_cast<int>(ms)));
      } else if (word == "sleep") {
        out.push_back(Step::delay(static_cast<int>(number(rest, "sleep"))));
      } else if (word == "close") {
        no_args();
        out.push_back(Step::close());
      } else if (word == "reset") {
        no_args();
        out.push_back(Step::reset());
      } else if (word == "expect_close") {
        no_args();
        out.push_back(Step::expect_close());
      } else if (word == "expect_bytes") {
        long long n = number(rest, "expect_bytes");
        if (n <= 0) fail(lineno, "expect_bytes needs a positive count");
        out.push_back(Step::expect_bytes(static_cast<std::size_t>(n)));
      } else if (word == "hold") {
        no_args();
        out.push_back(Step::hold());
      } else if (word == "repeat") {
        long long n = number(rest, "repeat");
        Script body = parse_block(true, lineno);
        for (long long i = 0; i < n; ++i) out.insert(out.end(), body.begin(), body.end());
      } else if (word == "end") {
        no_args();
        if (!nested) fail(lineno, "end without repeat");
        return out;
      } else {
        fail(lineno, "unknown command '" + word + "'");
      }
    }
    if (nested) fail(open_line, "repeat without end");
    return out;
  }
};

}  // namespace

std::vector<Script> parse_script(const std::string& text, const std::string& base_dir) {
  Parser p;
  p.base_dir = base_dir;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) p.lines.push_back(line);
  std::vector<Script> scripts;
  for (std::size_t section = 0;; ++section) {
    std::size_t start_line = p.next + 1;
    Script s = p.parse_block(false, start_line);
    bool at_separator = p.next < p.lines.size();
    if (!s.empty())
      scripts.push_back(std::move(s));
    else if (!(section == 0 && at_separator))  // only a leading "---" may open empty
      p.fail(start_line, "empty connection script");
    if (!at_separator) break;
    ++p.next;  // the "---" line
  }
  if (scripts.empty()) throw std::runtime_error("line 1: empty script");
  return scripts;
}

}  // namespace mcurl::test
