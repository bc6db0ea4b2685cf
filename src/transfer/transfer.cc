#include "http/mime.h"
#include "transfer/transfer.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "net/connection.h"
#include "transfer/exchange.h"

namespace mcurl {

Transfer::Transfer() = default;

Transfer::~Transfer() {
  leave_multi();
  kept_.reset();
  private_multi_.reset();
  set_share(nullptr);
}

void Transfer::set_share(Share* share) noexcept {
  // The share's own lock, while CURL_LOCK_DATA_SHARE is shared (the default).
  if (share_ != nullptr) {
    bool locked = share_->is_shared(CURL_LOCK_DATA_SHARE);
    if (locked) share_->lock(handle_, CURL_LOCK_DATA_SHARE, CURL_LOCK_ACCESS_SINGLE);
    share_->detach();
    if (locked) share_->unlock(handle_, CURL_LOCK_DATA_SHARE);
  }
  share_ = share;
  if (share_ != nullptr) {
    bool locked = share_->is_shared(CURL_LOCK_DATA_SHARE);
    if (locked) share_->lock(handle_, CURL_LOCK_DATA_SHARE, CURL_LOCK_ACCESS_SINGLE);
    share_->attach();
    if (locked) share_->unlock(handle_, CURL_LOCK_DATA_SHARE);
  }
}

void Transfer::leave_multi() {
  if (multi_ != nullptr) multi_->remove(*this);
}

void Transfer::fail_text(const std::string& text) {
  char* buf = options_.errorbuffer;
  if (buf == nullptr || error_written_ || text.empty()) return;
  std::size_t n = std::min<std::size_t>(text.size(), CURL_ERROR_SIZE - 1);
  std::memcpy(buf, text.data(), n);
  buf[n] = '\0';
  error_written_ = true;
}

CURLcode Transfer::pause(int bitmask) {
  // 7.88.1: a transfer without a connection cannot be paused.
  if (!exchange_ || !exchange_->has_connection() || multi_ == nullptr) {
    return CURLE_BAD_FUNCTION_ARGUMENT;
  }
  Multi& m = *multi_;
  // The same state again changes nothing (7.88.1 returns at once).
  if ((bitmask & (CURLPAUSE_RECV | CURLPAUSE_SEND)) == exchange_->pause_bits()) return CURLE_OK;
  CURLcode rc = exchange_->set_pause(bitmask);
  // Resume (or re-check) from the event loop: a 0 ms timer (BEHAVIOUR.md item 71), and
  // the socket monitoring follows the pause state (item 97). Inside a callback the
  // enclosing step does both when it returns.
  m.run_soon(*this);
  if (!m.in_callback()) {
    // The timer first, then the sockets, in 7.88.1's order.
    m.update_timer(false);
    m.sync_sockets(*this);
  }
  return rc;
}

CURLcode Transfer::perform() {
  if (multi_ != nullptr) return CURLE_FAILED_INIT;  // "easy handle already used in multi"
  if (!private_multi_) private_multi_ = std::make_unique<Multi>(true);
  Multi& m = *private_multi_;
  if (options_.errorbuffer != nullptr) options_.errorbuffer[0] = '\0';
  CURLMcode mc = m.add(*this);
  if (mc != CURLM_OK) return mc == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_FAILED_INIT;
  std::vector<pollfd> fds;
  // As libcurl's easy_perform: run the transfer, wait for its sockets (at most 1 s, so
  // that the progress callback runs while nothing happens), repeat.
  while (phase_ == Phase::Running) {
    m.perform(nullptr);
    if (phase_ != Phase::Running) break;
    fds.clear();
    m.collect_pollfds(fds);
    int wait_ms = 1000;
    if (std::optional<TimePoint> e = m.next_deadline()) {
      wait_ms = static_cast<int>(std::min<long>(wait_ms, timeout_ms_until(m.refresh_now(), *e)));
    }
    if (::poll(fds.empty() ? nullptr : fds.data(), fds.size(), wait_ms) < 0 && errno != EINTR) {
      break;
    }
  }
  CURLcode result = message_.msg.data.result;
  m.remove(*this);
  return result;
}

void Transfer::keep_connection(std::unique_ptr<Connection> conn) { kept_ = std::move(conn); }

CURLcode Transfer::send_raw(const void* buf, std::size_t len, std::size_t* n) {
  *n = 0;
  if (!kept_) return CURLE_UNSUPPORTED_PROTOCOL;
  // 7.88.1 reads "nothing written" as a full socket: a zero-length send is CURLE_AGAIN.
  if (len == 0) return CURLE_AGAIN;
  CURLcode err = CURLE_OK;
  int os_err = 0;
  ssize_t r = kept_->send(static_cast<const char*>(buf), len, &err, &os_err);
  if (r < 0) {
    info_.os_errno = os_err;
    return err;
  }
  *n = static_cast<std::size_t>(r);
  return CURLE_OK;
}

CURLcode Transfer::recv_raw(void* buf, std::size_t len, std::size_t* n) {
  if (!kept_) return CURLE_UNSUPPORTED_PROTOCOL;  // 7.88.1 leaves *n alone then
  *n = 0;
  CURLcode err = CURLE_OK;
  int os_err = 0;
  ssize_t r = kept_->recv(static_cast<char*>(buf), len, &err, &os_err);
  if (r < 0) {
    info_.os_errno = os_err;
    return err;
  }
  *n = static_cast<std::size_t>(r);
  return CURLE_OK;
}

}  // namespace mcurl
