// Tests for src/multi/pollset.h, alone and driving a SocketRegistry as the engine will.
#include "multi/pollset.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "multi/socket_registry.h"

namespace mcurl {
namespace {

std::vector<int> fds_of(const PollSet& s) {
  std::vector<int> fds;
  for (const PollEntry& e : s) fds.push_back(e.fd);
  return fds;
}

TEST(PollSet, AddMergesWantsPerFd) {
  PollSet s;
  EXPECT_TRUE(s.empty());
  EXPECT_TRUE(s.add(5, kPollIn));
  EXPECT_TRUE(s.add(5, kPollOut));
  EXPECT_EQ(s.size(), 1u);
  EXPECT_EQ(s.wants(5), kPollInOut);
  EXPECT_TRUE(s.add(6, kPollNone));  // nothing to add
  EXPECT_TRUE(s.add(-1, kPollIn));   // CURL_SOCKET_BAD is never waited on
  EXPECT_FALSE(s.contains(6));
  EXPECT_FALSE(s.contains(-1));
  EXPECT_EQ(s.wants(7), kPollNone);
  EXPECT_TRUE(s.add(8, 0xff));  // stray bits are dropped
  EXPECT_EQ(s.wants(8), kPollInOut);
}

TEST(PollSet, CapacityIsFive) {
  PollSet s;
  for (int fd = 10; fd < 15; ++fd) EXPECT_TRUE(s.add(fd, kPollIn));
  EXPECT_EQ(s.size(), PollSet::kCapacity);
  EXPECT_FALSE(s.add(15, kPollIn));
  EXPECT_FALSE(s.set(15, kPollOut));
  EXPECT_FALSE(s.contains(15));
  EXPECT_TRUE(s.add(12, kPollOut));  // an existing fd still merges when full
  EXPECT_EQ(s.wants(12), kPollInOut);
  s.clear();
  EXPECT_TRUE(s.empty());
}

TEST(PollSet, SetReplacesAndNoneRemoves) {
  PollSet s;
  s.add(1, kPollIn);
  s.add(2, kPollIn);
  s.add(3, kPollIn);
  EXPECT_TRUE(s.set(2, kPollOut));
  EXPECT_EQ(s.wants(2), kPollOut);
  EXPECT_TRUE(s.set(1, kPollNone));
  EXPECT_EQ(fds_of(s), (std::vector<int>{2, 3}));  // order kept
  EXPECT_TRUE(s.remove(3));
  EXPECT_FALSE(s.remove(3));
  EXPECT_EQ(fds_of(s), std::vector<int>{2});
}

TEST(PollSet, EqualityIgnoresOrder) {
  PollSet a, b;
  a.add(1, kPollIn);
  a.add(2, kPollOut);
  b.add(2, kPollOut);
  b.add(1, kPollIn);
  EXPECT_TRUE(a == b);
  b.set(1, kPollInOut);
  EXPECT_FALSE(a == b);
  b.remove(1);
  EXPECT_FALSE(a == b);
}

TEST(PollDiff, ClassifiesAddedChangedRemoved) {
  PollSet prev, cur;
  prev.add(1, kPollIn);   // unchanged
  prev.add(2, kPollIn);   // changed to OUT
  prev.add(3, kPollOut);  // removed
  cur.add(4, kPollIn);    // added
  cur.add(2, kPollOut);
  cur.add(1, kPollIn);
  const PollDiff d = diff(prev, cur);
  ASSERT_EQ(d.size(), 3u);
  // cur's order first (added/changed), then prev's removals.
  EXPECT_EQ(d[0].fd, 4);
  EXPECT_EQ(d[0].kind(), PollChange::Kind::Added);
  EXPECT_EQ(d[0].before, kPollNone);
  EXPECT_EQ(d[0].after, kPollIn);
  EXPECT_EQ(d[1].fd, 2);
  EXPECT_EQ(d[1].kind(), PollChange::Kind::Changed);
  EXPECT_EQ(d[1].before, kPollIn);
  EXPECT_EQ(d[1].after, kPollOut);
  EXPECT_EQ(d[2].fd, 3);
  EXPECT_EQ(d[2].kind(), PollChange::Kind::Removed);
  EXPECT_EQ(d[2].after, kPollNone);
  EXPECT_TRUE(diff(cur, cur).empty());
  EXPECT_TRUE(diff(PollSet{}, PollSet{}).empty());
}

TEST(PollDiff, FullTurnoverFitsInline) {
  PollSet prev, cur;
  for (int fd = 0; fd < 5; ++fd) prev.add(fd, kPollIn);
  for (int fd = 5; fd < 10; ++fd) cur.add(fd, kPollOut);
  const PollDiff d = diff(prev, cur);
  EXPECT_EQ(d.size(), PollDiff::kCapacity);
  int added = 0, removed = 0;
  for (const PollChange& c : d) {
    added += c.kind() == PollChange::Kind::Added;
    removed += c.kind() == PollChange::Kind::Removed;
  }
  EXPECT_EQ(added, 5);
  EXPECT_EQ(removed, 5);
}

// Random pollsets: applying the diff to `prev` must give `cur`.
TEST(PollDiff, RandomDiffTurnsPrevIntoCur) {
  std::mt19937 rng(99);
  for (int round = 0; round < 2000; ++round) {
    PollSet prev, cur;
    for (int i = 0; i < 5; ++i) {
      prev.add(static_cast<int>(rng() % 8), static_cast<PollWants>(rng() % 4));
      cur.add(static_cast<int>(rng() % 8), static_cast<PollWants>(rng() % 4));
    }
    PollSet applied = prev;
    const PollDiff d = diff(prev, cur);
    for (const PollChange& c : d) {
      ASSERT_EQ(prev.wants(c.fd), c.before);
      ASSERT_EQ(cur.wants(c.fd), c.after);
      ASSERT_NE(c.before, c.after);
    }
    // Removals first: `applied` has the same five-entry limit as the sets.
    for (const PollChange& c : d) {
      if (c.kind() == PollChange::Kind::Removed) {
        ASSERT_TRUE(applied.remove(c.fd));
      }
    }
    for (const PollChange& c : d) {
      if (c.kind() != PollChange::Kind::Removed) {
        ASSERT_TRUE(applied.set(c.fd, c.after));
      }
    }
    ASSERT_TRUE(applied == cur) << "round " << round;
  }
}

// The engine's loop: several transfers change their pollsets at random; the diffs go to a
// SocketRegistry and every touched fd is announced. The application's view (built only
// from the announcements) must always equal the union of the current pollsets, every
// REMOVE must follow an announcement, and no action may repeat.
TEST(PollDiff, DrivesTheRegistryLikeTheEngine) {
  std::mt19937 rng(2024);
  constexpr std::uint32_t kTransfers = 6;
  std::vector<PollSet> prev(kTransfers + 1);
  SocketRegistry reg;
  std::map<int, int> app;  // fd → last action told (what the application monitors)
  for (int step = 0; step < 5000; ++step) {
    const std::uint32_t id = 1 + rng() % kTransfers;
    PollSet cur;
    const unsigned n = rng() % 4;
    for (unsigned i = 0; i < n; ++i) {
      cur.add(static_cast<int>(rng() % 10), static_cast<PollWants>(1 + rng() % 3));
    }
    std::vector<int> touched;
    for (const PollChange& c : diff(prev[id], cur)) {
      if (c.after == kPollNone) {
        reg.remove_interest(id, c.fd);
      } else {
        reg.set_interest(id, c.fd, c.after);
      }
      touched.push_back(c.fd);
    }
    prev[id] = cur;
    for (int fd : touched) {
      const int action = reg.diff(fd);
      if (action == CURL_POLL_NONE) continue;
      auto it = app.find(fd);
      if (action == CURL_POLL_REMOVE) {
        ASSERT_NE(it, app.end()) << "REMOVE for a socket never announced";
        app.erase(it);
      } else {
        ASSERT_TRUE(it == app.end() || it->second != action) << "same action twice";
        app[fd] = action;
      }
      reg.mark_announced(fd, action);
    }
    std::string why;
    ASSERT_TRUE(reg.validate(&why)) << why;
    std::map<int, int> want;
    for (std::uint32_t t = 1; t <= kTransfers; ++t) {
      for (const PollEntry& e : prev[t]) want[e.fd] |= e.wants;
    }
    ASSERT_EQ(app, want) << "step " << step;
  }
}

}  // namespace
}  // namespace mcurl
