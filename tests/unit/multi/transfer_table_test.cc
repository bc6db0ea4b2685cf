// Tests for src/multi/transfer_table.h.
#include "multi/transfer_table.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <deque>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace mcurl {
namespace {

struct Item {
  int value = 0;
};

void expect_valid(const TransferTableBase& t) {
  std::string why;
  ASSERT_TRUE(t.validate(&why)) << why;
}

TEST(TransferTable, AddGetRemove) {
  TransferTable<Item> t;
  Item a{1}, b{2};
  EXPECT_EQ(t.get(0), nullptr);
  EXPECT_EQ(t.get(12345), nullptr);
  const std::uint32_t ia = t.add(&a);
  const std::uint32_t ib = t.add(&b);
  EXPECT_NE(ia, TransferTableBase::kNoId);
  EXPECT_NE(ib, TransferTableBase::kNoId);
  EXPECT_NE(ia, ib);
  EXPECT_EQ(t.get(ia), &a);
  EXPECT_EQ(t.get(ib), &b);
  EXPECT_EQ(t.size(), 2u);
  expect_valid(t);
  EXPECT_TRUE(t.remove(ia));
  EXPECT_FALSE(t.remove(ia));  // stale
  EXPECT_EQ(t.get(ia), nullptr);
  EXPECT_FALSE(t.contains(ia));
  EXPECT_TRUE(t.contains(ib));
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.add(nullptr), TransferTableBase::kNoId);
  EXPECT_EQ(t.size(), 1u);
  expect_valid(t);
}

TEST(TransferTable, IdsAreNotReusedImmediately) {
  TransferTable<Item> t;
  Item a;
  // A table of one entry, added and removed over and over (curl_easy_perform's private
  // multi): every id differs from the previous ones for a full generation cycle.
  std::set<std::uint32_t> seen;
  const std::uint32_t cycle = 1u << TransferTableBase::kGenerationBits;
  for (std::uint32_t i = 0; i < cycle; ++i) {
    const std::uint32_t id = t.add(&a);
    ASSERT_TRUE(seen.insert(id).second) << "id " << id << " reused after " << i;
    ASSERT_TRUE(t.remove(id));
  }
  // The freed slots are taken in FIFO order, so with several free slots a just-freed id's
  // slot waits behind the others.
  Item b, c, d;
  const std::uint32_t ib = t.add(&b);
  const std::uint32_t ic = t.add(&c);
  t.remove(ib);
  t.remove(ic);
  const std::uint32_t id = t.add(&d);
  EXPECT_NE(id & TransferTableBase::kIndexMask, ic & TransferTableBase::kIndexMask);
  EXPECT_EQ(t.get(ib), nullptr);
  EXPECT_EQ(t.get(ic), nullptr);
  expect_valid(t);
}

TEST(TransferTable, ForEachVisitsLiveEntriesAndToleratesRemoval) {
  TransferTable<Item> t;
  std::vector<Item> items(10);
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 10; ++i) {
    items[i].value = i;
    ids.push_back(t.add(&items[i]));
  }
  t.remove(ids[3]);
  int sum = 0;
  std::vector<std::uint32_t> visited;
  t.for_each([&](std::uint32_t id, Item* p) {
    visited.push_back(id);
    sum += p->value;
    if (p->value == 4) t.remove(ids[5]);  // removal during the scan: 5 is skipped
  });
  EXPECT_EQ(sum, 45 - 3 - 5);
  EXPECT_EQ(visited.size(), 8u);
  std::vector<std::uint32_t> collected;
  t.append_ids(collected);
  EXPECT_EQ(collected.size(), 8u);
  EXPECT_EQ(collected, visited);
  expect_valid(t);
}

TEST(TransferTable, RandomAgainstReference) {
  std::mt19937 rng(5);
  TransferTable<Item> t;
  std::vector<Item> items(64);
  std::map<std::uint32_t, Item*> ref;
  std::vector<std::uint32_t> dead;
  for (int step = 0; step < 20000; ++step) {
    if (rng() % 2 == 0 && ref.size() < 50) {
      Item* p = &items[rng() % items.size()];
      const std::uint32_t id = t.add(p);
      ASSERT_NE(id, 0u);
      ASSERT_EQ(ref.count(id), 0u) << "live id handed out twice";
      ref[id] = p;
    } else if (!ref.empty()) {
      auto it = ref.begin();
      std::advance(it, static_cast<long>(rng() % ref.size()));
      ASSERT_TRUE(t.remove(it->first));
      dead.push_back(it->first);
      ref.erase(it);
    }
    if (!dead.empty()) {
      const std::uint32_t id = dead[rng() % dead.size()];
      if (ref.count(id) == 0) {
        ASSERT_EQ(t.get(id), nullptr);
      }
    }
    for (const auto& [id, p] : ref) ASSERT_EQ(t.get(id), p);
    ASSERT_EQ(t.size(), ref.size());
    std::string why;
    ASSERT_TRUE(t.validate(&why)) << why << " step " << step;
  }
}

TEST(TransferTable, ReservedTableDoesNotAllocate) {
  TransferTable<Item> t;
  t.reserve(100);
  Item a;
  const std::size_t before = mallinfo2().uordblks;
  std::uint32_t ids[100];
  for (int round = 0; round < 50; ++round) {
    for (std::uint32_t& id : ids) id = t.add(&a);
    for (std::uint32_t id : ids) {
      if (t.get(id) != &a) ADD_FAILURE() << "lookup failed";
      t.remove(id);
    }
  }
  EXPECT_EQ(mallinfo2().uordblks, before);
  EXPECT_TRUE(t.empty());
}

}  // namespace
}  // namespace mcurl
