// A loopback server that plays an exact script of bytes and faults on every connection
// it accepts, and records what the client sent. Used by integration tests (in process)
// and by conformance cases (through the mcurl_scripted_server binary).
//
// No libcurl dependency: this library may be linked into any test binary.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mcurl::test {

// One step of a connection script.
struct Step {
  enum class Kind {
    kExpectRequest,  // read one HTTP request (head, then body by length or chunked)
    kSend,           // write bytes (all of them)
    kSendSlowly,     // write bytes chunk_size at a time, sleeping delay_ms between chunks
    kDelay,          // sleep delay_ms (still noticing server stop)
    kClose,          // close the connection normally (FIN)
    kReset,          // close with SO_LINGER 0: the client sees a RST
    kExpectClose,    // wait until the client closes (EOF or error)
    kHold,           // keep the connection open, sending nothing, until the server stops
    kExpectBytes,    // read exactly chunk_size raw bytes (a SOCKS greeting, say)
  };
  Kind kind = Kind::kClose;
  std::string bytes;
  std::size_t chunk_size = 0;
  int delay_ms = 0;
  // kExpectRequest only: when the request head carries "Expect: 100-continue", send
  // "HTTP/1.1 100 Continue\r\n\r\n" before reading the body.
  bool send_continue = false;

  static Step expect_request(bool send_continue = false);
  static Step send(std::string bytes);
  static Step send_slowly(std::string bytes, std::size_t chunk_size, int delay_ms);
  static Step delay(int ms);
  static Step close();
  static Step reset();
  static Step expect_close();
  static Step hold();
  // Reads exactly `n` bytes, recorded as a request with method "BYTES" and raw = the bytes.
  static Step expect_bytes(std::size_t n);

  bool operator==(const Step& o) const {
    return kind == o.kind && bytes == o.bytes && chunk_size == o.chunk_size &&
           delay_ms == o.delay_ms && send_continue == o.send_continue;
  }
};

using Script = std::vector<Step>;

// One HTTP request as the server read it.
struct RecordedRequest {
  std::size_t connection = 0;  // index of the connection it arrived on (0-based)
  std::string raw;             // every byte of the request, as sent (head + framed body)
  std::string head;            // request line and header fields, through the blank line
  std::string body;            // the body, de-chunked when chunked
  std::string method;
  std::string target;
  std::string version;  // "HTTP/1.1"
  bool chunked = false;
  bool complete = true;  // false: the client closed or timed out in the middle
  // First value of a header field (case-insensitive name), "" when absent.
  std::string header(const std::string& name) const;
};

// How a connection's script ended.
enum class ConnectionEnd {
  kRunning,       // still playing
  kCompleted,     // every step ran (an implicit close follows the last step)
  kClientClosed,  // the client closed while a step was waiting for a request
  kTimedOut,      // a step waited longer than step_timeout: the connection was dropped
  kError,         // a socket error (e.g. ECONNRESET, EPIPE while sending)
  kStopped,       // the server was stopped while the script ran (e.g. during Hold)
};
const char* to_string(ConnectionEnd e);

struct ConnectionRecord {
  std::size_t index = 0;
  ConnectionEnd end = ConnectionEnd::kRunning;
  std::size_t requests = 0;  // requests read on this connection
  std::string unexpected;    // bytes read by ExpectClose/Hold (the client sent more)
};

struct ServerOptions {
  bool ipv6 = false;  // also listen on [::1] (same port when possible, see port6())
  std::chrono::milliseconds step_timeout{10000};
  std::size_t max_head_bytes = 1 << 20;  // a longer request head is an error
};

class ScriptedServer {
 public:
  // Chooses the script of connection number `index` (0-based).
  using ScriptFn = std::function<Script(std::size_t index)>;

  // Every connection plays the same script.
  explicit ScriptedServer(Script script, ServerOptions options = {});
  // Connection i plays scripts[i % scripts.size()] (scripts must not be empty).
  explicit ScriptedServer(std::vector<Script> scripts, ServerOptions options = {});
  explicit ScriptedServer(ScriptFn fn, ServerOptions options = {});
  // Binds and starts listening in the constructor; throws std::runtime_error on failure.
  ~ScriptedServer();  // stop()

  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::uint16_t port() const { return port_; }           // the 127.0.0.1 port
  std::uint16_t port6() const { return port6_; }         // the [::1] port, 0 when not listening
  std::string url(const std::string& path = "/") const;  // "http://127.0.0.1:PORT" + path

  // Stops accepting, wakes every connection (Hold, Delay, waits) and joins all threads.
  // Bounded: connections notice within a few milliseconds. Idempotent.
  void stop();

  // Thread-safe observers.
  std::size_t connection_count() const;  // connections accepted so far
  std::size_t active_connections() const;
  std::size_t request_count() const;
  std::vector<RecordedRequest> requests() const;
  std::vector<ConnectionRecord> connections() const;
  // Wait (bounded) until at least n requests / connections / finished connections were
  // seen; true when reached.
  bool wait_for_requests(std::size_t n, std::chrono::milliseconds timeout) const;
  bool wait_for_connections(std::size_t n, std::chrono::milliseconds timeout) const;
  bool wait_for_finished(std::size_t n, std::chrono::milliseconds timeout) const;

 private:
  struct Conn;
  void start();
  void accept_loop();
  void run_connection(int fd, std::size_t index);
  void finish_connection(std::size_t index, ConnectionEnd end);
  void add_request(RecordedRequest r);
  void reap_finished_threads();

  ScriptFn script_fn_;
  ServerOptions options_;
  int listen4_ = -1;
  int listen6_ = -1;
  int stop_fd_ = -1;  // eventfd: readable once stop() was called
  std::uint16_t port_ = 0;
  std::uint16_t port6_ = 0;
  std::thread accept_thread_;

  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  bool stopped_ = false;
  std::vector<std::thread> conn_threads_;
  std::vector<RecordedRequest> requests_;
  std::vector<ConnectionRecord> conns_;
  std::size_t finished_ = 0;
  std::vector<std::thread::id> finished_threads_;
};

// ---- script files (the mcurl_scripted_server format, docs/internals/TEST_SERVERS.md) ---

// Parses a script file. Returns one Script per "--- connection" section (at least one).
// `base_dir` resolves relative send_file paths. Throws std::runtime_error with
// "line N: ..." on a syntax error.
std::vector<Script> parse_script(const std::string& text, const std::string& base_dir = ".");

// Decodes a C-escaped string (\r \n \t \\ \" \' \0 \a \b \f \v \e, \xHH, \NNN octal).
// A string surrounded by double quotes is unquoted first. Throws on a bad escape.
std::string c_unescape(const std::string& s);

}  // namespace mcurl::test
