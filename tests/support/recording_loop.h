// RecordingLoop: an EventDriver that records every socket-callback and timer-callback
// call an application would receive from libcurl's multi socket interface, applies them
// to epoll, and checks the contract of those calls as they happen (BEHAVIOUR.md F, H):
//
//   * `what` is IN, OUT, INOUT or REMOVE (never NONE, never anything else);
//   * a socket is announced, changed zero or more times, then REMOVEd exactly once;
//     never two consecutive calls with the same `what` for one socket;
//   * REMOVE only for an announced socket, and while the descriptor is still open
//     (fcntl(F_GETFD) works and epoll_ctl(DEL) succeeds);
//   * a descriptor is closed (observed through CURLOPT_CLOSESOCKETFUNCTION) only after
//     its REMOVE, when it had been announced.
//
// It knows nothing of libcurl (the values of CURL_POLL_* are the constants below), so it
// can be tested and reused anywhere. Header-only. One thread.
#pragma once

#include <fcntl.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "support/event_driver.h"

namespace mcurl::test {

class RecordingLoop {
 public:
  static constexpr int kPollNone = 0;  // CURL_POLL_NONE
  static constexpr int kPollIn = 1;
  static constexpr int kPollOut = 2;
  static constexpr int kPollInOut = 3;
  static constexpr int kPollRemove = 4;

  struct SocketCall {
    std::size_t seq = 0;  // position among all recorded calls (socket and timer)
    void* easy = nullptr;
    int fd = -1;
    int what = 0;
    void* socketp = nullptr;
  };
  struct TimerCall {
    std::size_t seq = 0;
    long ms = 0;
  };

  EventDriver& driver() { return driver_; }

  // The body of the application's socket callback. Returns what the callback returns:
  // 0, or -1 at the call chosen by fail_socket_call().
  int on_socket(void* easy, int fd, int what, void* socketp) {
    socket_calls_.push_back(SocketCall{seq_++, easy, fd, what, socketp});
    note("socket_cb fd=" + std::to_string(fd) + " what=" + std::to_string(what));
    auto it = announced_.find(fd);
    if (what == kPollRemove) {
      if (it == announced_.end()) {
        violate("REMOVE for fd " + std::to_string(fd) + " that is not announced");
      } else {
        announced_.erase(it);
      }
      if (::fcntl(fd, F_GETFD) < 0) {
        violate("REMOVE for fd " + std::to_string(fd) + " after it was closed");
      }
      if (driver_.watching(fd)) {
        int err = driver_.unwatch(fd);
        if (err != 0)
          violate("epoll_ctl(DEL) of fd " + std::to_string(fd) + ": errno " + std::to_string(err));
      }
      ++removes_;
    } else if (what == kPollIn || what == kPollOut || what == kPollInOut) {
      if (it != announced_.end() && it->second == what) {
        violate("two consecutive calls with what=" + std::to_string(what) + " for fd " +
                std::to_string(fd));
      }
      if (it == announced_.end()) {
        ++announcements_;
        if (socketp != nullptr) {
          violate("fd " + std::to_string(fd) + " announced afresh with a non-NULL socketp");
        }
      }
      announced_[fd] = what;
      int err = driver_.watch(fd, what);
      if (err != 0)
        violate("epoll_ctl of fd " + std::to_string(fd) + ": errno " + std::to_string(err));
    } else {
      violate("socket callback with what=" + std::to_string(what) + " for fd " +
              std::to_string(fd));
    }
    ++socket_count_;
    if (fail_socket_at_ != 0 && socket_count_ == fail_socket_at_) return -1;
    return 0;
  }

  // The body of the application's timer callback: 0, or -1 at the chosen call.
  int on_timer(long ms) {
    timer_calls_.push_back(TimerCall{seq_++, ms});
    note("timer_cb " + std::to_string(ms));
    if (ms < -1) violate("timer callback with " + std::to_string(ms));
    driver_.set_timer(ms);
    if (ms == 0) {
      ++zero_streak_;
      if (zero_streak_ > max_zero_streak_) max_zero_streak_ = zero_streak_;
    } else {
      zero_streak_ = 0;
    }
    ++timer_count_;
    if (fail_timer_at_ != 0 && timer_count_ == fail_timer_at_) return -1;
    return 0;
  }

  // Adds a line to the trace (the harness notes its own calls into libcurl).
  void note(std::string line) {
    if (log_.size() < 4000) log_.push_back(std::move(line));
  }
  // Everything recorded, one line each.
  std::string trace() const {
    std::string out;
    for (const std::string& l : log_) out += "  " + l + "\n";
    return out;
  }

  // Socket I/O was reported to libcurl (ends a streak of 0 ms timers).
  void note_io() { zero_streak_ = 0; }

  // A descriptor libcurl opened / is about to close (OPEN/CLOSESOCKETFUNCTION).
  void on_open(int fd) { (void)fd; }
  void on_close(int fd) {
    if (announced_.count(fd) != 0) {
      violate("fd " + std::to_string(fd) + " closed while still announced (no REMOVE first)");
      announced_.erase(fd);
      driver_.unwatch(fd);
    }
  }

  // The n-th (1-based) socket / timer call returns -1; 0 disables.
  void fail_socket_call(std::size_t n) { fail_socket_at_ = n; }
  void fail_timer_call(std::size_t n) { fail_timer_at_ = n; }

  const std::vector<SocketCall>& socket_calls() const { return socket_calls_; }
  const std::vector<TimerCall>& timer_calls() const { return timer_calls_; }
  const std::vector<std::string>& violations() const { return violations_; }
  const std::map<int, int>& announced() const { return announced_; }
  // The sequence number the next recorded call will get.
  std::size_t seq() const { return seq_; }
  std::size_t announcements() const { return announcements_; }
  std::size_t removes() const { return removes_; }
  // The longest run of consecutive 0 ms timer calls without socket I/O in between.
  std::size_t max_zero_streak() const { return max_zero_streak_; }

  // Calls for one fd, in order.
  std::vector<int> whats_for(int fd) const {
    std::vector<int> out;
    for (const SocketCall& c : socket_calls_) {
      if (c.fd == fd) out.push_back(c.what);
    }
    return out;
  }

 private:
  void violate(std::string text) { violations_.push_back(std::move(text)); }

  EventDriver driver_;
  std::size_t seq_ = 0;
  std::vector<SocketCall> socket_calls_;
  std::vector<TimerCall> timer_calls_;
  std::vector<std::string> violations_;
  std::vector<std::string> log_;
  std::map<int, int> announced_;  // fd → the last `what` told (not yet REMOVEd)
  std::size_t announcements_ = 0;
  std::size_t removes_ = 0;
  std::size_t socket_count_ = 0;
  std::size_t timer_count_ = 0;
  std::size_t fail_socket_at_ = 0;
  std::size_t fail_timer_at_ = 0;
  std::size_t zero_streak_ = 0;
  std::size_t max_zero_streak_ = 0;
};

}  // namespace mcurl::test
