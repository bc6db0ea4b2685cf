// Multi: adding and removing transfers, messages, assign, and the calls that scan
// (fdset, wait, poll). The event path (socket_action, perform, timers, sockets) is in
// run.cc.
#include "multi/multi.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "multi/pool_use.h"
#include "transfer/exchange.h"
#include "transfer/transfer.h"

namespace mcurl {

Multi::Multi(bool for_easy_perform) : clock_(&steady_clock()), for_easy_perform_(for_easy_perform) {
  now_ = clock_->now();
  pool_.set_before_close([this](Connection& c) { close_connection(c); });
  if (!for_easy_perform_) wakeup_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

Multi::~Multi() {
  shutdown();
  if (wakeup_fd_ >= 0) ::close(wakeup_fd_);
}

std::size_t Multi::max_idle_connections() const noexcept {
  if (options_.max_connects > 0) return static_cast<std::size_t>(options_.max_connects);
  std::size_t n = transfers_.size();
  if (for_easy_perform_) {
    // curl_easy_perform: the handle's CURLOPT_MAXCONNECTS (default 5).
    long max = 5;
    transfers_.for_each([&](std::uint32_t, Transfer* t) { max = t->options().maxconnects; });
    return max > 0 ? static_cast<std::size_t>(max) : 5;
  }
  return std::max<std::size_t>(4 * n, 4);
}

void Multi::close_connection(Connection& c) noexcept {
  socket_closing(c.fd());
  // The close itself may call CURLOPT_CLOSESOCKETFUNCTION: an application callback.
  CallbackScope scope(*this);
  c.close();
}

bool Multi::may_open_connection(const std::string& host_key, const ConnectionPool& pool) const {
  if (options_.max_total_connections > 0 &&
      pool.total() + opening_total_ >= static_cast<std::size_t>(options_.max_total_connections)) {
    return false;
  }
  if (options_.max_host_connections > 0) {
    auto it = opening_per_host_.find(host_key);
    std::size_t opening = it == opening_per_host_.end() ? 0 : it->second;
    if (pool.count_for_host(host_key) + opening >=
        static_cast<std::size_t>(options_.max_host_connections)) {
      return false;
    }
  }
  return true;
}

void Multi::count_opening(const std::string& host_key, int delta) {
  if (delta > 0) {
    ++opening_total_;
    ++opening_per_host_[host_key];
    return;
  }
  if (opening_total_ > 0) --opening_total_;
  auto it = opening_per_host_.find(host_key);
  if (it != opening_per_host_.end() && --it->second == 0) opening_per_host_.erase(it);
  wake_pending();
}

void Multi::wake_pending() noexcept {
  // One freed slot lets one pending transfer try again: the one queued last, as 7.88.1
  // picks (it may reuse the connection that was just released).
  while (!pending_.empty()) {
    std::uint32_t id = pending_.back();
    pending_.pop_back();
    if (Transfer* t = transfers_.get(id)) {
      run_soon(*t);
      return;
    }
  }
}

CURLMcode Multi::add(Transfer& t) {
  if (t.multi() != nullptr) return CURLM_ADDED_ALREADY;
  if (dead_) {
    // A dead multi takes no new transfer while old ones are still added (7.88.1).
    if (!transfers_.empty()) return CURLM_ABORTED_BY_CALLBACK;
    dead_ = false;
  }
  refresh_now();
  // Allocate everything first; nothing may fail after the id is taken.
  auto exchange = std::make_unique<Exchange>(t, *this);
  std::uint32_t id = transfers_.add(&t);
  // -- no failure beyond this point --
  t.id_ = id;
  t.timer_.set_id(id);
  t.message_.set_id(id);
  t.message_.msg = CURLMsg{};
  t.multi_ = this;
  t.phase_ = Transfer::Phase::Running;
  t.error_written_ = false;
  t.exchange_ = std::move(exchange);
  t.polled_.clear();
  t.expires_.clear_all();
  ++alive_;
  run_soon(t);
  // 7.88.1 always tells the application about the timer when a handle is added.
  return update_timer(true);
}

CURLMcode Multi::remove(Transfer& t) {
  refresh_now();
  detach(t, false);
  CURLMcode mresult = update_timer(false);
  if (transfers_.empty()) dead_ = false;
  return mresult;
}

void Multi::detach(Transfer& t, bool by_cleanup) {
  if (t.phase_ == Transfer::Phase::Running) {
    --alive_;
    if (t.exchange_) t.exchange_->abandon();
  }
  messages_.remove(t.message_);
  timers_.remove(t.timer_);
  pending_.erase(std::remove(pending_.begin(), pending_.end(), t.id_), pending_.end());
  // Its sockets: the application hears REMOVE for those nobody else uses.
  if (!t.polled_.empty()) {
    PollSet empty;
    PollDiff d = diff(t.polled_, empty);
    for (const PollChange& c : d) sockets_.remove_interest(t.id_, c.fd);
    t.polled_.clear();
    for (const PollChange& c : d) announce(c.fd, t.handle());
  }
  // 7.88.1's curl_multi_remove_handle looks through a shared pool (one lock) when the
  // transfer left a connection there; curl_multi_cleanup does not.
  if (!by_cleanup && t.info().last_connection != TransferInfo::kNoConnection) {
    touch_connection_lock(t);
  }
  transfers_.remove(t.id_);
  t.id_ = 0;
  t.multi_ = nullptr;
  t.phase_ = Transfer::Phase::Idle;
  t.exchange_.reset();
  t.expires_.clear_all();
}

void Multi::shutdown() {
  refresh_now();
  std::vector<std::uint32_t> ids;
  transfers_.append_ids(ids);
  for (std::uint32_t id : ids) {
    if (Transfer* t = transfers_.get(id)) detach(*t, true);
  }
  pool_.close_all();
  // The resolver's eventfd, if the application was watching it.
  if (resolver_.has_pending() || sockets_.find(resolver_.fd()) != nullptr) {
    socket_closing(resolver_.fd());
  }
}

CURLMsg* Multi::info_read(int* msgs_in_queue) {
  MessageNode* node = messages_.pop();
  if (msgs_in_queue != nullptr) *msgs_in_queue = static_cast<int>(messages_.size());
  return node != nullptr ? &node->msg : nullptr;
}

CURLMcode Multi::assign(curl_socket_t fd, void* socketp) {
  return sockets_.assign(fd, socketp) ? CURLM_OK : CURLM_BAD_SOCKET;
}

CURLMcode Multi::timeout(long* timeout_ms) {
  if (timeout_ms == nullptr) return CURLM_BAD_FUNCTION_ARGUMENT;
  if (dead_) {
    *timeout_ms = 0;
    return CURLM_OK;
  }
  std::optional<TimePoint> e = timers_.earliest();
  if (!e) {
    *timeout_ms = -1;
    return CURLM_OK;
  }
  *timeout_ms = timeout_ms_until(refresh_now(), *e);
  return CURLM_OK;
}

CURLMcode Multi::fdset(fd_set* read_set, fd_set* write_set, fd_set* /*exc_set*/, int* max_fd) {
  int top = -1;
  std::vector<int> fds;
  sockets_.append_fds(fds);
  for (int fd : fds) {
    const SocketEntry* e = sockets_.find(fd);
    if (e == nullptr || fd >= FD_SETSIZE) continue;
    PollWants w = e->wants();
    if ((w & kPollIn) && read_set != nullptr) FD_SET(fd, read_set);
    if ((w & kPollOut) && write_set != nullptr) FD_SET(fd, write_set);
    if (w != kPollNone && fd > top) top = fd;
  }
  if (max_fd != nullptr) *max_fd = top;
  return CURLM_OK;
}

void Multi::collect_pollfds(std::vector<pollfd>& out) const {
  std::vector<int> fds;
  sockets_.append_fds(fds);
  for (int fd : fds) {
    const SocketEntry* e = sockets_.find(fd);
    if (e == nullptr) continue;
    PollWants w = e->wants();
    if (w == kPollNone) continue;
    short ev = static_cast<short>(((w & kPollIn) ? POLLIN : 0) | ((w & kPollOut) ? POLLOUT : 0));
    out.push_back(pollfd{fd, ev, 0});
  }
}

CURLMcode Multi::wait(curl_waitfd* extra, unsigned n_extra, int timeout_ms, int* numfds,
                      bool is_poll) {
  if (timeout_ms < 0) return CURLM_BAD_FUNCTION_ARGUMENT;
  refresh_now();
  std::vector<pollfd> pfds;
  collect_pollfds(pfds);
  std::size_t n_curl = pfds.size();
  for (unsigned i = 0; i < n_extra; ++i) {
    short ev = static_cast<short>(((extra[i].events & CURL_WAIT_POLLIN) ? POLLIN : 0) |
                                  ((extra[i].events & CURL_WAIT_POLLPRI) ? POLLPRI : 0) |
                                  ((extra[i].events & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
    pfds.push_back(pollfd{extra[i].fd, ev, 0});
  }
  bool use_wakeup = is_poll && wakeup_fd_ >= 0;
  if (use_wakeup) pfds.push_back(pollfd{wakeup_fd_, POLLIN, 0});
  // The engine's own next deadline shortens the wait.
  long wait_ms = timeout_ms;
  if (std::optional<TimePoint> e = timers_.earliest()) {
    wait_ms = std::min<long>(wait_ms, timeout_ms_until(now_, *e));
  }
  if (pfds.empty() && !is_poll) {
    if (numfds != nullptr) *numfds = 0;
    return CURLM_OK;  // curl_multi_wait returns at once with nothing to wait on
  }
  int r = ::poll(pfds.empty() ? nullptr : pfds.data(), pfds.size(), static_cast<int>(wait_ms));
  if (r < 0) {
    if (errno == EINTR)
      r = 0;
    else
      return CURLM_UNRECOVERABLE_POLL;
  }
  int counted = 0;
  for (std::size_t i = 0; i < n_curl; ++i) {
    if (pfds[i].revents != 0) ++counted;
  }
  // 7.88.1 copies revents back only when poll() reported something: after a timeout the
  // application's extra_fds keep whatever revents they had.
  for (unsigned i = 0; r > 0 && i < n_extra; ++i) {
    short re = pfds[n_curl + i].revents;
    extra[i].revents = static_cast<short>(((re & POLLIN) ? CURL_WAIT_POLLIN : 0) |
                                          ((re & POLLPRI) ? CURL_WAIT_POLLPRI : 0) |
                                          ((re & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
    if (re != 0) ++counted;
  }
  if (use_wakeup && (pfds.back().revents & POLLIN)) {
    std::uint64_t v;
    while (::read(wakeup_fd_, &v, sizeof(v)) > 0) {
    }
  }
  if (numfds != nullptr) *numfds = counted;
  return CURLM_OK;
}

CURLMcode Multi::wakeup() noexcept {
  if (wakeup_fd_ < 0) return CURLM_WAKEUP_FAILURE;
  std::uint64_t one = 1;
  for (;;) {
    if (::write(wakeup_fd_, &one, sizeof(one)) == sizeof(one)) return CURLM_OK;
    if (errno == EINTR) continue;
    if (errno == EAGAIN) return CURLM_OK;  // already signalled: wakeups coalesce
    return CURLM_WAKEUP_FAILURE;
  }
}

}  // namespace mcurl
