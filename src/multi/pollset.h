// PollSet: what one transfer waits for right now, as a handful of {fd, IN|OUT} pairs.
//
// After stepping a transfer, the engine asks it for its current PollSet, diffs it against
// the one it kept from the previous step, and applies the difference to the
// SocketRegistry (set_interest for added and changed fds, remove_interest for removed
// ones). Then it keeps the current set as the new previous one. See
// docs/internals/SOCKETS.md.
//
// A transfer waits on at most kCapacity sockets at once (libcurl 7.88.1 has the same
// limit, MAX_SOCKSPEREASYHANDLE): a connection, a second happy-eyeballs candidate, a
// resolver's eventfd. Everything lives inline; nothing here allocates or calls out.
//
// Tests: tests/unit/multi/pollset_test.cc
#ifndef MCURL_MULTI_POLLSET_H
#define MCURL_MULTI_POLLSET_H

#include <array>
#include <cstddef>
#include <cstdint>

namespace mcurl {

// Wants bits. They have the values of CURL_POLL_IN and CURL_POLL_OUT (and their union is
// CURL_POLL_INOUT), which socket_registry.cc checks with static_asserts.
using PollWants = std::uint8_t;
inline constexpr PollWants kPollNone = 0;
inline constexpr PollWants kPollIn = 1;
inline constexpr PollWants kPollOut = 2;
inline constexpr PollWants kPollInOut = kPollIn | kPollOut;

struct PollEntry {
  int fd;
  PollWants wants;  // never kPollNone inside a PollSet
};

class PollSet {
 public:
  static constexpr std::size_t kCapacity = 5;

  // Adds `wants` for `fd` (ORed into what the set already wants for it). Adding
  // kPollNone, or a negative fd, changes nothing and returns true. Returns false
  // (changing nothing) if `fd` is new and the set is full.
  bool add(int fd, PollWants wants) noexcept {
    wants &= kPollInOut;
    if (fd < 0 || wants == kPollNone) return true;
    if (PollEntry* e = find(fd)) {
      e->wants |= wants;
      return true;
    }
    if (n_ == kCapacity) return false;
    entries_[n_++] = PollEntry{fd, wants};
    return true;
  }

  // Replaces what the set wants for `fd`; kPollNone removes it. Returns false (changing
  // nothing) only if `fd` is new and the set is full.
  bool set(int fd, PollWants wants) noexcept {
    wants &= kPollInOut;
    if (wants == kPollNone) {
      remove(fd);
      return true;
    }
    if (PollEntry* e = find(fd)) {
      e->wants = wants;
      return true;
    }
    return add(fd, wants);
  }

  // Removes `fd`; returns false if it was not in the set. Keeps the order of the others.
  bool remove(int fd) noexcept {
    for (std::size_t i = 0; i < n_; ++i) {
      if (entries_[i].fd == fd) {
        for (std::size_t j = i + 1; j < n_; ++j) entries_[j - 1] = entries_[j];
        --n_;
        return true;
      }
    }
    return false;
  }

  void clear() noexcept { n_ = 0; }

  // What the set wants for `fd` (kPollNone if `fd` is not in it).
  PollWants wants(int fd) const noexcept {
    const PollEntry* e = find(fd);
    return e != nullptr ? e->wants : kPollNone;
  }
  bool contains(int fd) const noexcept { return find(fd) != nullptr; }

  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  const PollEntry* begin() const noexcept { return entries_.data(); }
  const PollEntry* end() const noexcept { return entries_.data() + n_; }
  const PollEntry& operator[](std::size_t i) const noexcept { return entries_[i]; }

  // Same fds with the same wants, in any order.
  friend bool operator==(const PollSet& a, const PollSet& b) noexcept {
    if (a.n_ != b.n_) return false;
    for (const PollEntry& e : a) {
      if (b.wants(e.fd) != e.wants) return false;
    }
    return true;
  }

 private:
  PollEntry* find(int fd) noexcept {
    for (std::size_t i = 0; i < n_; ++i) {
      if (entries_[i].fd == fd) return &entries_[i];
    }
    return nullptr;
  }
  const PollEntry* find(int fd) const noexcept { return const_cast<PollSet*>(this)->find(fd); }

  std::array<PollEntry, kCapacity> entries_{};
  std::size_t n_ = 0;
};

// One fd whose wants differ between two PollSets.
struct PollChange {
  enum class Kind : std::uint8_t { Added, Changed, Removed };
  int fd;
  PollWants before;  // kPollNone when Added
  PollWants after;   // kPollNone when Removed
  Kind kind() const noexcept {
    if (before == kPollNone) return Kind::Added;
    if (after == kPollNone) return Kind::Removed;
    return Kind::Changed;
  }
};

// The differences from one PollSet to the next, held inline.
class PollDiff {
 public:
  static constexpr std::size_t kCapacity = 2 * PollSet::kCapacity;

  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  const PollChange* begin() const noexcept { return changes_.data(); }
  const PollChange* end() const noexcept { return changes_.data() + n_; }
  const PollChange& operator[](std::size_t i) const noexcept { return changes_[i]; }

 private:
  friend PollDiff diff(const PollSet& prev, const PollSet& cur) noexcept;
  std::array<PollChange, kCapacity> changes_{};
  std::size_t n_ = 0;
};

// What changed from `prev` to `cur`: first the fds of `cur` that are new or want
// something else (in `cur`'s order), then the fds of `prev` that `cur` lacks (in `prev`'s
// order). Unchanged fds do not appear. This is the order libcurl 7.88.1 announces in.
// Tests: tests/unit/multi/pollset_test.cc
inline PollDiff diff(const PollSet& prev, const PollSet& cur) noexcept {
  PollDiff d;
  for (const PollEntry& e : cur) {
    const PollWants before = prev.wants(e.fd);
    if (before != e.wants) d.changes_[d.n_++] = PollChange{e.fd, before, e.wants};
  }
  for (const PollEntry& e : prev) {
    if (!cur.contains(e.fd)) d.changes_[d.n_++] = PollChange{e.fd, e.wants, kPollNone};
  }
  return d;
}

}  // namespace mcurl

#endif  // MCURL_MULTI_POLLSET_H
