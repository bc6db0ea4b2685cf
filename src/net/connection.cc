#include "net/connection.h"

#include <sys/socket.h>

#include <cerrno>

#include "multi/pollset.h"
#include "tls/tls_stream.h"

namespace mcurl {

Connection::Connection(std::string key, std::string host_key, int fd, const SocketHooks& hooks,
                       std::uint64_t number) noexcept
    : key_(std::move(key)),
      host_key_(std::move(host_key)),
      fd_(fd),
      hooks_(hooks),
      number_(number),
      created_(Clock::now()),
      last_used_(created_) {}

Connection::~Connection() { close(); }

void Connection::set_tls(std::unique_ptr<TlsStream> tls) noexcept { tls_ = std::move(tls); }

void Connection::set_proxy_tls(std::unique_ptr<TlsStream> tls) noexcept {
  proxy_tls_ = std::move(tls);
}

int Connection::wait_events(int usual) const noexcept {
  // The outer stream's last would-block is what the socket waits for (the inner stream
  // only blocks when the outer one did).
  if (proxy_tls_) {
    if (proxy_tls_->wants_read()) return kPollIn;
    if (proxy_tls_->wants_write()) return kPollOut;
  }
  if (tls_) {
    if (tls_->wants_read()) return kPollIn;
    if (tls_->wants_write()) return kPollOut;
  }
  return usual;
}

ssize_t Connection::send(const char* buf, std::size_t len, CURLcode* err, int* os_errno) noexcept {
  if (tls_) {
    try {
      return tls_->send(buf, len, err, os_errno, &error_text_);
    } catch (...) {
      *err = CURLE_OUT_OF_MEMORY;
      return -1;
    }
  }
  if (proxy_tls_) {
    try {
      return proxy_tls_->send(buf, len, err, os_errno, &error_text_);
    } catch (...) {
      *err = CURLE_OUT_OF_MEMORY;
      return -1;
    }
  }
  for (;;) {
    // MSG_NOSIGNAL: a peer that went away must never raise SIGPIPE in the application
    // (BEHAVIOUR.md item 110).
    ssize_t n = ::send(fd_, buf, len, MSG_NOSIGNAL);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      *err = CURLE_AGAIN;
    } else {
      *os_errno = errno;
      *err = CURLE_SEND_ERROR;
    }
    return -1;
  }
}

ssize_t Connection::recv(char* buf, std::size_t len, CURLcode* err, int* os_errno) noexcept {
  if (tls_) {
    try {
      return tls_->recv(buf, len, err, os_errno, &error_text_);
    } catch (...) {
      *err = CURLE_OUT_OF_MEMORY;
      return -1;
    }
  }
  if (proxy_tls_) {
    try {
      return proxy_tls_->recv(buf, len, err, os_errno, &error_text_);
    } catch (...) {
      *err = CURLE_OUT_OF_MEMORY;
      return -1;
    }
  }
  for (;;) {
    ssize_t n = ::recv(fd_, buf, len, 0);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      *err = CURLE_AGAIN;
    } else {
      *os_errno = errno;
      *err = CURLE_RECV_ERROR;
    }
    return -1;
  }
}

void Connection::learn_addresses(const sockaddr* peer) {
  if (peer != nullptr) {
    sockaddr_to_text(peer, primary_ip_, primary_port_);
  } else {
    tcp_peer_address(fd_, primary_ip_, primary_port_);
  }
  tcp_local_address(fd_, local_ip_, local_port_);
}

void Connection::close() noexcept {
  if (fd_ < 0) return;
  if (tls_) tls_->close_notify();
  if (proxy_tls_) proxy_tls_->close_notify();
  tcp_close(fd_, hooks_);
  fd_ = -1;
}

}  // namespace mcurl
