// ExpireSet: the deadlines one transfer waits for, one slot per reason.
//
// A transfer can wait for several things at once (its total CURLOPT_TIMEOUT, a connect
// timeout, the Expect: 100-continue wait, …). Each reason has a fixed slot; setting a
// reason again replaces its deadline. The TimerTree holds only the earliest of them (one
// TimerNode per transfer), so the tree stays as small as the number of transfers; when
// that node expires, pop_expired() says which reasons are due.
//
// Ownership: embedded by value in each Transfer; no heap memory, no allocation ever.
// Thread affinity: the owning Multi's thread. Never calls out.
//
// Typical engine use (docs/internals/TIMERS.md):
//   t.expires().set(ExpireKind::Connect, after_ms(now, connect_timeout_ms));
//   tree.reschedule(t.timer_node(), t.expires().earliest());
//
// Tests: tests/unit/multi/timer_tree_test.cc (ExpireSet.*).
#ifndef MCURL_MULTI_EXPIRE_SET_H
#define MCURL_MULTI_EXPIRE_SET_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "util/clock.h"

namespace mcurl {

// Why a transfer wants to be woken. The order is only the slot order; it carries no
// priority (all reasons due at the same `now` are reported together).
enum class ExpireKind : std::uint8_t {
  RunNow,         // step the transfer as soon as possible (timer callback 0)
  Timeout,        // CURLOPT_TIMEOUT(_MS): the whole transfer
  Connect,        // CURLOPT_CONNECTTIMEOUT(_MS)
  LowSpeed,       // CURLOPT_LOW_SPEED_TIME: the once-a-second speed check
  Expect100,      // CURLOPT_EXPECT_100_TIMEOUT_MS
  HappyEyeballs,  // start the next address family (CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS)
  Resolve,        // name resolution timeout / resolver poll
  Poll,           // periodic re-check (e.g. a paused or rate-limited transfer)
  RetryAfter,     // CURLOPT_MAX_RECV/SEND_SPEED_LARGE: resume after the limit delay
  kCount
};

inline constexpr std::size_t kExpireKindCount = static_cast<std::size_t>(ExpireKind::kCount);

// Names for traces and test failure messages, in enum order.
inline constexpr std::array<std::string_view, kExpireKindCount> kExpireKindNames = {
    "RunNow",        "Timeout", "Connect", "LowSpeed",   "Expect100",
    "HappyEyeballs", "Resolve", "Poll",    "RetryAfter",
};
static_assert(std::size(kExpireKindNames) == kExpireKindCount,
              "add a name to kExpireKindNames for every ExpireKind");

constexpr std::string_view expire_kind_name(ExpireKind k) noexcept {
  return static_cast<std::size_t>(k) < kExpireKindCount
             ? kExpireKindNames[static_cast<std::size_t>(k)]
             : std::string_view("?");
}

// A set of ExpireKinds: bit (1 << kind).
using ExpireMask = std::uint32_t;
static_assert(kExpireKindCount <= 32, "ExpireMask is 32 bits");

constexpr ExpireMask expire_bit(ExpireKind k) noexcept {
  return ExpireMask{1} << static_cast<unsigned>(k);
}

class ExpireSet {
 public:
  // (Re)arms `kind` for `when`, replacing a deadline it had. `kind` must not be kCount.
  void set(ExpireKind kind, TimePoint when) noexcept {
    const auto i = static_cast<std::size_t>(kind);
    if (i >= kExpireKindCount) return;
    when_[i] = when;
    armed_ |= expire_bit(kind);
  }

  // Disarms `kind`. Harmless if it was not armed.
  void clear(ExpireKind kind) noexcept {
    if (static_cast<std::size_t>(kind) < kExpireKindCount) armed_ &= ~expire_bit(kind);
  }

  // Disarms everything (transfer done or removed from its multi).
  void clear_all() noexcept { armed_ = 0; }

  bool is_set(ExpireKind kind) const noexcept { return (armed_ & expire_bit(kind)) != 0; }
  bool empty() const noexcept { return armed_ == 0; }
  ExpireMask armed() const noexcept { return armed_; }

  // The deadline of `kind`, or nullopt if it is not armed.
  std::optional<TimePoint> get(ExpireKind kind) const noexcept {
    if (!is_set(kind)) return std::nullopt;
    return when_[static_cast<std::size_t>(kind)];
  }

  // The earliest armed deadline, or nullopt if none is armed. This is the key the
  // transfer's TimerNode should have in the TimerTree.
  std::optional<TimePoint> earliest() const noexcept {
    std::optional<TimePoint> best;
    for (std::size_t i = 0; i < kExpireKindCount; ++i) {
      if ((armed_ & (ExpireMask{1} << i)) != 0 && (!best || when_[i] < *best)) best = when_[i];
    }
    return best;
  }

  // Disarms every kind whose deadline is <= `now` and returns them as a mask (0 if none
  // is due). Kinds still in the future stay armed.
  ExpireMask pop_expired(TimePoint now) noexcept {
    ExpireMask due = 0;
    for (std::size_t i = 0; i < kExpireKindCount; ++i) {
      const ExpireMask bit = ExpireMask{1} << i;
      if ((armed_ & bit) != 0 && when_[i] <= now) due |= bit;
    }
    armed_ &= ~due;
    return due;
  }

 private:
  std::array<TimePoint, kExpireKindCount> when_{};
  ExpireMask armed_ = 0;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_EXPIRE_SET_H
