// TimerTree: a top-down splay tree keyed by (deadline, sequence). See timer_tree.h.
#include "multi/timer_tree.h"

#include <utility>

#include "util/debug.h"

namespace mcurl {

namespace {

// The key below every real key: sequence numbers start at 1.
constexpr std::uint64_t kBelowAllSeq = 0;

}  // namespace

// Top-down splay (Sleator and Tarjan 1985): walks from the root towards `k`, rotating on
// zig-zig steps and peeling nodes off into a left tree (keys < k) and a right tree
// (keys > k), then reassembles with the last node reached as the new root. If `k` is in
// the tree it ends at the root; otherwise the root is its in-order neighbour. Keys are
// unique (the sequence number), so equal keys only meet when `k` is that node's key.
// Tests: tests/unit/multi/timer_tree_test.cc (RandomAgainstReference).
TimerNode* TimerTree::splay(TimerNode* t, const Key& k) noexcept {
  if (t == nullptr) return nullptr;
  TimerNode* left_tree = nullptr;   // nodes with keys < k, hung on left_max's right
  TimerNode* right_tree = nullptr;  // nodes with keys > k, hung on right_min's left
  TimerNode** left_hook = &left_tree;
  TimerNode** right_hook = &right_tree;
  for (;;) {
    if (less(k, key_of(t))) {
      if (t->left_ == nullptr) break;
      if (less(k, key_of(t->left_))) {  // zig-zig: rotate right first
        TimerNode* y = t->left_;
        t->left_ = y->right_;
        y->right_ = t;
        t = y;
        if (t->left_ == nullptr) break;
      }
      *right_hook = t;  // t and its right subtree are all > k
      right_hook = &t->left_;
      t = t->left_;
    } else if (less(key_of(t), k)) {
      if (t->right_ == nullptr) break;
      if (less(key_of(t->right_), k)) {  // zag-zag: rotate left first
        TimerNode* y = t->right_;
        t->right_ = y->left_;
        y->left_ = t;
        t = y;
        if (t->right_ == nullptr) break;
      }
      *left_hook = t;  // t and its left subtree are all < k
      left_hook = &t->right_;
      t = t->right_;
    } else {
      break;
    }
  }
  *left_hook = t->left_;
  *right_hook = t->right_;
  t->left_ = left_tree;
  t->right_ = right_tree;
  return t;
}

bool TimerTree::insert(TimerNode& node, TimePoint deadline) noexcept {
  if (node.tree_ != nullptr) return false;
  node.deadline_ = deadline;
  node.seq_ = next_seq_++;
  node.tree_ = this;
  if (root_ == nullptr) {
    node.left_ = node.right_ = nullptr;
  } else {
    // The new key is the largest among equal deadlines, so it is unique: the splayed root
    // is either its predecessor or its successor.
    TimerNode* r = splay(root_, key_of(&node));
    if (less(key_of(&node), key_of(r))) {
      node.left_ = r->left_;
      node.right_ = r;
      r->left_ = nullptr;
    } else {
      node.right_ = r->right_;
      node.left_ = r;
      r->right_ = nullptr;
    }
  }
  root_ = &node;
  ++size_;
  return true;
}

void TimerTree::unlink(TimerNode& node) noexcept {
  if (node.left_ == nullptr) {
    root_ = node.right_;
  } else {
    // Splaying the left subtree for node's key brings its maximum up; that maximum has no
    // right child, so the right subtree hangs there.
    TimerNode* l = splay(node.left_, key_of(&node));
    l->right_ = node.right_;
    root_ = l;
  }
  node.left_ = node.right_ = nullptr;
  node.tree_ = nullptr;
  --size_;
}

bool TimerTree::remove(TimerNode& node) noexcept {
  if (node.tree_ != this) return false;
  root_ = splay(root_, key_of(&node));
  if (root_ != &node) {
    MCURL_DEBUG_FAIL("TimerTree: scheduled node not found by its key");
    return false;
  }
  unlink(node);
  return true;
}

bool TimerTree::update(TimerNode& node, TimePoint deadline) noexcept {
  if (node.tree_ == this) {
    if (node.deadline_ == deadline) return true;  // keep its FIFO place
    remove(node);
  } else if (node.tree_ != nullptr) {
    return false;
  }
  return insert(node, deadline);
}

std::optional<TimePoint> TimerTree::earliest() const noexcept {
  if (root_ == nullptr) return std::nullopt;
  root_ = splay(root_, Key{TimePoint::min(), kBelowAllSeq});
  return root_->deadline_;
}

std::uint32_t TimerTree::earliest_id() const noexcept {
  if (root_ == nullptr) return 0;
  root_ = splay(root_, Key{TimePoint::min(), kBelowAllSeq});
  return root_->id_;
}

std::size_t TimerTree::pop_expired(TimePoint now, std::vector<std::uint32_t>& out) {
  std::size_t n = 0;
  while (root_ != nullptr) {
    root_ = splay(root_, Key{TimePoint::min(), kBelowAllSeq});
    if (root_->deadline_ > now) break;
    out.push_back(root_->id_);  // may throw: before anything changes for this node
    unlink(*root_);             // the minimum is the root and has no left child
    ++n;
  }
  return n;
}

std::size_t TimerTree::pop_expired(TimePoint now, std::span<std::uint32_t> out) noexcept {
  std::size_t n = 0;
  while (root_ != nullptr && n < out.size()) {
    root_ = splay(root_, Key{TimePoint::min(), kBelowAllSeq});
    if (root_->deadline_ > now) break;
    out[n++] = root_->id_;
    unlink(*root_);
  }
  return n;
}

void TimerTree::clear() noexcept {
  // Rotate left children up until the root has none, then drop the root: O(n), no stack.
  TimerNode* t = root_;
  while (t != nullptr) {
    if (t->left_ != nullptr) {
      TimerNode* l = t->left_;
      t->left_ = l->right_;
      l->right_ = t;
      t = l;
    } else {
      TimerNode* next = t->right_;
      t->right_ = nullptr;
      t->tree_ = nullptr;
      t = next;
    }
  }
  root_ = nullptr;
  size_ = 0;
}

bool TimerTree::validate(std::string* why) const {
  auto fail = [why](std::string msg) {
    if (why != nullptr) *why = std::move(msg);
    return false;
  };
  // Iterative in-order walk (a splay tree may be a path of length n: no recursion).
  std::vector<const TimerNode*> stack;
  const TimerNode* cur = root_;
  const TimerNode* prev = nullptr;
  std::size_t count = 0;
  while (cur != nullptr || !stack.empty()) {
    while (cur != nullptr) {
      if (stack.size() > size_) return fail("deeper than size(): a cycle or a stray node");
      stack.push_back(cur);
      cur = cur->left_;
    }
    cur = stack.back();
    stack.pop_back();
    if (cur->tree_ != this) return fail("node in the tree does not point to the tree");
    if (cur->seq_ == kBelowAllSeq || cur->seq_ >= next_seq_) return fail("bad sequence");
    if (prev != nullptr && !less(key_of(prev), key_of(cur))) {
      return fail("keys out of order at id " + std::to_string(cur->id_));
    }
    if (++count > size_) return fail("more nodes than size()");
    prev = cur;
    cur = cur->right_;
  }
  if (count != size_) return fail("fewer nodes than size()");
  return true;
}

}  // namespace mcurl
