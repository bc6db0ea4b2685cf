// class Connection: one transport connection (a TCP socket, with a TLS layer on it for
// https) plus what the pool needs to decide whether a transfer may reuse it.
//
// Ownership: connections belong to the ConnectionPool (unique_ptr). A Transfer borrows
// one while it uses it (attach/detach through the pool) and never keeps the pointer across
// its own destruction. Closing a connection tells the multi first (so the socket callback
// gets CURL_POLL_REMOVE before the close: BEHAVIOUR.md item 44), then closes the socket
// with the application's close callback if the opening transfer had one.
//
// Thread affinity: the multi's thread.
#ifndef MCURL_NET_CONNECTION_H
#define MCURL_NET_CONNECTION_H

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <curl/curl.h>

#include "net/tcp.h"

namespace mcurl {

class TlsStream;

class Connection {
 public:
  using Clock = std::chrono::steady_clock;

  // Takes ownership of the connected (or connecting) socket `fd`.
  Connection(std::string key, std::string host_key, int fd, const SocketHooks& hooks,
             std::uint64_t number) noexcept;
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends up to `len` bytes. Returns the count sent (> 0), or -1 with *err set:
  // CURLE_AGAIN when the socket would block, CURLE_SEND_ERROR otherwise (errno in
  // *os_errno).
  ssize_t send(const char* buf, std::size_t len, CURLcode* err, int* os_errno) noexcept;
  // Receives up to `len` bytes: > 0 bytes, 0 at the peer's orderly close, or -1 with *err
  // CURLE_AGAIN (would block) or CURLE_RECV_ERROR.
  ssize_t recv(char* buf, std::size_t len, CURLcode* err, int* os_errno) noexcept;
  // After send or recv failed: the TLS layer's description of the failure ("" for plain
  // TCP, whose callers describe *os_errno themselves).
  const std::string& error_text() const noexcept { return error_text_; }

  // The TLS layer (https), once the TCP connection is up; nullptr for plain TCP.
  void set_tls(std::unique_ptr<TlsStream> tls) noexcept;
  TlsStream* tls() const noexcept { return tls_.get(); }
  // The TLS to an HTTPS proxy, under everything else: plain requests (absolute form) and
  // CONNECT go through it, and an https target's TLS (tls()) runs inside it.
  void set_proxy_tls(std::unique_ptr<TlsStream> tls) noexcept;
  TlsStream* proxy_tls() const noexcept { return proxy_tls_.get(); }
  // The socket events the last send/recv that would block waits for: TLS may need to read
  // in order to write and the other way round. `usual` is kPollIn or kPollOut.
  int wait_events(int usual) const noexcept;

  int fd() const noexcept { return fd_; }
  // The pool key: scheme, host and port (and, later, TLS and proxy configuration). Two
  // transfers may share a connection only if their keys are equal.
  const std::string& key() const noexcept { return key_; }
  // "host:port", for CURLMOPT_MAX_HOST_CONNECTIONS.
  const std::string& host_key() const noexcept { return host_key_; }
  // The number libcurl's verbose output calls "Connection #N".
  std::uint64_t number() const noexcept { return number_; }

  // False once anything makes the connection unfit for another request (Connection:
  // close, an unfinished response, HTTP/1.0 without keep-alive, an error).
  bool reusable() const noexcept { return reusable_; }
  void set_reusable(bool r) noexcept { reusable_ = r; }

  bool in_use() const noexcept { return in_use_; }
  void set_in_use(bool u) noexcept { in_use_ = u; }

  Clock::time_point created() const noexcept { return created_; }
  Clock::time_point last_used() const noexcept { return last_used_; }
  void touch(Clock::time_point now) noexcept { last_used_ = now; }
  unsigned uses() const noexcept { return uses_; }
  // The server answered HTTP/1.0 on this connection: later requests use 1.0 too.
  bool http10() const noexcept { return http10_; }
  void set_http10(bool v) noexcept { http10_ = v; }
  void count_use() noexcept { ++uses_; }

  // Addresses for CURLINFO_PRIMARY_IP/PORT and LOCAL_IP/PORT, read once after connect;
  // `peer` is the peer's address when the caller already has it (else getpeername).
  void learn_addresses(const sockaddr* peer = nullptr);
  const std::string& primary_ip() const noexcept { return primary_ip_; }
  long primary_port() const noexcept { return primary_port_; }
  const std::string& local_ip() const noexcept { return local_ip_; }
  long local_port() const noexcept { return local_port_; }

  // Closes the socket now (idempotent). The caller has told the multi already.
  void close() noexcept;

 private:
  std::string key_;
  std::string host_key_;
  int fd_;
  // Declared first: destroyed after tls_, whose BIO may write through it.
  std::unique_ptr<TlsStream> proxy_tls_;
  std::unique_ptr<TlsStream> tls_;
  std::string error_text_;
  SocketHooks hooks_;
  std::uint64_t number_;
  bool reusable_ = true;
  bool in_use_ = false;
  bool http10_ = false;
  unsigned uses_ = 0;
  Clock::time_point created_;
  Clock::time_point last_used_;
  std::string primary_ip_;
  long primary_port_ = 0;
  std::string local_ip_;
  long local_port_ = 0;
};

}  // namespace mcurl

#endif  // MCURL_NET_CONNECTION_H
