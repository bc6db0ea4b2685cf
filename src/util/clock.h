// Time for the engine: one monotonic time type everywhere, and a Clock seam tests replace.
//
// Every deadline in mcurl (ExpireSet, TimerTree, connection ages) is a TimePoint on the
// steady clock: it never jumps when the wall clock is set, which is what libcurl's
// Curl_now() gives too (CLOCK_MONOTONIC). Wall-clock time (file times, cookies) is a
// different thing and does not use this header.
//
// The engine does not read the clock directly: a Multi holds a `const Clock*` and caches
// one `now` per API call (STYLE.md §5 rule 8). Unit tests pass a FakeClock and move time
// by hand, so timer behaviour is deterministic.
//
// Thread affinity: SteadyClock is stateless and thread-safe; a FakeClock is used by one
// thread at a time.
//
// Tests: tests/unit/multi/timer_tree_test.cc (FakeClock, timeout_ms_until).
#ifndef MCURL_UTIL_CLOCK_H
#define MCURL_UTIL_CLOCK_H

#include <chrono>
#include <climits>

namespace mcurl {

// The one time type of the engine. Resolution is the steady clock's (nanoseconds on
// Linux); the application sees milliseconds only (timer callback, curl_multi_timeout).
using TimePoint = std::chrono::steady_clock::time_point;
using Duration = std::chrono::steady_clock::duration;

// A deadline that never comes. Containers do not store it: "no deadline" is represented
// by absence (std::optional, an unset ExpireKind, an unscheduled TimerNode).
inline constexpr TimePoint kNever = TimePoint::max();

// The source of "now". Implementations must be monotonic: a later call never returns an
// earlier time point.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const noexcept = 0;
};

// The real clock: std::chrono::steady_clock.
class SteadyClock final : public Clock {
 public:
  TimePoint now() const noexcept override { return std::chrono::steady_clock::now(); }
};

// The process-wide real clock. Never null; lives for the whole program.
inline const Clock& steady_clock() noexcept {
  static const SteadyClock clock;
  return clock;
}

// A clock that moves only when told to. Starts at an arbitrary fixed point (one hour
// after the epoch of the steady clock, so tests may subtract without underflow).
class FakeClock final : public Clock {
 public:
  FakeClock() noexcept = default;
  explicit FakeClock(TimePoint start) noexcept : now_(start) {}

  TimePoint now() const noexcept override { return now_; }

  // Moves time forward by `d` (a negative `d` is a caller bug; it is applied anyway so
  // that tests of monotonicity checks can provoke it).
  void advance(Duration d) noexcept { now_ += d; }
  void set(TimePoint t) noexcept { now_ = t; }

 private:
  TimePoint now_ = TimePoint{} + std::chrono::hours(1);
};

// Milliseconds from `now` until `deadline` as libcurl 7.88.1 reports them to the timer
// callback and from curl_multi_timeout:
//   deadline <= now            → 0 ("run now");
//   0 < remaining < 1 ms       → 1 (never 0 while time is still left, so an event loop
//                                   does not spin on a sub-millisecond remainder);
//   otherwise                  → remaining, truncated to whole milliseconds,
//                                 clamped to LONG_MAX.
// Never returns -1; "no deadline" is the caller's business.
inline long timeout_ms_until(TimePoint now, TimePoint deadline) noexcept {
  if (deadline <= now) return 0;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
  if (ms <= 0) return 1;
  if (ms > static_cast<decltype(ms)>(LONG_MAX)) return LONG_MAX;
  return static_cast<long>(ms);
}

// `now` plus `ms` milliseconds, saturating at kNever (a timeout option of LONG_MAX ms
// must not overflow the time point).
inline TimePoint after_ms(TimePoint now, long ms) noexcept {
  if (ms <= 0) return now;
  const auto room = std::chrono::duration_cast<std::chrono::milliseconds>(kNever - now);
  if (std::chrono::milliseconds(ms) >= room) return kNever;
  return now + std::chrono::milliseconds(ms);
}

}  // namespace mcurl

#endif  // MCURL_UTIL_CLOCK_H
