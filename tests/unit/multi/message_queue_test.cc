// Tests for src/multi/message_queue.h.
#include "multi/message_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <random>

namespace mcurl {
namespace {

TEST(MessageQueue, FifoOrder) {
  MessageQueue q;
  std::array<MessageNode, 3> n;
  for (std::uint32_t i = 0; i < n.size(); ++i) {
    n[i].set_id(i + 1);
    n[i].msg.msg = CURLMSG_DONE;
    n[i].msg.data.result = static_cast<CURLcode>(i);
    EXPECT_TRUE(q.push(n[i]));
  }
  EXPECT_EQ(q.size(), 3u);
  EXPECT_EQ(q.front(), &n[0]);
  EXPECT_EQ(q.pop(), &n[0]);
  EXPECT_FALSE(n[0].is_queued());
  EXPECT_EQ(q.pop()->id(), 2u);
  EXPECT_EQ(q.pop()->msg.data.result, static_cast<CURLcode>(2));
  EXPECT_EQ(q.pop(), nullptr);
  EXPECT_TRUE(q.empty());
}

TEST(MessageQueue, PushTwiceAndRemove) {
  MessageQueue q, other;
  MessageNode a(1), b(2), c(3);
  q.push(a);
  EXPECT_FALSE(q.push(a));
  EXPECT_FALSE(other.push(a));
  EXPECT_FALSE(other.remove(a));
  q.push(b);
  q.push(c);
  EXPECT_TRUE(q.remove(b));  // curl_multi_remove_handle of a handle with a pending message
  EXPECT_FALSE(q.remove(b));
  EXPECT_EQ(q.size(), 2u);
  EXPECT_EQ(q.pop(), &a);
  EXPECT_EQ(q.pop(), &c);
  EXPECT_TRUE(q.empty());
}

TEST(MessageQueue, DestructionUnlinks) {
  MessageQueue q;
  MessageNode keep(1);
  q.push(keep);
  {
    MessageNode gone(2);
    q.push(gone);
  }
  EXPECT_EQ(q.size(), 1u);
  EXPECT_EQ(q.pop(), &keep);
  auto outlives = std::make_unique<MessageNode>(3);
  {
    MessageQueue short_lived;
    short_lived.push(*outlives);
  }
  EXPECT_FALSE(outlives->is_queued());
}

TEST(MessageQueue, RandomAgainstDeque) {
  std::mt19937 rng(3);
  std::array<MessageNode, 16> nodes;
  MessageQueue q;
  std::deque<MessageNode*> ref;
  for (int step = 0; step < 10000; ++step) {
    MessageNode& n = nodes[rng() % nodes.size()];
    switch (rng() % 3) {
      case 0: {
        const bool queued = std::find(ref.begin(), ref.end(), &n) != ref.end();
        ASSERT_EQ(q.push(n), !queued);
        if (!queued) ref.push_back(&n);
        break;
      }
      case 1: {
        MessageNode* want = ref.empty() ? nullptr : ref.front();
        if (!ref.empty()) ref.pop_front();
        ASSERT_EQ(q.pop(), want);
        break;
      }
      default: {
        auto it = std::find(ref.begin(), ref.end(), &n);
        ASSERT_EQ(q.remove(n), it != ref.end());
        if (it != ref.end()) ref.erase(it);
      }
    }
    ASSERT_EQ(q.size(), ref.size());
    ASSERT_EQ(q.front(), ref.empty() ? nullptr : ref.front());
    for (MessageNode& x : nodes) {
      ASSERT_EQ(x.is_queued(), std::find(ref.begin(), ref.end(), &x) != ref.end());
    }
  }
}

}  // namespace
}  // namespace mcurl
