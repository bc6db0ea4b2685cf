// EventDriver: a small level-triggered epoll loop with one one-shot timer, the shape an
// application gives libcurl's socket interface (CURLMOPT_SOCKETFUNCTION tells it which
// descriptors to watch, CURLMOPT_TIMERFUNCTION when to call back).
//
// It knows nothing of libcurl: interest and readiness are plain bit sets whose values
// equal libcurl's (kWantIn/kWantOut are CURL_POLL_IN/OUT, kReadyIn/Out/Err are
// CURL_CSELECT_IN/OUT/ERR), so the integration harness passes them through unchanged.
//
// Header-only so that any test binary can use it without a link dependency.
// Thread affinity: one thread.
#pragma once

#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mcurl::test {

class EventDriver {
 public:
  using Clock = std::chrono::steady_clock;

  static constexpr int kWantIn = 1;   // CURL_POLL_IN
  static constexpr int kWantOut = 2;  // CURL_POLL_OUT
  static constexpr int kReadyIn = 1;  // CURL_CSELECT_IN
  static constexpr int kReadyOut = 2;
  static constexpr int kReadyErr = 4;

  // What one wait() saw.
  struct Events {
    std::vector<std::pair<int, int>> ready;  // (fd, kReady* bits)
    bool timer_fired = false;
  };

  EventDriver() : epfd_(::epoll_create1(EPOLL_CLOEXEC)) {
    if (epfd_ < 0) throw std::runtime_error(std::string("epoll_create1: ") + std::strerror(errno));
  }
  ~EventDriver() { ::close(epfd_); }
  EventDriver(const EventDriver&) = delete;
  EventDriver& operator=(const EventDriver&) = delete;

  // Starts or changes watching `fd` for `wants` (kWantIn | kWantOut, not 0). Returns
  // the errno of epoll_ctl (0: fine).
  int watch(int fd, int wants) {
    epoll_event ev{};
    ev.events = ((wants & kWantIn) ? EPOLLIN : 0u) | ((wants & kWantOut) ? EPOLLOUT : 0u) |
                (edge_triggered_ ? static_cast<unsigned>(EPOLLET) : 0u);
    ev.data.fd = fd;
    bool known = watched_.count(fd) != 0;
    if (::epoll_ctl(epfd_, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0) return errno;
    watched_[fd] = wants;
    return 0;
  }
  // Stops watching `fd`. Returns the errno of epoll_ctl (EBADF when it was closed
  // already, ENOENT when it was never added).
  int unwatch(int fd) {
    watched_.erase(fd);
    epoll_event ev{};
    if (::epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, &ev) != 0) return errno;
    return 0;
  }
  // Registers descriptors edge-triggered (EPOLLET) from now on: readiness is reported
  // once per change, so the library must drain or re-arm itself (BEHAVIOUR.md item 53).
  void set_edge_triggered(bool on) { edge_triggered_ = on; }

  bool watching(int fd) const { return watched_.count(fd) != 0; }
  const std::map<int, int>& watched() const { return watched_; }

  // -1 deletes the timer; >= 0 (including 0) arms it to fire once after ms.
  void set_timer(long ms) {
    if (ms < 0) {
      timer_.reset();
    } else {
      timer_ = Clock::now() + std::chrono::milliseconds(ms);
    }
  }
  bool timer_armed() const { return timer_.has_value(); }

  // Waits at most `max_wait` (shortened to the timer) and returns what is ready. A
  // fired timer is disarmed before wait() returns (it is one-shot).
  Events wait(std::chrono::milliseconds max_wait) {
    Events out;
    auto now = Clock::now();
    auto until = now + max_wait;
    if (timer_ && *timer_ < until) until = *timer_;
    long ms = std::chrono::duration_cast<std::chrono::milliseconds>(until - now).count();
    if (until > now && ms == 0) ms = 1;  // never spin on a sub-millisecond remainder
    if (ms < 0) ms = 0;
    epoll_event evs[256];
    int n = ::epoll_wait(epfd_, evs, 256, static_cast<int>(ms));
    if (n < 0 && errno != EINTR) {
      throw std::runtime_error(std::string("epoll_wait: ") + std::strerror(errno));
    }
    ++wakeups_;
    for (int i = 0; i < n; ++i) {
      int bits = 0;
      if (evs[i].events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) bits |= kReadyIn;
      if (evs[i].events & EPOLLOUT) bits |= kReadyOut;
      if (evs[i].events & EPOLLERR) bits |= kReadyErr;
      int fd = evs[i].data.fd;
      out.ready.emplace_back(fd, bits);
    }
    if (timer_ && *timer_ <= Clock::now()) {
      timer_.reset();
      out.timer_fired = true;
    }
    return out;
  }

  std::size_t wakeups() const { return wakeups_; }

 private:
  int epfd_;
  std::map<int, int> watched_;
  bool edge_triggered_ = false;
  std::optional<Clock::time_point> timer_;
  std::size_t wakeups_ = 0;
};

}  // namespace mcurl::test
