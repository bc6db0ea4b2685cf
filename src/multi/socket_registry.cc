// SocketRegistry: fd hash with per-socket users. See socket_registry.h and
// docs/internals/SOCKETS.md.
#include "multi/socket_registry.h"

#include <curl/curl.h>

#include <algorithm>
#include <utility>

namespace mcurl {

// The wants bits are announced as they are, so they must be the CURL_POLL_* values.
static_assert(kPollIn == CURL_POLL_IN);
static_assert(kPollOut == CURL_POLL_OUT);
static_assert(kPollInOut == CURL_POLL_INOUT);
static_assert(CURL_POLL_NONE == 0);

namespace {

constexpr std::size_t kInitialCapacity = 16;
constexpr std::uint64_t kFibonacci = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio

// Grow when more than 3/4 full: linear probing stays short below that.
bool too_full(std::size_t size, std::size_t capacity) noexcept { return size * 4 > capacity * 3; }

}  // namespace

// --- SocketUsers ---------------------------------------------------------------------

const SocketUsers::User* SocketUsers::find(std::uint32_t id) const noexcept {
  if (id == 0 || first_.id == 0) return nullptr;
  if (first_.id == id) return &first_;
  for (const User& u : more_) {
    if (u.id == id) return &u;
  }
  return nullptr;
}

void SocketUsers::add(std::uint32_t id, PollWants wants) {
  if (first_.id == 0) {
    first_ = User{id, wants};
  } else {
    more_.push_back(User{id, wants});
  }
}

void SocketUsers::erase(std::uint32_t id) noexcept {
  if (first_.id == id) {
    if (more_.empty()) {
      first_ = User{0, kPollNone};
    } else {
      first_ = more_.front();
      more_.erase(more_.begin());  // keeps the others in arrival order
    }
    return;
  }
  auto it = std::find_if(more_.begin(), more_.end(), [id](const User& u) { return u.id == id; });
  if (it != more_.end()) more_.erase(it);
}

// --- the hash --------------------------------------------------------------------------

std::size_t SocketRegistry::home_of(int fd) const noexcept {
  return static_cast<std::size_t>(
      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(fd)) * kFibonacci) >> shift_);
}

std::size_t SocketRegistry::find_slot(int fd) const noexcept {
  if (fd < 0 || slots_.empty()) return kNotFound;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home_of(fd);; i = (i + 1) & mask) {
    if (slots_[i].fd == fd) return i;
    if (slots_[i].fd < 0) return kNotFound;  // the table is never full, so this ends
  }
}

void SocketRegistry::grow_to(std::size_t capacity) {
  std::vector<SocketEntry> bigger(capacity);  // may throw: nothing changed yet
  unsigned shift = 64;
  for (std::size_t c = capacity; c > 1; c >>= 1) --shift;
  std::swap(slots_, bigger);
  shift_ = shift;
  const std::size_t mask = capacity - 1;
  for (SocketEntry& e : bigger) {
    if (e.fd < 0) continue;
    std::size_t i = home_of(e.fd);
    while (slots_[i].fd >= 0) i = (i + 1) & mask;
    slots_[i] = std::move(e);  // no allocation: moves the spill vector
  }
}

std::size_t SocketRegistry::insert_new(int fd) {
  if (slots_.empty()) {
    grow_to(kInitialCapacity);
  } else if (too_full(size_ + 1, slots_.size())) {
    grow_to(slots_.size() * 2);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home_of(fd);
  while (slots_[i].fd >= 0) i = (i + 1) & mask;
  slots_[i].fd = fd;
  ++size_;
  return i;
}

// Backward-shift deletion: pull later members of the probe chain into the hole so that
// lookups never need tombstones.
void SocketRegistry::erase_slot(std::size_t hole) noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t j = (hole + 1) & mask; slots_[j].fd >= 0; j = (j + 1) & mask) {
    const std::size_t home = home_of(slots_[j].fd);
    // The entry at j may fill the hole if the hole lies on its path home → j.
    if (((j - home) & mask) >= ((j - hole) & mask)) {
      slots_[hole] = std::move(slots_[j]);
      hole = j;
    }
  }
  slots_[hole] = SocketEntry{};
  --size_;
}

void SocketRegistry::reserve(std::size_t n) {
  std::size_t capacity = slots_.empty() ? kInitialCapacity : slots_.size();
  while (too_full(n, capacity)) capacity *= 2;
  if (capacity > slots_.size()) grow_to(capacity);
}

// --- the protocol --------------------------------------------------------------------

const SocketEntry* SocketRegistry::find(int fd) const noexcept {
  const std::size_t i = find_slot(fd);
  return i == kNotFound ? nullptr : &slots_[i];
}

void SocketRegistry::count_wants(SocketEntry& e, PollWants w, int sign) noexcept {
  if ((w & kPollIn) != 0) sign > 0 ? ++e.readers : --e.readers;
  if ((w & kPollOut) != 0) sign > 0 ? ++e.writers : --e.writers;
}

// Tests: socket_registry_test.cc (UnionOfTwoUsers, RandomAgainstReference)
bool SocketRegistry::set_interest(std::uint32_t transfer_id, int fd, bool want_in, bool want_out) {
  if (!want_in && !want_out) return remove_interest(transfer_id, fd);
  if (fd < 0 || transfer_id == 0) return false;
  const PollWants w = static_cast<PollWants>((want_in ? kPollIn : 0) | (want_out ? kPollOut : 0));
  std::size_t i = find_slot(fd);
  if (i == kNotFound) i = insert_new(fd);  // may throw before any change
  SocketEntry& e = slots_[i];
  const PollWants before = e.wants();
  if (SocketUsers::User* u = e.user_ids.find(transfer_id)) {
    count_wants(e, u->wants, -1);
    u->wants = w;
  } else {
    // Throws only when spilling to a second user, so the entry is not fresh and stays
    // consistent.
    e.user_ids.add(transfer_id, w);
    ++e.users;
  }
  count_wants(e, w, +1);
  return e.wants() != before;
}

bool SocketRegistry::remove_interest(std::uint32_t transfer_id, int fd) noexcept {
  const std::size_t i = find_slot(fd);
  if (i == kNotFound) return false;
  SocketEntry& e = slots_[i];
  const SocketUsers::User* u = e.user_ids.find(transfer_id);
  if (u == nullptr) return false;
  const PollWants before = e.wants();
  count_wants(e, u->wants, -1);
  e.user_ids.erase(transfer_id);
  --e.users;
  const PollWants after = e.wants();
  // Never announced and nobody left: nothing to tell the application, so no trace kept.
  if (e.users == 0 && e.announced == 0) erase_slot(i);
  return after != before;
}

bool SocketRegistry::assign(int fd, void* p) noexcept {
  const std::size_t i = find_slot(fd);
  if (i == kNotFound) return false;
  slots_[i].socketp = p;
  return true;
}

int SocketRegistry::diff(int fd) const noexcept {
  const SocketEntry* e = find(fd);
  if (e == nullptr) return CURL_POLL_NONE;
  const int now = e->wants();
  if (now == kPollNone) return e->announced != 0 ? CURL_POLL_REMOVE : CURL_POLL_NONE;
  return now != e->announced ? now : CURL_POLL_NONE;
}

bool SocketRegistry::mark_announced(int fd, int action) noexcept {
  const std::size_t i = find_slot(fd);
  if (i == kNotFound) return false;
  SocketEntry& e = slots_[i];
  if (action == CURL_POLL_REMOVE) {
    // CURLMOPT_SOCKETFUNCTION: a removed socket loses its assigned pointer.
    if (e.users == 0) {
      erase_slot(i);
    } else {
      e.announced = 0;
      e.socketp = nullptr;
    }
  } else if (action != CURL_POLL_NONE) {
    e.announced = action & kPollInOut;
  }
  return true;
}

int SocketRegistry::forget(int fd) noexcept {
  const std::size_t i = find_slot(fd);
  if (i == kNotFound) return CURL_POLL_NONE;
  SocketEntry& e = slots_[i];
  if (e.announced == 0) {
    erase_slot(i);
    return CURL_POLL_NONE;
  }
  e.user_ids.clear();
  e.users = e.readers = e.writers = 0;
  return CURL_POLL_REMOVE;
}

void SocketRegistry::append_fds(std::vector<int>& out) const {
  for (const SocketEntry& e : slots_) {
    if (e.fd >= 0) out.push_back(e.fd);
  }
}

bool SocketRegistry::validate(std::string* why) const {
  auto fail = [why](std::string msg) {
    if (why != nullptr) *why = std::move(msg);
    return false;
  };
  if (!slots_.empty() && (slots_.size() & (slots_.size() - 1)) != 0) {
    return fail("capacity is not a power of two");
  }
  if (!slots_.empty() && (std::size_t{1} << (64 - shift_)) != slots_.size()) {
    return fail("shift does not match the capacity");
  }
  if (size_ >= slots_.size() && !slots_.empty()) return fail("table is full");
  const std::size_t mask = slots_.empty() ? 0 : slots_.size() - 1;
  std::size_t live = 0;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const SocketEntry& e = slots_[i];
    if (e.fd < 0) {
      if (e.users != 0 || !e.user_ids.empty() || e.socketp != nullptr || e.announced != 0) {
        return fail("free slot with leftover state");
      }
      continue;
    }
    ++live;
    const std::string at = " (fd " + std::to_string(e.fd) + ")";
    // Every slot from home to i must be occupied, or lookups would stop early.
    for (std::size_t j = home_of(e.fd); j != i; j = (j + 1) & mask) {
      if (slots_[j].fd < 0) return fail("gap in a probe chain" + at);
      if (slots_[j].fd == e.fd) return fail("duplicate fd" + at);
    }
    unsigned users = 0, readers = 0, writers = 0;
    bool bad_user = false;
    std::vector<std::uint32_t> ids;
    e.user_ids.for_each([&](std::uint32_t id, PollWants w) {
      ++users;
      if ((w & kPollIn) != 0) ++readers;
      if ((w & kPollOut) != 0) ++writers;
      if (id == 0 || w == kPollNone || (w & ~kPollInOut) != 0) bad_user = true;
      ids.push_back(id);
    });
    if (bad_user) return fail("user with id 0 or bad wants" + at);
    std::sort(ids.begin(), ids.end());
    if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
      return fail("user listed twice" + at);
    }
    if (e.user_ids.first_.id == 0 && !e.user_ids.more_.empty()) {
      return fail("spilled users without an inline one" + at);
    }
    if (users != e.users || readers != e.readers || writers != e.writers) {
      return fail("counts do not match the users" + at);
    }
    if (e.announced < 0 || e.announced > CURL_POLL_INOUT) return fail("bad announced" + at);
    if (e.users == 0 && e.announced == 0) return fail("unused, unannounced entry kept" + at);
  }
  if (live != size_) return fail("size() does not match the table");
  return true;
}

}  // namespace mcurl
