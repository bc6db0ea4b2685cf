// mcurl_httpd: a small, fast HTTP/1.1 server for the demo and the benchmarks.
//
//   mcurl_httpd [--port N] [--bind ADDR] [--threads N] [--exit-on-stdin-eof]
//
// Prints "port N" as its first stdout line once it listens. Routes (any method; HEAD gets
// the headers only):
//   /bytes/N      N bytes of body ('a'..'z' repeating), Content-Length
//   /chunked/N    the same N bytes, chunked (close-delimited for HTTP/1.0)
//   /gzip/N       the same N bytes gzip-compressed (Content-Encoding: gzip), Content-Length
//   /deflate/N    the same N bytes zlib-compressed (Content-Encoding: deflate)
//   /slow/MS      answers after MS milliseconds (body "slow MS\n")
//   /status/CODE  that status (200..599), body "status CODE\n" (none for 204/304)
//   /redirect/N   302 to /redirect/N-1, then 200 "redirected\n" at 0
//   /echo         the request body back (Content-Length or chunked request)
//   /             "mcurl_httpd\n"; anything else 404
// Keep-alive by default on HTTP/1.1; "Connection: close" and HTTP/1.0 (without
// "Connection: keep-alive") close after the response. No pipelining guarantees beyond
// answering queued requests in order.
//
// Design: every worker thread owns an epoll instance (level-triggered); all of them wait
// on the one listening socket with EPOLLEXCLUSIVE and on a stop eventfd that is never
// drained, so one write to it wakes every worker for good.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <queue>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxHead = 64 * 1024;
constexpr std::uint64_t kMaxBody = 256ull * 1024 * 1024;
constexpr std::size_t kInlineBody = 64 * 1024;  // bodies up to this are copied into out
constexpr std::size_t kChunk = 16 * 1024;       // chunk size of /chunked
constexpr std::size_t kPatternPeriod = 26;
constexpr std::uint64_t kMaxCompressed = 1ull << 30;  // largest /gzip and /deflate body
constexpr std::size_t kZCacheEntries = 8;
constexpr std::size_t kPatternSpan = kPatternPeriod * 2520;  // 65520 bytes per write

// 'a'..'z' repeating, long enough to write kPatternSpan bytes from any phase.
char g_pattern[kPatternSpan + kPatternPeriod];

int g_listen = -1;
int g_stop = -1;

void init_pattern() {
  for (std::size_t i = 0; i < sizeof g_pattern; ++i)
    g_pattern[i] = static_cast<char>('a' + i % kPatternPeriod);
}

// The pattern body of `size` bytes compressed with zlib's default level, gzip (windowBits
// 31) or zlib (15) framing, streamed from g_pattern so no input is materialised.
std::string compress_pattern(bool gzip, std::uint64_t size) {
  z_stream z{};
  std::string out;
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 31 : 15, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return out;
  }
  char buf[65536];
  std::uint64_t left = size;
  std::uint64_t phase = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(left, kPatternSpan));
    z.next_in = reinterpret_cast<Bytef*>(g_pattern + phase % kPatternPeriod);
    z.avail_in = static_cast<uInt>(k);
    left -= k;
    phase += k;
    const int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      rc = deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0 || (flush == Z_FINISH && rc == Z_OK));
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) break;
  }
  deflateEnd(&z);
  return out;
}

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

// True when the comma-separated header value contains token (case-insensitive).
bool has_token(std::string_view value, std::string_view token) {
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view part = value.substr(0, comma);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
    if (ieq(part, token)) return true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return false;
}

bool parse_u64(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

const char* reason(int code) {
  switch (code) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 413:
      return "Payload Too Large";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

struct Conn {
  int fd = -1;
  std::uint64_t id = 0;
  std::string in;
  std::size_t scanned = 0;  // head search resumes here
  std::string out;
  std::size_t out_off = 0;
  std::uint64_t fill_left = 0;  // pattern bytes still to send after out (large bodies)
  std::uint64_t fill_pos = 0;   // pattern phase
  bool fill_chunked = false;    // fill goes out as chunks, then the last chunk
  bool close_after = false;
  bool busy = false;  // a response is being produced or sent
  bool want_out = false;
  bool peer_closed = false;  // EOF seen: answer what is complete, then close
  // /slow: the response waiting for its timer
  std::string slow_response;
};

struct Request {
  std::string_view method, target, version;
  bool keep_alive = true;
  bool chunked = false;
  std::uint64_t length = 0;
  std::size_t head_len = 0;
};

enum class Parse { kNeedMore, kDone, kBad, kTooLarge, kHeadTooLarge };

// Incremental de-chunker (only for request bodies sent to /echo).
// Returns kDone with *consumed set to the whole chunked body length.
Parse dechunk(std::string_view buf, std::string* body, std::size_t* consumed) {
  std::size_t pos = 0;
  body->clear();
  for (;;) {
    std::size_t eol = buf.find("\r\n", pos);
    if (eol == std::string_view::npos) return Parse::kNeedMore;
    std::string_view line = buf.substr(pos, eol - pos);
    line = line.substr(0, line.find(';'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.size() > 15) return Parse::kBad;
    std::uint64_t size = 0;
    for (char c : line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return Parse::kBad;
      size = size * 16 + static_cast<std::uint64_t>(d);
    }
    pos = eol + 2;
    if (size == 0) {  // trailer fields until a blank line
      for (;;) {
        std::size_t e = buf.find("\r\n", pos);
        if (e == std::string_view::npos) return Parse::kNeedMore;
        bool blank = e == pos;
        pos = e + 2;
        if (blank) {
          *consumed = pos;
          return Parse::kDone;
        }
      }
    }
    if (body->size() + size > kMaxBody) return Parse::kTooLarge;
    if (buf.size() < pos + size + 2) return Parse::kNeedMore;
    if (buf.substr(pos + size, 2) != "\r\n") return Parse::kBad;
    body->append(buf.data() + pos, size);
    pos += size + 2;
  }
}

class Worker {
 public:
  explicit Worker(int index) : index_(index) {}
  void run();

 private:
  void accept_some();
  void on_event(Conn* c, std::uint32_t ev);
  void process(Conn* c);
  bool read_some(Conn* c);  // false: the connection was closed
  void flush(Conn* c);
  void set_out(Conn* c, bool on);
  void update_events(Conn* c);
  void after_input(Conn* c);
  void close_conn(Conn* c);
  void respond(Conn* c, const Request& r, std::string_view body_in);
  void simple(Conn* c, int code, std::string_view body, bool close);
  void start_response(Conn* c, int code, bool head_only, bool keep_alive, std::uint64_t length,
                      bool chunked, const char* extra_headers, std::string_view body, bool fill);
  void fire_timers();
  int next_timeout();

  int index_;
  int ep_ = -1;
  int spare_fd_ = -1;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::unique_ptr<Conn>> conns_;
  using Timer = std::pair<Clock::time_point, std::uint64_t>;
  std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> timers_;
  // /gzip and /deflate bodies already compressed: (size << 1 | gzip) -> bytes; at most
  // kZCacheEntries, cleared when full.
  std::unordered_map<std::uint64_t, std::string> zcache_;
  bool running_ = true;
};

// Sentinel epoll data for the listener and the stop eventfd.
Conn g_listen_tag;
Conn g_stop_tag;

void Worker::run() {
  ep_ = ::epoll_create1(EPOLL_CLOEXEC);
  spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLEXCLUSIVE;
  ev.data.ptr = &g_listen_tag;
  ::epoll_ctl(ep_, EPOLL_CTL_ADD, g_listen, &ev);
  ev.events = EPOLLIN;
  ev.data.ptr = &g_stop_tag;
  ::epoll_ctl(ep_, EPOLL_CTL_ADD, g_stop, &ev);
  std::vector<epoll_event> events(512);
  while (running_) {
    int n = ::epoll_wait(ep_, events.data(), static_cast<int>(events.size()), next_timeout());
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      Conn* c = static_cast<Conn*>(events[i].data.ptr);
      if (c == &g_stop_tag) {
        running_ = false;
      } else if (c == &g_listen_tag) {
        accept_some();
      } else {
        on_event(c, events[i].events);
      }
    }
    fire_timers();
  }
  for (auto& [id, c] : conns_) ::close(c->fd);
  conns_.clear();
  ::close(ep_);
  if (spare_fd_ >= 0) ::close(spare_fd_);
  (void)index_;
}

int Worker::next_timeout() {
  if (timers_.empty()) return -1;
  auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(timers_.top().first - Clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count() + 1, 60000));
}

void Worker::fire_timers() {
  auto now = Clock::now();
  while (!timers_.empty() && timers_.top().first <= now) {
    std::uint64_t id = timers_.top().second;
    timers_.pop();
    auto it = conns_.find(id);
    if (it == conns_.end()) continue;
    Conn* c = it->second.get();
    c->out = std::move(c->slow_response);
    c->slow_response.clear();
    c->out_off = 0;
    flush(c);
    if (conns_.find(id) != conns_.end()) after_input(c);
  }
}

void Worker::accept_some() {
  for (int i = 0; i < 64; ++i) {
    int fd = ::accept4(g_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EMFILE || errno == ENFILE) {
        // Out of descriptors: accept and drop one so the listener does not spin.
        if (spare_fd_ >= 0) {
          ::close(spare_fd_);
          int k = ::accept4(g_listen, nullptr, nullptr, SOCK_CLOEXEC);
          if (k >= 0) ::close(k);
          spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        }
      }
      return;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto conn = std::make_unique<Conn>();
    conn->fd = fd;
    conn->id = next_id_++;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.ptr = conn.get();
    if (::epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      ::close(fd);
      continue;
    }
    conns_.emplace(conn->id, std::move(conn));
  }
}

void Worker::close_conn(Conn* c) {
  ::epoll_ctl(ep_, EPOLL_CTL_DEL, c->fd, nullptr);
  ::close(c->fd);
  conns_.erase(c->id);  // frees c
}

void Worker::set_out(Conn* c, bool on) {
  if (c->want_out == on) return;
  c->want_out = on;
  update_events(c);
}

void Worker::update_events(Conn* c) {
  epoll_event ev{};
  ev.events = (c->peer_closed ? 0u : EPOLLIN | EPOLLRDHUP) | (c->want_out ? EPOLLOUT : 0u);
  ev.data.ptr = c;
  ::epoll_ctl(ep_, EPOLL_CTL_MOD, c->fd, &ev);
}

void Worker::on_event(Conn* c, std::uint32_t ev) {
  if (ev & (EPOLLERR)) {
    close_conn(c);
    return;
  }
  if (ev & EPOLLOUT) {
    std::uint64_t id = c->id;
    flush(c);
    if (conns_.find(id) == conns_.end()) return;  // closed by flush
  }
  if (ev & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) {
    if (!read_some(c)) return;
  }
  after_input(c);
}

// Answers what is queued; once the client has half-closed, closes after the response in
// progress (or at once when there is none).
void Worker::after_input(Conn* c) {
  std::uint64_t id = c->id;
  process(c);
  if (conns_.find(id) == conns_.end() || !c->peer_closed) return;
  if (!c->busy) {
    close_conn(c);
    return;
  }
  c->close_after = true;
  update_events(c);  // stop reading: level-triggered EOF would fire forever
}

bool Worker::read_some(Conn* c) {
  char buf[32 * 1024];
  for (;;) {
    ssize_t n = ::recv(c->fd, buf, sizeof buf, 0);
    if (n > 0) {
      c->in.append(buf, static_cast<std::size_t>(n));
      if (static_cast<std::size_t>(n) < sizeof buf) return true;
      if (c->in.size() > kMaxHead + kMaxBody + 1024) return true;  // parse first
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) {  // half-close: the requests already received still get answers
      c->peer_closed = true;
      return true;
    }
    close_conn(c);  // error: the client is gone
    return false;
  }
}

// Parses and answers queued requests while no response is in progress.
void Worker::process(Conn* c) {
  while (!c->busy) {
    std::string_view in(c->in);
    std::size_t from = c->scanned >= 3 ? c->scanned - 3 : 0;
    std::size_t head_end = in.find("\r\n\r\n", from);
    if (head_end == std::string_view::npos) {
      c->scanned = in.size();
      if (in.size() > kMaxHead) simple(c, 431, "head too large\n", true);
      return;
    }
    Request r;
    r.head_len = head_end + 4;
    std::string_view head = in.substr(0, head_end + 2);
    std::size_t eol = head.find("\r\n");
    std::string_view line = head.substr(0, eol);
    std::size_t s1 = line.find(' ');
    std::size_t s2 = s1 == std::string_view::npos ? s1 : line.find(' ', s1 + 1);
    if (s2 == std::string_view::npos) {
      simple(c, 400, "bad request line\n", true);
      return;
    }
    r.method = line.substr(0, s1);
    r.target = line.substr(s1 + 1, s2 - s1 - 1);
    r.version = line.substr(s2 + 1);
    bool http10 = r.version == "HTTP/1.0";
    if (!http10 && r.version != "HTTP/1.1") {
      simple(c, 400, "bad version\n", true);
      return;
    }
    r.keep_alive = !http10;
    std::size_t pos = eol + 2;
    bool bad = false;
    while (pos < head.size()) {
      std::size_t e = head.find("\r\n", pos);
      std::string_view field = head.substr(pos, e - pos);
      pos = e + 2;
      std::size_t colon = field.find(':');
      if (colon == std::string_view::npos) {
        bad = true;
        break;
      }
      std::string_view name = field.substr(0, colon);
      std::string_view value = field.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
      if (ieq(name, "connection")) {
        if (has_token(value, "close")) r.keep_alive = false;
        if (http10 && has_token(value, "keep-alive")) r.keep_alive = true;
      } else if (ieq(name, "content-length")) {
        if (!parse_u64(value, &r.length)) bad = true;
      } else if (ieq(name, "transfer-encoding")) {
        if (has_token(value, "chunked")) r.chunked = true;
      }
    }
    if (bad) {
      simple(c, 400, "bad header\n", true);
      return;
    }
    std::string chunked_body;
    std::string_view body;
    std::size_t total;
    if (r.chunked) {
      std::size_t used = 0;
      Parse p = dechunk(in.substr(r.head_len), &chunked_body, &used);
      if (p == Parse::kNeedMore) return;
      if (p != Parse::kDone) {
        simple(c, p == Parse::kTooLarge ? 413 : 400, "bad body\n", true);
        return;
      }
      body = chunked_body;
      total = r.head_len + used;
    } else {
      if (r.length > kMaxBody) {
        simple(c, 413, "body too large\n", true);
        return;
      }
      if (in.size() - r.head_len < r.length) return;
      body = in.substr(r.head_len, r.length);
      total = r.head_len + r.length;
    }
    std::uint64_t id = c->id;
    respond(c, r, body);  // copies what it needs from in
    if (conns_.find(id) == conns_.end()) return;
    c->in.erase(0, total);
    c->scanned = 0;
  }
}

void Worker::simple(Conn* c, int code, std::string_view body, bool close) {
  start_response(c, code, false, !close, body.size(), false, "", body, false);
  flush(c);
}

// Puts a response head (and, unless `fill`, the body) into out; the caller flushes.
// `fill`: the body is `length` pattern bytes that the caller queues. length UINT64_MAX:
// close-delimited.
void Worker::start_response(Conn* c, int code, bool head_only, bool keep_alive,
                            std::uint64_t length, bool chunked, const char* extra_headers,
                            std::string_view body, bool fill) {
  std::string& o = c->out;
  o.clear();
  c->out_off = 0;
  char line[128];
  int n = std::snprintf(line, sizeof line, "HTTP/1.1 %d %s\r\nServer: mcurl_httpd\r\n", code,
                        reason(code));
  o.append(line, static_cast<std::size_t>(n));
  o += extra_headers;
  bool no_body = code == 204 || code == 304 || (code >= 100 && code < 200);
  if (!no_body) {
    if (chunked) {
      o += "Transfer-Encoding: chunked\r\n";
    } else if (length != UINT64_MAX) {
      n = std::snprintf(line, sizeof line, "Content-Length: %llu\r\n",
                        static_cast<unsigned long long>(length));
      o.append(line, static_cast<std::size_t>(n));
    }
  }
  if (length == UINT64_MAX && !chunked) keep_alive = false;  // close-delimited
  o += keep_alive ? "" : "Connection: close\r\n";
  o += "\r\n";
  c->close_after = !keep_alive;
  c->busy = true;
  c->fill_left = 0;
  c->fill_pos = 0;
  c->fill_chunked = false;
  if (!head_only && !no_body && !fill) {
    if (chunked && !body.empty()) {
      n = std::snprintf(line, sizeof line, "%zx\r\n", body.size());
      o.append(line, static_cast<std::size_t>(n));
      o.append(body);
      o += "\r\n0\r\n\r\n";
    } else if (chunked) {
      o += "0\r\n\r\n";
    } else {
      o.append(body);
    }
  }
}

void Worker::respond(Conn* c, const Request& r, std::string_view body_in) {
  std::string_view path = r.target.substr(0, r.target.find('?'));
  bool head_only = r.method == "HEAD";
  bool http10 = r.version == "HTTP/1.0";
  char extra[160] = "";
  std::uint64_t num = 0;
  auto arg = [&](std::string_view prefix) -> bool {
    if (path.substr(0, prefix.size()) != prefix) return false;
    return parse_u64(path.substr(prefix.size()), &num);
  };
  if (arg("/bytes/") || arg("/chunked/")) {
    bool chunked = path[1] == 'c';
    std::uint64_t size = num;
    bool close_delim = chunked && http10;
    if (close_delim) chunked = false;
    start_response(c, 200, head_only, r.keep_alive && !close_delim, close_delim ? UINT64_MAX : size,
                   chunked, "Content-Type: application/octet-stream\r\n", {}, true);
    if (!head_only) {
      // Body: small bodies straight into out, large ones streamed by flush().
      if (size <= kInlineBody) {
        std::string& o = c->out;
        std::size_t left = static_cast<std::size_t>(size), phase = 0;
        while (left > 0) {
          std::size_t k = std::min(left, chunked ? kChunk : left);
          if (chunked) {
            char h[32];
            int n = std::snprintf(h, sizeof h, "%zx\r\n", k);
            o.append(h, static_cast<std::size_t>(n));
          }
          o.append(g_pattern + phase % kPatternPeriod, k);
          if (chunked) o += "\r\n";
          phase += k;
          left -= k;
        }
        if (chunked) o += "0\r\n\r\n";
      } else {
        c->fill_left = size;
        c->fill_chunked = chunked;
      }
    }
    flush(c);
    return;
  }
  if (arg("/gzip/") || arg("/deflate/")) {
    bool gzip = path[1] == 'g';
    if (num > kMaxCompressed) {
      simple(c, 400, "size too large\n", !r.keep_alive);
      return;
    }
    std::uint64_t key = num << 1 | (gzip ? 1 : 0);
    auto it = zcache_.find(key);
    if (it == zcache_.end()) {
      if (zcache_.size() >= kZCacheEntries) zcache_.clear();
      it = zcache_.emplace(key, compress_pattern(gzip, num)).first;
    }
    std::snprintf(extra, sizeof extra, "Content-Encoding: %s\r\n", gzip ? "gzip" : "deflate");
    start_response(c, 200, head_only, r.keep_alive, it->second.size(), false, extra, it->second,
                   false);
    flush(c);
    return;
  }
  if (arg("/slow/")) {
    std::uint64_t ms = std::min<std::uint64_t>(num, 3600 * 1000);
    std::string body = "slow " + std::to_string(num) + "\n";
    start_response(c, 200, head_only, r.keep_alive, body.size(), false, "", body, false);
    c->slow_response = std::move(c->out);
    c->out.clear();
    timers_.emplace(Clock::now() + std::chrono::milliseconds(ms), c->id);
    return;
  }
  if (arg("/status/")) {
    int code = static_cast<int>(num);
    if (code < 200 || code > 599) {
      simple(c, 400, "status must be 200..599\n", !r.keep_alive);
      return;
    }
    std::string body = "status " + std::to_string(code) + "\n";
    start_response(c, code, head_only, r.keep_alive, body.size(), false, "", body, false);
    flush(c);
    return;
  }
  if (arg("/redirect/")) {
    if (num == 0) {
      start_response(c, 200, head_only, r.keep_alive, 11, false, "", "redirected\n", false);
    } else {
      std::snprintf(extra, sizeof extra, "Location: /redirect/%llu\r\n",
                    static_cast<unsigned long long>(num - 1));
      start_response(c, 302, head_only, r.keep_alive, 0, false, extra, {}, false);
    }
    flush(c);
    return;
  }
  if (path == "/echo") {
    std::string copy(body_in);
    start_response(c, 200, head_only, r.keep_alive, copy.size(), false,
                   "Content-Type: application/octet-stream\r\n", copy, false);
    flush(c);
    return;
  }
  if (path == "/") {
    start_response(c, 200, head_only, r.keep_alive, 12, false, "", "mcurl_httpd\n", false);
    flush(c);
    return;
  }
  start_response(c, 404, head_only, r.keep_alive, 10, false, "", "not found\n", false);
  flush(c);
}

void Worker::flush(Conn* c) {
  for (;;) {
    ssize_t w;
    if (c->out_off < c->out.size()) {
      std::size_t left = c->out.size() - c->out_off;
      if (c->fill_left > 0 && !c->fill_chunked) {
        iovec iov[2];
        iov[0].iov_base = c->out.data() + c->out_off;
        iov[0].iov_len = left;
        iov[1].iov_base = g_pattern + c->fill_pos % kPatternPeriod;
        iov[1].iov_len =
            static_cast<std::size_t>(std::min<std::uint64_t>(c->fill_left, kPatternSpan));
        msghdr mh{};
        mh.msg_iov = iov;
        mh.msg_iovlen = 2;
        w = ::sendmsg(c->fd, &mh, MSG_NOSIGNAL);
        if (w > 0) {
          std::size_t wrote = static_cast<std::size_t>(w);
          std::size_t from_out = std::min(wrote, left);
          c->out_off += from_out;
          c->fill_left -= wrote - from_out;
          c->fill_pos += wrote - from_out;
        }
      } else {
        w = ::send(c->fd, c->out.data() + c->out_off, left, MSG_NOSIGNAL);
        if (w > 0) c->out_off += static_cast<std::size_t>(w);
      }
    } else if (c->fill_left > 0 && c->fill_chunked) {
      // Next chunk into out.
      std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(c->fill_left, kChunk));
      c->out.clear();
      c->out_off = 0;
      char h[32];
      int n = std::snprintf(h, sizeof h, "%zx\r\n", k);
      c->out.append(h, static_cast<std::size_t>(n));
      c->out.append(g_pattern + c->fill_pos % kPatternPeriod, k);
      c->out += "\r\n";
      c->fill_left -= k;
      c->fill_pos += k;
      if (c->fill_left == 0) c->out += "0\r\n\r\n";
      continue;
    } else if (c->fill_left > 0) {
      std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(c->fill_left, kPatternSpan));
      w = ::send(c->fd, g_pattern + c->fill_pos % kPatternPeriod, k, MSG_NOSIGNAL);
      if (w > 0) {
        c->fill_left -= static_cast<std::uint64_t>(w);
        c->fill_pos += static_cast<std::uint64_t>(w);
      }
    } else {
      // Everything sent.
      c->out.clear();
      c->out_off = 0;
      if (!c->slow_response.empty()) return;  // waiting for a timer
      c->busy = false;
      if (c->close_after) {
        ::shutdown(c->fd, SHUT_WR);
        close_conn(c);
        return;
      }
      set_out(c, false);  // the caller parses the next queued request, if any
      return;
    }
    if (w < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        set_out(c, true);
        return;
      }
      if (errno == EINTR) continue;
      close_conn(c);
      return;
    }
  }
}

int bind_listener(const char* addr, int port) {
  bool v6 = std::strchr(addr, ':') != nullptr;
  int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int rc;
  if (v6) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET6, addr, &a.sin6_addr) != 1) return -1;
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET, addr, &a.sin_addr) != 1) return -1;
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc != 0 || ::listen(fd, 4096) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

int local_port(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
}

int usage() {
  std::fprintf(stderr,
               "usage: mcurl_httpd [--port N] [--bind ADDR] [--threads N] "
               "[--exit-on-stdin-eof]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  int threads = 1;
  const char* bind_addr = "127.0.0.1";
  bool exit_on_eof = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--port" && i + 1 < argc) {
      port = std::atoi(argv[++i]);
    } else if (a == "--bind" && i + 1 < argc) {
      bind_addr = argv[++i];
    } else if (a == "--threads" && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--exit-on-stdin-eof") {
      exit_on_eof = true;
    } else {
      return usage();
    }
  }
  if (port < 0 || port > 65535) return usage();

  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &rl);
  }
  init_pattern();

  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &mask, nullptr);
  signal(SIGPIPE, SIG_IGN);
  int sfd = ::signalfd(-1, &mask, SFD_CLOEXEC);

  g_listen = bind_listener(bind_addr, port);
  if (g_listen < 0) {
    std::fprintf(stderr, "mcurl_httpd: cannot listen on %s:%d: %s\n", bind_addr, port,
                 std::strerror(errno));
    return 1;
  }
  g_stop = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  std::printf("port %d\n", local_port(g_listen));
  std::fflush(stdout);

  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back([i] { Worker(i).run(); });

  for (;;) {
    pollfd p[2] = {{sfd, POLLIN, 0}, {0, POLLIN, 0}};
    int n = ::poll(p, exit_on_eof ? 2 : 1, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (p[0].revents) break;
    if (exit_on_eof && p[1].revents) {
      char buf[4096];
      ssize_t r = ::read(0, buf, sizeof buf);
      if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) break;
    }
  }
  std::uint64_t one = 1;
  (void)!::write(g_stop, &one, sizeof one);
  for (auto& t : workers) t.join();
  ::close(g_listen);
  ::close(g_stop);
  return 0;
}
