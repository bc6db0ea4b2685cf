// Tests for src/multi/timer_tree.h, src/multi/expire_set.h and src/util/clock.h.
#include "multi/timer_tree.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <array>
#include <climits>
#include <memory>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "multi/expire_set.h"
#include "multi/transfer_table.h"
#include "util/clock.h"

namespace mcurl {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;

const TimePoint kT0 = TimePoint{} + std::chrono::hours(1);

TimePoint at_ms(long ms) { return kT0 + milliseconds(ms); }

// Bytes malloc has handed out and not yet taken back (0 under ASan, which replaces
// malloc: the allocation checks then pass trivially, the rest still runs).
std::size_t heap_in_use() { return mallinfo2().uordblks; }

// The allocation checks below prove something only if heap_in_use() sees allocations.
TEST(TimerTree, HeapAccountingSeesAllocations) {
  const std::size_t before = heap_in_use();
  if (before == 0) GTEST_SKIP() << "malloc is not glibc's (sanitizer build)";
  auto block = std::make_unique<std::array<char, 4096>>();
  EXPECT_GE(heap_in_use(), before + 4096);
  block.reset();
  EXPECT_EQ(heap_in_use(), before);
}

void expect_valid(const TimerTree& tree) {
  std::string why;
  ASSERT_TRUE(tree.validate(&why)) << why;
}

std::vector<std::uint32_t> pop_all(TimerTree& tree, TimePoint now) {
  std::vector<std::uint32_t> ids;
  tree.pop_expired(now, ids);
  return ids;
}

TEST(TimerTree, EmptyTree) {
  TimerTree tree;
  EXPECT_TRUE(tree.empty());
  EXPECT_EQ(tree.size(), 0u);
  EXPECT_FALSE(tree.earliest().has_value());
  EXPECT_EQ(tree.earliest_id(), 0u);
  EXPECT_TRUE(pop_all(tree, kNever).empty());
  expect_valid(tree);
}

TEST(TimerTree, EarliestIsTheSmallestDeadline) {
  TimerTree tree;
  TimerNode a(1), b(2), c(3);
  ASSERT_TRUE(tree.insert(a, at_ms(30)));
  ASSERT_TRUE(tree.insert(b, at_ms(10)));
  ASSERT_TRUE(tree.insert(c, at_ms(20)));
  expect_valid(tree);
  EXPECT_EQ(tree.size(), 3u);
  EXPECT_EQ(tree.earliest(), at_ms(10));
  EXPECT_EQ(tree.earliest_id(), 2u);
  EXPECT_TRUE(a.is_scheduled());
  EXPECT_EQ(a.deadline(), at_ms(30));
  ASSERT_TRUE(tree.remove(b));
  EXPECT_EQ(tree.earliest(), at_ms(20));
  EXPECT_EQ(tree.earliest_id(), 3u);
  expect_valid(tree);
}

// curl unit1309's idea: equal keys come out in the order they went in.
TEST(TimerTree, EqualDeadlinesKeepFifoOrder) {
  TimerTree tree;
  std::vector<std::unique_ptr<TimerNode>> nodes;
  for (std::uint32_t id = 1; id <= 50; ++id) {
    nodes.push_back(std::make_unique<TimerNode>(id));
    // Interleave two deadlines so equal keys are not inserted back to back.
    ASSERT_TRUE(tree.insert(*nodes.back(), at_ms(id % 2 == 0 ? 5 : 7)));
    expect_valid(tree);
  }
  std::vector<std::uint32_t> got = pop_all(tree, at_ms(100));
  std::vector<std::uint32_t> want;
  for (std::uint32_t id = 2; id <= 50; id += 2) want.push_back(id);
  for (std::uint32_t id = 1; id <= 50; id += 2) want.push_back(id);
  EXPECT_EQ(got, want);
  EXPECT_TRUE(tree.empty());
  expect_valid(tree);
}

TEST(TimerTree, UpdateToTheSameDeadlineKeepsItsPlace) {
  TimerTree tree;
  TimerNode a(1), b(2), c(3);
  tree.insert(a, at_ms(5));
  tree.insert(b, at_ms(5));
  tree.insert(c, at_ms(5));
  EXPECT_TRUE(tree.update(a, at_ms(5)));  // unchanged: stays first
  expect_valid(tree);
  EXPECT_EQ(pop_all(tree, at_ms(5)), (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(TimerTree, UpdateToAnotherDeadlineGoesBehindEqualOnes) {
  TimerTree tree;
  TimerNode a(1), b(2), c(3);
  tree.insert(a, at_ms(5));
  tree.insert(b, at_ms(6));
  tree.insert(c, at_ms(6));
  EXPECT_TRUE(tree.update(a, at_ms(6)));
  expect_valid(tree);
  EXPECT_EQ(pop_all(tree, at_ms(6)), (std::vector<std::uint32_t>{2, 3, 1}));
  // update() of an unscheduled node inserts it.
  EXPECT_TRUE(tree.update(b, at_ms(1)));
  EXPECT_TRUE(b.is_scheduled());
  EXPECT_EQ(tree.earliest_id(), 2u);
  expect_valid(tree);
}

TEST(TimerTree, DoubleRemoveIsHarmless) {
  TimerTree tree;
  TimerNode a(1), b(2), never(3);
  tree.insert(a, at_ms(1));
  tree.insert(b, at_ms(2));
  EXPECT_TRUE(tree.remove(a));
  EXPECT_FALSE(tree.remove(a));
  EXPECT_FALSE(tree.remove(never));
  EXPECT_FALSE(a.is_scheduled());
  EXPECT_EQ(tree.size(), 1u);
  expect_valid(tree);
  EXPECT_EQ(pop_all(tree, at_ms(10)), std::vector<std::uint32_t>{2});
  EXPECT_FALSE(tree.remove(b));  // popped nodes are no longer scheduled
}

TEST(TimerTree, InsertOfAScheduledNodeIsRefused) {
  TimerTree tree, other;
  TimerNode a(1);
  ASSERT_TRUE(tree.insert(a, at_ms(1)));
  EXPECT_FALSE(tree.insert(a, at_ms(2)));
  EXPECT_EQ(a.deadline(), at_ms(1));
  // Another tree can neither take nor remove nor move it.
  EXPECT_FALSE(other.insert(a, at_ms(3)));
  EXPECT_FALSE(other.remove(a));
  EXPECT_FALSE(other.update(a, at_ms(3)));
  EXPECT_TRUE(other.empty());
  EXPECT_EQ(tree.size(), 1u);
  expect_valid(tree);
  expect_valid(other);
}

TEST(TimerTree, ExpiryIncludesDeadlineEqualToNow) {
  TimerTree tree;
  TimerNode a(1), b(2);
  tree.insert(a, at_ms(10));
  tree.insert(b, at_ms(10) + nanoseconds(1));
  EXPECT_TRUE(pop_all(tree, at_ms(10) - nanoseconds(1)).empty());
  EXPECT_EQ(pop_all(tree, at_ms(10)), std::vector<std::uint32_t>{1});
  EXPECT_EQ(tree.earliest(), at_ms(10) + nanoseconds(1));
  expect_valid(tree);
}

TEST(TimerTree, ExpiryOrderIsMonotonic) {
  std::mt19937 rng(1309);
  TimerTree tree;
  std::vector<std::unique_ptr<TimerNode>> nodes;
  for (std::uint32_t id = 1; id <= 2000; ++id) {
    nodes.push_back(std::make_unique<TimerNode>(id));
    tree.insert(*nodes.back(), at_ms(static_cast<long>(rng() % 500)));
  }
  expect_valid(tree);
  TimePoint last = TimePoint::min();
  std::size_t popped = 0;
  for (long now = 0; now < 600; now += 7) {
    std::vector<std::uint32_t> ids = pop_all(tree, at_ms(now));
    for (std::uint32_t id : ids) {
      const TimePoint d = nodes[id - 1]->deadline();
      EXPECT_LE(d, at_ms(now));
      EXPECT_GE(d, last) << "id " << id;
      last = d;
      EXPECT_FALSE(nodes[id - 1]->is_scheduled());
    }
    popped += ids.size();
    expect_valid(tree);
  }
  EXPECT_EQ(popped, nodes.size());
  EXPECT_TRUE(tree.empty());
}

TEST(TimerTree, PopIntoASpanLeavesTheRestScheduled) {
  TimerTree tree;
  std::array<TimerNode, 5> nodes;
  for (std::uint32_t i = 0; i < nodes.size(); ++i) {
    nodes[i].set_id(i + 1);
    tree.insert(nodes[i], at_ms(i));
  }
  std::array<std::uint32_t, 2> buf{};
  EXPECT_EQ(tree.pop_expired(at_ms(3), std::span<std::uint32_t>(buf)), 2u);
  EXPECT_EQ(buf, (std::array<std::uint32_t, 2>{1, 2}));
  EXPECT_EQ(tree.size(), 3u);
  EXPECT_EQ(tree.pop_expired(at_ms(3), std::span<std::uint32_t>(buf)), 2u);
  EXPECT_EQ(buf, (std::array<std::uint32_t, 2>{3, 4}));
  EXPECT_EQ(tree.pop_expired(at_ms(3), std::span<std::uint32_t>(buf)), 0u);
  EXPECT_EQ(tree.size(), 1u);
  EXPECT_EQ(tree.pop_expired(at_ms(9), std::span<std::uint32_t>()), 0u);  // no room
  EXPECT_EQ(tree.size(), 1u);
  expect_valid(tree);
}

TEST(TimerTree, DestroyingAScheduledNodeUnschedulesIt) {
  TimerTree tree;
  TimerNode keep(1);
  tree.insert(keep, at_ms(5));
  {
    TimerNode gone(2);
    tree.insert(gone, at_ms(1));
    EXPECT_EQ(tree.size(), 2u);
  }
  EXPECT_EQ(tree.size(), 1u);
  expect_valid(tree);
  EXPECT_EQ(pop_all(tree, at_ms(10)), std::vector<std::uint32_t>{1});
}

TEST(TimerTree, DestroyingTheTreeUnschedulesItsNodes) {
  std::array<TimerNode, 20> nodes;
  {
    TimerTree tree;
    for (std::size_t i = 0; i < nodes.size(); ++i) tree.insert(nodes[i], at_ms(i * 37 % 11));
    EXPECT_TRUE(nodes[3].is_scheduled());
  }
  for (const TimerNode& n : nodes) EXPECT_FALSE(n.is_scheduled());
  TimerTree again;  // the nodes are usable in another tree
  EXPECT_TRUE(again.insert(nodes[0], at_ms(1)));
  again.clear();
  EXPECT_FALSE(nodes[0].is_scheduled());
  EXPECT_TRUE(again.empty());
}

// A path-shaped tree (increasing inserts) must not overflow the stack in any operation.
TEST(TimerTree, LongPathsAreHandledIteratively) {
  constexpr std::uint32_t kN = 100000;
  std::vector<TimerNode> nodes(kN);
  TimerTree tree;
  for (std::uint32_t i = 0; i < kN; ++i) {
    nodes[i].set_id(i + 1);
    tree.insert(nodes[i], kT0 + microseconds(i));
  }
  expect_valid(tree);
  EXPECT_EQ(tree.earliest_id(), 1u);
  std::vector<std::uint32_t> ids = pop_all(tree, kT0 + microseconds(kN / 2 - 1));
  ASSERT_EQ(ids.size(), kN / 2);
  EXPECT_EQ(ids.front(), 1u);
  EXPECT_EQ(ids.back(), kN / 2);
  expect_valid(tree);
  tree.clear();
  EXPECT_FALSE(nodes[kN - 1].is_scheduled());
}

// Random operations against a reference: std::set ordered by (deadline, arrival).
TEST(TimerTree, RandomAgainstReference) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    constexpr std::uint32_t kNodes = 64;
    std::vector<std::unique_ptr<TimerNode>> nodes;
    for (std::uint32_t id = 1; id <= kNodes; ++id) nodes.push_back(std::make_unique<TimerNode>(id));
    TimerTree tree;
    using Ref = std::tuple<TimePoint, std::uint64_t, std::uint32_t>;
    std::set<Ref> ref;
    std::vector<std::set<Ref>::iterator> where(kNodes + 1, ref.end());
    std::uint64_t arrival = 0;
    long now = 0;
    for (int step = 0; step < 3000; ++step) {
      const std::uint32_t id = 1 + rng() % kNodes;
      TimerNode& n = *nodes[id - 1];
      const TimePoint d = at_ms(now + static_cast<long>(rng() % 40));  // many equal keys
      switch (rng() % 6) {
        case 0:
        case 1: {  // insert
          const bool was = where[id] != ref.end();
          ASSERT_EQ(tree.insert(n, d), !was);
          if (!was) where[id] = ref.insert(Ref{d, ++arrival, id}).first;
          break;
        }
        case 2: {  // remove
          const bool was = where[id] != ref.end();
          ASSERT_EQ(tree.remove(n), was);
          if (was) {
            ref.erase(where[id]);
            where[id] = ref.end();
          }
          break;
        }
        case 3: {  // update
          ASSERT_TRUE(tree.update(n, d));
          if (where[id] != ref.end() && std::get<0>(*where[id]) == d) break;  // keeps place
          if (where[id] != ref.end()) ref.erase(where[id]);
          where[id] = ref.insert(Ref{d, ++arrival, id}).first;
          break;
        }
        case 4: {  // pop expired
          now += static_cast<long>(rng() % 10);
          std::vector<std::uint32_t> got = pop_all(tree, at_ms(now));
          std::vector<std::uint32_t> want;
          while (!ref.empty() && std::get<0>(*ref.begin()) <= at_ms(now)) {
            want.push_back(std::get<2>(*ref.begin()));
            where[std::get<2>(*ref.begin())] = ref.end();
            ref.erase(ref.begin());
          }
          ASSERT_EQ(got, want) << "seed " << seed << " step " << step;
          break;
        }
        default: {  // earliest
          if (ref.empty()) {
            ASSERT_FALSE(tree.earliest().has_value());
          } else {
            ASSERT_EQ(tree.earliest(), std::get<0>(*ref.begin()));
            ASSERT_EQ(tree.earliest_id(), std::get<2>(*ref.begin()));
          }
          break;
        }
      }
      ASSERT_EQ(tree.size(), ref.size());
      std::string why;
      ASSERT_TRUE(tree.validate(&why)) << why << " (seed " << seed << " step " << step << ")";
    }
  }
}

// The engine's two-phase dispatch: ids are collected first; running one transfer may
// remove another one that was collected, which the engine then skips after looking the
// id up again. Nodes re-armed during the run wait for the next round.
TEST(TimerTree, IdsRemovedBetweenCollectAndRun) {
  struct FakeTransfer {
    TimerNode node;
    int runs = 0;
  };
  TransferTable<FakeTransfer> table;
  TimerTree tree;
  std::array<FakeTransfer, 4> t;
  for (FakeTransfer& x : t) {
    x.node.set_id(table.add(&x));
    tree.insert(x.node, at_ms(1));
  }
  std::vector<std::uint32_t> due = pop_all(tree, at_ms(1));
  ASSERT_EQ(due.size(), 4u);
  EXPECT_TRUE(tree.empty());
  for (std::uint32_t id : due) {
    FakeTransfer* x = table.get(id);
    if (x == nullptr) continue;  // removed meanwhile
    ++x->runs;
    if (x == &t[0]) {
      // Running the first transfer removes the third (curl_multi_remove_handle from a
      // callback) and re-arms itself for "now".
      table.remove(t[2].node.id());
      EXPECT_FALSE(tree.remove(t[2].node));  // already popped: harmless
      tree.update(t[0].node, at_ms(1));
    }
    ASSERT_TRUE(tree.validate());
  }
  EXPECT_EQ(t[0].runs, 1);  // re-armed, but not run twice in one round
  EXPECT_EQ(t[1].runs, 1);
  EXPECT_EQ(t[2].runs, 0);
  EXPECT_EQ(t[3].runs, 1);
  EXPECT_EQ(pop_all(tree, at_ms(1)), std::vector<std::uint32_t>{t[0].node.id()});
}

TEST(TimerTree, HotPathDoesNotAllocate) {
  constexpr std::size_t kN = 1000;
  std::vector<TimerNode> nodes(kN);
  TimerTree tree;
  std::vector<std::uint32_t> out;
  out.reserve(kN);
  std::mt19937 rng(7);
  std::array<std::uint32_t, 16> buf{};
  const std::size_t before = heap_in_use();
  for (int round = 0; round < 50; ++round) {
    for (std::size_t i = 0; i < kN; ++i) tree.update(nodes[i], at_ms(rng() % 1000));
    for (std::size_t i = 0; i < kN; i += 3) tree.remove(nodes[i]);
    (void)tree.earliest();
    tree.pop_expired(at_ms(500), std::span<std::uint32_t>(buf));
    out.clear();
    tree.pop_expired(at_ms(800), out);
  }
  tree.clear();
  EXPECT_EQ(heap_in_use(), before);
}

// --- ExpireSet ----------------------------------------------------------------------

TEST(ExpireSet, NamesMatchTheEnum) {
  EXPECT_EQ(kExpireKindCount, 9u);
  EXPECT_EQ(expire_kind_name(ExpireKind::RunNow), "RunNow");
  EXPECT_EQ(expire_kind_name(ExpireKind::Timeout), "Timeout");
  EXPECT_EQ(expire_kind_name(ExpireKind::RetryAfter), "RetryAfter");
  EXPECT_EQ(expire_kind_name(ExpireKind::kCount), "?");
  for (std::string_view name : kExpireKindNames) EXPECT_FALSE(name.empty());
}

TEST(ExpireSet, SetReplacesAndClearDisarms) {
  ExpireSet s;
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.earliest().has_value());
  s.set(ExpireKind::Timeout, at_ms(100));
  s.set(ExpireKind::Connect, at_ms(50));
  EXPECT_EQ(s.earliest(), at_ms(50));
  s.set(ExpireKind::Connect, at_ms(150));  // replaces
  EXPECT_EQ(s.earliest(), at_ms(100));
  EXPECT_EQ(s.get(ExpireKind::Connect), at_ms(150));
  s.clear(ExpireKind::Timeout);
  s.clear(ExpireKind::Timeout);  // harmless twice
  EXPECT_FALSE(s.get(ExpireKind::Timeout).has_value());
  EXPECT_EQ(s.earliest(), at_ms(150));
  EXPECT_EQ(s.armed(), expire_bit(ExpireKind::Connect));
  s.set(ExpireKind::kCount, at_ms(1));  // ignored
  EXPECT_EQ(s.armed(), expire_bit(ExpireKind::Connect));
  s.clear_all();
  EXPECT_TRUE(s.empty());
}

TEST(ExpireSet, PopExpiredReturnsTheDueKinds) {
  ExpireSet s;
  s.set(ExpireKind::RunNow, at_ms(0));
  s.set(ExpireKind::LowSpeed, at_ms(10));
  s.set(ExpireKind::Expect100, at_ms(10));
  s.set(ExpireKind::Timeout, at_ms(20));
  EXPECT_EQ(s.pop_expired(at_ms(-1)), 0u);
  EXPECT_EQ(s.pop_expired(at_ms(10)), expire_bit(ExpireKind::RunNow) |
                                          expire_bit(ExpireKind::LowSpeed) |
                                          expire_bit(ExpireKind::Expect100));
  EXPECT_EQ(s.pop_expired(at_ms(10)), 0u);  // popped kinds are disarmed
  EXPECT_EQ(s.earliest(), at_ms(20));
  EXPECT_EQ(s.pop_expired(at_ms(1000)), expire_bit(ExpireKind::Timeout));
  EXPECT_TRUE(s.empty());
}

TEST(ExpireSet, RandomAgainstReference) {
  std::mt19937 rng(42);
  ExpireSet s;
  std::array<std::optional<TimePoint>, kExpireKindCount> ref{};
  for (int step = 0; step < 5000; ++step) {
    const auto k = static_cast<ExpireKind>(rng() % kExpireKindCount);
    const TimePoint t = at_ms(rng() % 100);
    switch (rng() % 3) {
      case 0:
        s.set(k, t);
        ref[static_cast<std::size_t>(k)] = t;
        break;
      case 1:
        s.clear(k);
        ref[static_cast<std::size_t>(k)].reset();
        break;
      default: {
        ExpireMask want = 0;
        for (std::size_t i = 0; i < kExpireKindCount; ++i) {
          if (ref[i] && *ref[i] <= t) {
            want |= ExpireMask{1} << i;
            ref[i].reset();
          }
        }
        ASSERT_EQ(s.pop_expired(t), want);
      }
    }
    std::optional<TimePoint> best;
    for (const auto& r : ref) {
      if (r && (!best || *r < *best)) best = r;
    }
    ASSERT_EQ(s.earliest(), best);
  }
}

// How the engine combines the two: one node per transfer, keyed by the earliest reason.
TEST(ExpireSet, DrivesOneTimerNodePerTransfer) {
  TimerTree tree;
  TimerNode node(7);
  ExpireSet s;
  s.set(ExpireKind::Timeout, at_ms(300));
  s.set(ExpireKind::Connect, at_ms(100));
  tree.reschedule(node, s.earliest());
  EXPECT_EQ(tree.earliest(), at_ms(100));
  EXPECT_EQ(pop_all(tree, at_ms(100)), std::vector<std::uint32_t>{7});
  EXPECT_EQ(s.pop_expired(at_ms(100)), expire_bit(ExpireKind::Connect));
  tree.reschedule(node, s.earliest());
  EXPECT_EQ(tree.earliest(), at_ms(300));
  s.clear_all();
  tree.reschedule(node, s.earliest());
  EXPECT_TRUE(tree.empty());
  EXPECT_FALSE(node.is_scheduled());
}

// --- clock.h ------------------------------------------------------------------------

TEST(Clock, FakeClockMovesOnlyWhenTold) {
  FakeClock c;
  const TimePoint t = c.now();
  EXPECT_EQ(c.now(), t);
  c.advance(milliseconds(5));
  EXPECT_EQ(c.now(), t + milliseconds(5));
  c.set(kT0);
  const Clock& as_clock = c;
  EXPECT_EQ(as_clock.now(), kT0);
  const Clock& real = steady_clock();
  const TimePoint a = real.now();
  EXPECT_GE(real.now(), a);
}

TEST(Clock, TimeoutMsUntilRoundsLikeLibcurl) {
  EXPECT_EQ(timeout_ms_until(kT0, kT0), 0);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 - milliseconds(3)), 0);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 + nanoseconds(1)), 1);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 + microseconds(999)), 1);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 + microseconds(1999)), 1);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 + microseconds(2000)), 2);
  EXPECT_EQ(timeout_ms_until(kT0, kT0 + std::chrono::seconds(30)), 30000);
  EXPECT_GT(timeout_ms_until(kT0, kNever), 1000L * 3600 * 24 * 365 * 200);  // no overflow
}

TEST(Clock, AfterMsSaturates) {
  EXPECT_EQ(after_ms(kT0, 0), kT0);
  EXPECT_EQ(after_ms(kT0, -5), kT0);
  EXPECT_EQ(after_ms(kT0, 250), kT0 + milliseconds(250));
  EXPECT_EQ(after_ms(kT0, LONG_MAX), kNever);
  EXPECT_EQ(after_ms(kNever - milliseconds(1), 2), kNever);
}

}  // namespace
}  // namespace mcurl
