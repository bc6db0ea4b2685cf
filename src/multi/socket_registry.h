// SocketRegistry: every socket the multi's transfers wait on, and what the application
// was last told about it through the socket callback (CURLMOPT_SOCKETFUNCTION).
//
// Keyed by fd in an open-addressing hash (linear probing, backward-shift deletion), so a
// socket event costs one O(1) lookup. Each entry counts its users (transfers that wait on
// it), its readers and writers (users that want IN / OUT), remembers the last action
// announced to the application and the curl_multi_assign pointer.
//
// The engine's protocol (docs/internals/SOCKETS.md has the numbered rules):
//   1. After stepping a transfer, apply diff(prev_pollset, cur_pollset): set_interest for
//      added/changed fds, remove_interest for removed ones.
//   2. For every fd touched, ask diff(fd). If it returns an action, call the socket
//      callback with it and the entry's socketp, then mark_announced(fd, action) (which
//      looks the fd up again). Marking a REMOVE erases the entry and forgets socketp.
//   3. Before closing a socket, call forget(fd); if it returns CURL_POLL_REMOVE, call the
//      socket callback with REMOVE, then mark_announced(fd, CURL_POLL_REMOVE).
// This gives the application "changes, not states": never the same action twice in a
// row, exactly one REMOVE per announced socket, and the REMOVE before the close.
//
// Pointers returned by find() are invalidated by any call that adds or erases an entry
// (set_interest, remove_interest, mark_announced, forget). After calling the application,
// look the fd up again (STYLE.md §4 rule 7).
//
// Memory: set_interest allocates when a new fd makes the table grow (reserve() avoids
// it) and when a socket gets a second user (the inline slot holds one). Everything else
// never allocates. Thread affinity: the owning Multi's thread. Never calls into the
// application.
//
// Tests: tests/unit/multi/socket_registry_test.cc
#ifndef MCURL_MULTI_SOCKET_REGISTRY_H
#define MCURL_MULTI_SOCKET_REGISTRY_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "multi/pollset.h"

namespace mcurl {

// The transfers using one socket, with what each wants. Most sockets have one user, kept
// inline; more spill into a vector. Ids are TransferTable ids (never 0).
class SocketUsers {
 public:
  struct User {
    std::uint32_t id;
    PollWants wants;  // never kPollNone
  };

  std::size_t size() const noexcept { return first_.id == 0 ? 0 : 1 + more_.size(); }
  bool empty() const noexcept { return first_.id == 0; }
  // The first user (the one that has used the socket longest among those inline), or 0.
  std::uint32_t first() const noexcept { return first_.id; }
  bool contains(std::uint32_t id) const noexcept { return find(id) != nullptr; }
  // What user `id` wants, or kPollNone if it is not a user.
  PollWants wants_of(std::uint32_t id) const noexcept {
    const User* u = find(id);
    return u != nullptr ? u->wants : kPollNone;
  }

  // Calls f(id, wants) for every user. f must not change the registry: copy the ids
  // (append_ids) first if running the users can change it.
  template <class F>
  void for_each(F&& f) const {
    if (first_.id == 0) return;
    f(first_.id, first_.wants);
    for (const User& u : more_) f(u.id, u.wants);
  }
  // Appends every user id to `out`. May throw std::bad_alloc from growing `out`.
  void append_ids(std::vector<std::uint32_t>& out) const {
    for_each([&out](std::uint32_t id, PollWants) { out.push_back(id); });
  }

 private:
  friend class SocketRegistry;
  const User* find(std::uint32_t id) const noexcept;
  User* find(std::uint32_t id) noexcept {
    return const_cast<User*>(static_cast<const SocketUsers*>(this)->find(id));
  }
  void add(std::uint32_t id, PollWants wants);  // may throw; then nothing changed
  void erase(std::uint32_t id) noexcept;
  void clear() noexcept {
    first_ = User{0, kPollNone};
    more_.clear();
  }

  User first_{0, kPollNone};  // id 0: no users (then more_ is empty too)
  std::vector<User> more_;
};

// One socket. Read-only to the engine (through find()); only the registry writes it.
struct SocketEntry {
  int fd = -1;              // -1: free hash slot
  unsigned readers = 0;     // users that want IN
  unsigned writers = 0;     // users that want OUT
  unsigned users = 0;       // == user_ids.size()
  int announced = 0;        // CURL_POLL_IN/OUT/INOUT last told to the application; 0: none
  void* socketp = nullptr;  // curl_multi_assign's pointer; forgotten with the entry
  SocketUsers user_ids;

  // The union of what the users want: kPollIn if any reader, kPollOut if any writer.
  PollWants wants() const noexcept {
    return static_cast<PollWants>((readers > 0 ? kPollIn : 0) | (writers > 0 ? kPollOut : 0));
  }
};

class SocketRegistry {
 public:
  SocketRegistry() = default;
  SocketRegistry(const SocketRegistry&) = delete;
  SocketRegistry& operator=(const SocketRegistry&) = delete;

  // The entry for `fd`, or nullptr if the registry does not know it. See the invalidation
  // rule above.
  const SocketEntry* find(int fd) const noexcept;

  // The users of `fd`, or nullptr if the registry does not know it.
  const SocketUsers* users(int fd) const noexcept {
    const SocketEntry* e = find(fd);
    return e != nullptr ? &e->user_ids : nullptr;
  }

  // Records that transfer `transfer_id` (not 0) now wants IN and/or OUT on `fd` (>= 0),
  // replacing what it wanted before; creates the entry if the fd is new. With neither
  // want this is remove_interest. Returns true if the union of wants of the socket
  // changed (so diff(fd) may have something to announce). Returns false and changes
  // nothing for fd < 0 or id 0. May throw std::bad_alloc; then nothing changed.
  bool set_interest(std::uint32_t transfer_id, int fd, bool want_in, bool want_out);
  bool set_interest(std::uint32_t transfer_id, int fd, PollWants wants) {
    return set_interest(transfer_id, fd, (wants & kPollIn) != 0, (wants & kPollOut) != 0);
  }

  // Records that `transfer_id` no longer waits on `fd`. Harmless (returns false) if the fd
  // is unknown or the transfer is not one of its users (a stale previous pollset after
  // forget(), or a reused fd number). Returns true if the union of wants changed. An
  // entry left with no users is erased at once if it was never announced; otherwise it
  // stays until its REMOVE is marked (rule 2).
  bool remove_interest(std::uint32_t transfer_id, int fd) noexcept;

  // curl_multi_assign: stores `p` as the socketp of `fd`. Returns false if the fd is
  // unknown (the facade answers CURLM_BAD_SOCKET).
  bool assign(int fd, void* p) noexcept;

  // What the application must be told about `fd` now, as a CURL_POLL_* action:
  //   CURL_POLL_IN / OUT / INOUT   the union of wants differs from what was announced;
  //   CURL_POLL_REMOVE             nobody wants it any more and it had been announced;
  //   0 (CURL_POLL_NONE)           nothing to tell (also for an unknown fd).
  // A query: it changes nothing; mark_announced() records that the callback was made.
  int diff(int fd) const noexcept;

  // Records that the application was told `action` about `fd`. CURL_POLL_REMOVE forgets
  // the socketp and the announcement; the entry is erased unless it has users again
  // (then the next diff announces it afresh). 0 changes nothing. Returns false if the
  // fd is unknown.
  bool mark_announced(int fd, int action) noexcept;

  // The socket is about to be closed: drops all of its users. If it had been announced,
  // the entry stays and CURL_POLL_REMOVE is returned: call the socket callback with it
  // (socketp from find(fd)), then mark_announced(fd, CURL_POLL_REMOVE), which erases it.
  // Otherwise the entry is erased now and 0 is returned. An unknown fd returns 0, so a
  // second forget, or a forget after the REMOVE was marked, tells nothing again.
  int forget(int fd) noexcept;

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  // Makes room for `n` sockets so that new fds up to that count do not grow the table.
  // May throw std::bad_alloc.
  void reserve(std::size_t n);

  // Appends the fd of every entry to `out` (for curl_multi_socket_all and cleanup; then
  // look each up again). May throw std::bad_alloc from growing `out`.
  void append_fds(std::vector<int>& out) const;

  // Checks the invariants: hash placement and probe chains, counts against the users,
  // no entry without users that was never announced, valid announced values. For tests
  // and debug builds; allocates. Returns false with a reason in *why on a violation.
  bool validate(std::string* why = nullptr) const;

 private:
  static constexpr std::size_t kNotFound = static_cast<std::size_t>(-1);
  std::size_t home_of(int fd) const noexcept;
  std::size_t find_slot(int fd) const noexcept;
  std::size_t insert_new(int fd);  // fd must be absent; may throw (growth)
  void erase_slot(std::size_t i) noexcept;
  void grow_to(std::size_t capacity);
  static void count_wants(SocketEntry& e, PollWants w, int sign) noexcept;

  std::vector<SocketEntry> slots_;  // capacity is 0 or a power of two
  unsigned shift_ = 64;             // 64 - log2(capacity), for Fibonacci hashing
  std::size_t size_ = 0;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_SOCKET_REGISTRY_H
