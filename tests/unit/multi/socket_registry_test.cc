// Tests for src/multi/socket_registry.h.
#include "multi/socket_registry.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace mcurl {
namespace {

void expect_valid(const SocketRegistry& r) {
  std::string why;
  ASSERT_TRUE(r.validate(&why)) << why;
}

// What the engine does after a change on `fd`: ask, "call the callback", record. Returns
// the action announced (0: none) and appends it to `log` if there is one.
int announce(SocketRegistry& r, int fd, std::vector<std::pair<int, int>>* log = nullptr) {
  const int action = r.diff(fd);
  if (action != CURL_POLL_NONE) {
    if (log != nullptr) log->emplace_back(fd, action);
    EXPECT_TRUE(r.mark_announced(fd, action));
  }
  return action;
}

TEST(SocketRegistry, UnknownFds) {
  SocketRegistry r;
  EXPECT_EQ(r.find(3), nullptr);
  EXPECT_EQ(r.users(3), nullptr);
  EXPECT_EQ(r.diff(3), CURL_POLL_NONE);
  EXPECT_FALSE(r.remove_interest(1, 3));
  EXPECT_FALSE(r.mark_announced(3, CURL_POLL_IN));
  EXPECT_EQ(r.forget(3), CURL_POLL_NONE);
  EXPECT_FALSE(r.set_interest(1, -1, true, false));  // CURL_SOCKET_BAD
  EXPECT_FALSE(r.set_interest(0, 3, true, false));   // id 0 is never a transfer
  EXPECT_EQ(r.find(-1), nullptr);
  EXPECT_TRUE(r.empty());
  expect_valid(r);
}

TEST(SocketRegistry, AssignOnUnknownFdFails) {
  SocketRegistry r;
  int cookie = 0;
  EXPECT_FALSE(r.assign(5, &cookie));  // → CURLM_BAD_SOCKET
  r.set_interest(1, 5, true, false);
  EXPECT_TRUE(r.assign(5, &cookie));
  EXPECT_EQ(r.find(5)->socketp, &cookie);
  EXPECT_TRUE(r.assign(5, nullptr));  // NULL clears; last call wins
  EXPECT_EQ(r.find(5)->socketp, nullptr);
  EXPECT_FALSE(r.assign(6, &cookie));
  expect_valid(r);
}

TEST(SocketRegistry, AnnouncesChangesNotStates) {
  SocketRegistry r;
  EXPECT_TRUE(r.set_interest(1, 7, true, false));
  expect_valid(r);
  EXPECT_EQ(announce(r, 7), CURL_POLL_IN);
  EXPECT_EQ(r.find(7)->announced, CURL_POLL_IN);
  EXPECT_EQ(announce(r, 7), CURL_POLL_NONE);  // never the same action twice
  EXPECT_FALSE(r.set_interest(1, 7, true, false));
  EXPECT_EQ(announce(r, 7), CURL_POLL_NONE);
  EXPECT_TRUE(r.set_interest(1, 7, false, true));
  EXPECT_EQ(announce(r, 7), CURL_POLL_OUT);
  EXPECT_TRUE(r.set_interest(1, 7, kPollInOut));
  EXPECT_EQ(announce(r, 7), CURL_POLL_INOUT);
  expect_valid(r);
}

TEST(SocketRegistry, UnionOfReadersAndWritersAcrossTwoUsers) {
  SocketRegistry r;
  EXPECT_TRUE(r.set_interest(1, 9, true, false));
  EXPECT_EQ(announce(r, 9), CURL_POLL_IN);
  EXPECT_TRUE(r.set_interest(2, 9, false, true));  // second user adds OUT
  expect_valid(r);
  const SocketEntry* e = r.find(9);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->users, 2u);
  EXPECT_EQ(e->readers, 1u);
  EXPECT_EQ(e->writers, 1u);
  EXPECT_EQ(e->user_ids.size(), 2u);
  EXPECT_EQ(e->user_ids.first(), 1u);
  EXPECT_EQ(e->user_ids.wants_of(2), kPollOut);
  EXPECT_EQ(announce(r, 9), CURL_POLL_INOUT);
  EXPECT_TRUE(r.set_interest(2, 9, true, false));   // both read now: nobody writes
  EXPECT_FALSE(r.set_interest(2, 9, true, false));  // the same again: no change
  EXPECT_EQ(r.find(9)->readers, 2u);
  EXPECT_EQ(announce(r, 9), CURL_POLL_IN);
  // The union does not change while another user still wants the same.
  EXPECT_FALSE(r.remove_interest(1, 9));  // 2 still reads
  EXPECT_EQ(announce(r, 9), CURL_POLL_NONE);
  EXPECT_EQ(r.find(9)->users, 1u);
  EXPECT_EQ(r.find(9)->user_ids.first(), 2u);
  expect_valid(r);
  // The last user leaves: exactly one REMOVE.
  EXPECT_TRUE(r.remove_interest(2, 9));
  ASSERT_NE(r.find(9), nullptr);  // kept until the REMOVE is told
  expect_valid(r);
  EXPECT_EQ(announce(r, 9), CURL_POLL_REMOVE);
  EXPECT_EQ(r.find(9), nullptr);
  EXPECT_EQ(announce(r, 9), CURL_POLL_NONE);
  expect_valid(r);
}

TEST(SocketRegistry, UsersIteration) {
  SocketRegistry r;
  for (std::uint32_t id = 1; id <= 5; ++id) r.set_interest(id, 4, id % 2 == 1, id % 2 == 0);
  const SocketUsers* users = r.users(4);
  ASSERT_NE(users, nullptr);
  std::vector<std::uint32_t> ids;
  users->append_ids(ids);
  EXPECT_EQ(ids, (std::vector<std::uint32_t>{1, 2, 3, 4, 5}));
  int readers = 0;
  users->for_each([&](std::uint32_t, PollWants w) { readers += (w & kPollIn) != 0; });
  EXPECT_EQ(readers, 3);
  // Removing the inline user keeps arrival order for the rest.
  r.remove_interest(1, 4);
  ids.clear();
  r.users(4)->append_ids(ids);
  EXPECT_EQ(ids, (std::vector<std::uint32_t>{2, 3, 4, 5}));
  EXPECT_FALSE(r.users(4)->contains(1));
  EXPECT_EQ(r.users(4)->wants_of(1), kPollNone);
  expect_valid(r);
}

TEST(SocketRegistry, NeverAnnouncedEntryIsErasedWithoutRemove) {
  SocketRegistry r;
  r.set_interest(1, 3, true, false);
  EXPECT_TRUE(r.remove_interest(1, 3));
  EXPECT_EQ(r.find(3), nullptr);
  EXPECT_EQ(r.diff(3), CURL_POLL_NONE);
  expect_valid(r);
}

TEST(SocketRegistry, RemoveIsExactlyOnce) {
  SocketRegistry r;
  std::vector<std::pair<int, int>> log;
  r.set_interest(1, 11, true, true);
  announce(r, 11, &log);
  r.remove_interest(1, 11);
  announce(r, 11, &log);
  announce(r, 11, &log);
  EXPECT_EQ(r.forget(11), CURL_POLL_NONE);  // already removed: no second REMOVE at close
  announce(r, 11, &log);
  EXPECT_EQ(log, (std::vector<std::pair<int, int>>{{11, CURL_POLL_INOUT}, {11, CURL_POLL_REMOVE}}));
  expect_valid(r);
}

TEST(SocketRegistry, SocketpIsForgottenAfterRemoveAndFdReuseStartsFresh) {
  SocketRegistry r;
  int cookie = 0;
  r.set_interest(1, 12, true, false);
  announce(r, 12);
  ASSERT_TRUE(r.assign(12, &cookie));
  r.remove_interest(1, 12);
  EXPECT_EQ(r.find(12)->socketp, &cookie);  // still there for the REMOVE callback
  EXPECT_TRUE(r.assign(12, &cookie));       // assign inside the REMOVE callback works
  EXPECT_EQ(announce(r, 12), CURL_POLL_REMOVE);
  EXPECT_FALSE(r.assign(12, &cookie));  // gone with the REMOVE
  // The same fd number again (a new socket, or the pooled one reused): fresh entry.
  EXPECT_TRUE(r.set_interest(2, 12, false, true));
  const SocketEntry* e = r.find(12);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->socketp, nullptr);
  EXPECT_EQ(e->announced, 0);
  EXPECT_EQ(e->users, 1u);
  EXPECT_FALSE(e->user_ids.contains(1));
  EXPECT_EQ(announce(r, 12), CURL_POLL_OUT);
  expect_valid(r);
}

TEST(SocketRegistry, ForgetBeforeCloseSendsRemoveOnce) {
  SocketRegistry r;
  int cookie = 0;
  r.set_interest(1, 20, true, false);
  r.set_interest(2, 20, true, false);
  announce(r, 20);
  r.assign(20, &cookie);
  EXPECT_EQ(r.forget(20), CURL_POLL_REMOVE);
  const SocketEntry* e = r.find(20);
  ASSERT_NE(e, nullptr);  // stays for the callback: socketp still readable
  EXPECT_EQ(e->socketp, &cookie);
  EXPECT_EQ(e->users, 0u);
  EXPECT_EQ(r.diff(20), CURL_POLL_REMOVE);
  expect_valid(r);
  EXPECT_TRUE(r.mark_announced(20, CURL_POLL_REMOVE));
  EXPECT_EQ(r.find(20), nullptr);
  EXPECT_EQ(r.forget(20), CURL_POLL_NONE);
  // The users' stale pollsets still name fd 20: removing them is harmless.
  EXPECT_FALSE(r.remove_interest(1, 20));
  EXPECT_FALSE(r.remove_interest(2, 20));
  expect_valid(r);
}

TEST(SocketRegistry, ForgetOfUnannouncedSocketTellsNothing) {
  SocketRegistry r;
  r.set_interest(1, 21, true, false);  // e.g. no socket callback installed
  EXPECT_EQ(r.forget(21), CURL_POLL_NONE);
  EXPECT_EQ(r.find(21), nullptr);
  expect_valid(r);
}

TEST(SocketRegistry, StaleUserOfAReusedFdNumberIsIgnored) {
  SocketRegistry r;
  r.set_interest(1, 30, true, false);
  announce(r, 30);
  EXPECT_EQ(r.forget(30), CURL_POLL_REMOVE);
  r.mark_announced(30, CURL_POLL_REMOVE);
  r.set_interest(2, 30, false, true);  // a new socket got number 30
  announce(r, 30);
  EXPECT_FALSE(r.remove_interest(1, 30));  // transfer 1's old pollset: not a user
  EXPECT_EQ(r.find(30)->users, 1u);
  EXPECT_EQ(r.diff(30), CURL_POLL_NONE);
  expect_valid(r);
}

TEST(SocketRegistry, NewUserBeforeTheRemoveCancelsIt) {
  SocketRegistry r;
  int cookie = 0;
  r.set_interest(1, 40, true, false);
  announce(r, 40);
  r.assign(40, &cookie);
  r.remove_interest(1, 40);               // would be REMOVE …
  r.set_interest(2, 40, true, false);     // … but another transfer took it over
  EXPECT_EQ(r.diff(40), CURL_POLL_NONE);  // the application was told IN and still is
  EXPECT_EQ(r.find(40)->socketp, &cookie);
  expect_valid(r);
}

TEST(SocketRegistry, MarkingRemoveWhileUsedReannouncesLater) {
  SocketRegistry r;
  int cookie = 0;
  r.set_interest(1, 41, true, false);
  announce(r, 41);
  r.assign(41, &cookie);
  EXPECT_TRUE(r.mark_announced(41, CURL_POLL_REMOVE));
  ASSERT_NE(r.find(41), nullptr);
  EXPECT_EQ(r.find(41)->socketp, nullptr);
  EXPECT_EQ(r.diff(41), CURL_POLL_IN);
  EXPECT_TRUE(r.mark_announced(41, CURL_POLL_NONE));  // no-op
  EXPECT_EQ(r.find(41)->announced, 0);
  expect_valid(r);
}

TEST(SocketRegistry, SetInterestWithoutWantsIsRemove) {
  SocketRegistry r;
  r.set_interest(1, 42, true, false);
  EXPECT_TRUE(r.set_interest(1, 42, false, false));
  EXPECT_EQ(r.find(42), nullptr);
  EXPECT_FALSE(r.set_interest(1, 42, kPollNone));
  expect_valid(r);
}

TEST(SocketRegistry, GrowsAndShrinksThroughManySockets) {
  SocketRegistry r;
  for (int fd = 0; fd < 5000; ++fd) {
    ASSERT_TRUE(r.set_interest(static_cast<std::uint32_t>(fd) + 1, fd, true, false));
  }
  expect_valid(r);
  EXPECT_EQ(r.size(), 5000u);
  std::vector<int> fds;
  r.append_fds(fds);
  std::sort(fds.begin(), fds.end());
  ASSERT_EQ(fds.size(), 5000u);
  EXPECT_EQ(fds.front(), 0);
  EXPECT_EQ(fds.back(), 4999);
  for (int fd = 0; fd < 5000; fd += 2) r.remove_interest(static_cast<std::uint32_t>(fd) + 1, fd);
  expect_valid(r);
  EXPECT_EQ(r.size(), 2500u);
  for (int fd = 1; fd < 5000; fd += 2) {
    ASSERT_NE(r.find(fd), nullptr) << fd;
    ASSERT_EQ(r.find(fd - 1), nullptr) << fd - 1;
  }
}

// Random operations against a reference model: fd → {id → wants} plus announced/socketp.
TEST(SocketRegistry, RandomAgainstReference) {
  struct RefEntry {
    std::map<std::uint32_t, PollWants> users;
    int announced = 0;
    void* socketp = nullptr;
  };
  auto ref_wants = [](const RefEntry& e) {
    PollWants w = kPollNone;
    for (const auto& [id, uw] : e.users) w |= uw;
    return w;
  };
  auto ref_diff = [&](const std::map<int, RefEntry>& ref, int fd) {
    auto it = ref.find(fd);
    if (it == ref.end()) return 0;
    const int w = ref_wants(it->second);
    if (w == 0) return it->second.announced != 0 ? CURL_POLL_REMOVE : 0;
    return w != it->second.announced ? w : 0;
  };
  static int cookies[8];
  for (unsigned seed = 1; seed <= 10; ++seed) {
    std::mt19937 rng(seed);
    SocketRegistry r;
    std::map<int, RefEntry> ref;
    for (int step = 0; step < 4000; ++step) {
      // A small fd range with many ids makes sharing and fd reuse frequent; a few large
      // fds exercise the hash.
      const int fd =
          (rng() % 8 == 0) ? 100000 + static_cast<int>(rng() % 4) : static_cast<int>(rng() % 24);
      const std::uint32_t id = 1 + rng() % 6;
      const unsigned op = rng() % 7;
      if (op <= 1) {  // set_interest
        const PollWants w = static_cast<PollWants>(rng() % 4);
        PollWants before = kPollNone;
        if (auto it = ref.find(fd); it != ref.end()) before = ref_wants(it->second);
        const bool changed = r.set_interest(id, fd, w);
        if (w == kPollNone) {
          if (auto it = ref.find(fd); it != ref.end()) {
            it->second.users.erase(id);
            if (it->second.users.empty() && it->second.announced == 0) ref.erase(it);
          }
        } else {
          ref[fd].users[id] = w;
        }
        PollWants after = kPollNone;
        if (auto it = ref.find(fd); it != ref.end()) after = ref_wants(it->second);
        ASSERT_EQ(changed, before != after) << "seed " << seed << " step " << step;
      } else if (op == 2) {  // remove_interest
        auto it = ref.find(fd);
        const bool is_user = it != ref.end() && it->second.users.count(id) != 0;
        const PollWants before = is_user ? ref_wants(it->second) : kPollNone;
        const bool changed = r.remove_interest(id, fd);
        if (is_user) {
          it->second.users.erase(id);
          const PollWants after = ref_wants(it->second);
          ASSERT_EQ(changed, before != after);
          if (it->second.users.empty() && it->second.announced == 0) ref.erase(it);
        } else {
          ASSERT_FALSE(changed);
        }
      } else if (op == 3) {  // announce
        const int want = ref_diff(ref, fd);
        ASSERT_EQ(r.diff(fd), want) << "seed " << seed << " step " << step;
        if (want != 0) {
          ASSERT_TRUE(r.mark_announced(fd, want));
          RefEntry& e = ref[fd];
          if (want == CURL_POLL_REMOVE) {
            if (e.users.empty()) {
              ref.erase(fd);
            } else {
              e.announced = 0;
              e.socketp = nullptr;
            }
          } else {
            e.announced = want;
          }
        }
      } else if (op == 4) {  // assign
        void* p = &cookies[rng() % 8];
        const bool known = ref.count(fd) != 0;
        ASSERT_EQ(r.assign(fd, p), known);
        if (known) ref[fd].socketp = p;
      } else if (op == 5) {  // forget (about to close), then the REMOVE callback
        auto it = ref.find(fd);
        const int want = (it != ref.end() && it->second.announced != 0) ? CURL_POLL_REMOVE : 0;
        ASSERT_EQ(r.forget(fd), want);
        if (want != 0) {
          ASSERT_EQ(r.find(fd)->socketp, it->second.socketp);
          ASSERT_TRUE(r.mark_announced(fd, CURL_POLL_REMOVE));
        }
        if (it != ref.end()) ref.erase(it);
      } else {  // lookups
        auto it = ref.find(fd);
        const SocketEntry* e = r.find(fd);
        ASSERT_EQ(e != nullptr, it != ref.end());
        if (e != nullptr) {
          ASSERT_EQ(e->announced, it->second.announced);
          ASSERT_EQ(e->socketp, it->second.socketp);
          ASSERT_EQ(e->users, it->second.users.size());
          ASSERT_EQ(e->wants(), ref_wants(it->second));
          for (const auto& [uid, uw] : it->second.users) ASSERT_EQ(e->user_ids.wants_of(uid), uw);
        }
      }
      ASSERT_EQ(r.size(), ref.size());
      std::string why;
      ASSERT_TRUE(r.validate(&why)) << why << " (seed " << seed << " step " << step << ")";
    }
  }
}

TEST(SocketRegistry, EventPathDoesNotAllocate) {
  SocketRegistry r;
  r.reserve(300);
  for (int fd = 0; fd < 256; ++fd)
    r.set_interest(static_cast<std::uint32_t>(fd) + 1, fd, true, false);
  for (int fd = 0; fd < 256; ++fd) announce(r, fd);
  const std::size_t before = mallinfo2().uordblks;
  int n = 0;
  for (int round = 0; round < 100; ++round) {
    for (int fd = 0; fd < 256; ++fd) {
      const std::uint32_t id = static_cast<std::uint32_t>(fd) + 1;
      r.set_interest(id, fd, round % 2 == 0, round % 2 == 1);  // flip IN/OUT
      n += r.find(fd) != nullptr;
      const int action = r.diff(fd);
      if (action != 0) r.mark_announced(fd, action);
      r.assign(fd, &n);
    }
    // Sockets closing and new ones with the same numbers, within the reserved room.
    for (int fd = 0; fd < 256; fd += 16) {
      if (r.forget(fd) == CURL_POLL_REMOVE) r.mark_announced(fd, CURL_POLL_REMOVE);
      r.set_interest(static_cast<std::uint32_t>(fd) + 1, fd, true, false);
    }
  }
  EXPECT_EQ(mallinfo2().uordblks, before);
  EXPECT_EQ(n, 100 * 256);
  expect_valid(r);
}

}  // namespace
}  // namespace mcurl
