// TimerTree: the multi's deadlines, one intrusive node per transfer, earliest first.
//
// An intrusive top-down splay tree of TimerNodes keyed by (deadline, insertion sequence).
// The sequence number makes every key unique and gives a deterministic FIFO tie-break:
// of two nodes with the same deadline, the one scheduled first expires first. Splaying
// brings recently touched keys to the root, which suits the engine's pattern (the same
// transfers re-arm their timers again and again, the earliest node is read after every
// API call). All operations are amortised O(log n).
//
// Memory: the tree owns nothing. Each TimerNode is embedded in its owner (a Transfer) and
// carries the owner's id. insert, remove, update, reschedule, earliest and pop_expired
// never allocate (pop_expired's vector overload may grow the caller's vector; the span
// overload never allocates).
//
// Lifetime rules (docs/internals/TIMERS.md):
//  - A node is in at most one tree. Destroying a scheduled node removes it first; destroying
//    the tree unschedules every node still in it. Neither is an error.
//  - Pointers into the tree are never handed out: pop_expired returns owner ids, which the
//    engine resolves through its TransferTable before stepping each transfer (two-phase
//    dispatch; nothing is called while the tree is walked).
//
// Thread affinity: the owning Multi's thread. Never calls into the application.
//
// Tests: tests/unit/multi/timer_tree_test.cc
#ifndef MCURL_MULTI_TIMER_TREE_H
#define MCURL_MULTI_TIMER_TREE_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "util/clock.h"

namespace mcurl {

class TimerTree;

// One deadline slot, embedded in its owner. Not copyable or movable: the tree points at it.
class TimerNode {
 public:
  explicit TimerNode(std::uint32_t owner_id = 0) noexcept : id_(owner_id) {}
  TimerNode(const TimerNode&) = delete;
  TimerNode& operator=(const TimerNode&) = delete;
  // Removes the node from its tree if it is scheduled.
  ~TimerNode();

  // The owner's id (a TransferTable id); what pop_expired reports. May be changed at any
  // time; the tree never looks at it except to report it.
  std::uint32_t id() const noexcept { return id_; }
  void set_id(std::uint32_t id) noexcept { id_ = id; }

  // True while the node is in a tree.
  bool is_scheduled() const noexcept { return tree_ != nullptr; }
  // The deadline it is (or was last) scheduled for; meaningful while is_scheduled().
  TimePoint deadline() const noexcept { return deadline_; }

 private:
  friend class TimerTree;
  TimerNode* left_ = nullptr;
  TimerNode* right_ = nullptr;
  TimerTree* tree_ = nullptr;  // the tree the node is in, or nullptr
  TimePoint deadline_{};
  std::uint64_t seq_ = 0;  // insertion sequence: FIFO tie-break among equal deadlines
  std::uint32_t id_;
};

class TimerTree {
 public:
  TimerTree() noexcept = default;
  TimerTree(const TimerTree&) = delete;
  TimerTree& operator=(const TimerTree&) = delete;
  // Unschedules every node still in the tree (the nodes themselves live on).
  ~TimerTree() { clear(); }

  // Schedules `node` (which must not be scheduled) for `deadline`, after every node
  // already scheduled for the same deadline. Returns false and changes nothing if the node
  // is already scheduled (in this or another tree): use update() to move it.
  bool insert(TimerNode& node, TimePoint deadline) noexcept;

  // Unschedules `node`. Returns true if it was in this tree, false (and does nothing) if
  // it was not scheduled or is in another tree. A second remove is therefore harmless.
  bool remove(TimerNode& node) noexcept;

  // Moves `node` to `deadline`, inserting it if it was not scheduled. If it is already
  // scheduled here for exactly `deadline`, nothing changes (it keeps its FIFO place);
  // otherwise it goes behind every node already at `deadline`. Returns false only if
  // the node is scheduled in another tree (then nothing changes).
  bool update(TimerNode& node, TimePoint deadline) noexcept;

  // update(node, *deadline) if `deadline` has a value, remove(node) otherwise: the one
  // call the engine makes after changing a transfer's ExpireSet.
  void reschedule(TimerNode& node, std::optional<TimePoint> deadline) noexcept {
    if (deadline) {
      update(node, *deadline);
    } else {
      remove(node);
    }
  }

  // The earliest deadline, or nullopt if the tree is empty. Splays internally (logically
  // const); repeated calls without changes are O(1).
  std::optional<TimePoint> earliest() const noexcept;
  // The owner id of the node earliest() describes, or 0 if the tree is empty.
  std::uint32_t earliest_id() const noexcept;

  // Unschedules every node with deadline <= now, in expiry order (deadline, then FIFO),
  // and appends their owner ids to `out`. Returns the number appended. The caller then
  // runs the transfers; whatever they re-schedule meanwhile is not part of this round.
  // May throw std::bad_alloc only from growing `out` (reserve it to avoid that); on a
  // throw, the nodes already appended stay popped and the rest stay scheduled.
  std::size_t pop_expired(TimePoint now, std::vector<std::uint32_t>& out);

  // As above, but writes at most out.size() ids into `out` and leaves the remaining
  // expired nodes scheduled. Never allocates. Returns the number written.
  std::size_t pop_expired(TimePoint now, std::span<std::uint32_t> out) noexcept;

  // Unschedules every node.
  void clear() noexcept;

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  // Checks the tree's invariants: key order (deadline, seq) strictly increasing in order,
  // every node's tree_ pointing here, node count equal to size(), no cycles. Returns true
  // if all hold; otherwise false, with a description in *why if `why` is not null. O(n),
  // allocates: for tests and debug builds only.
  bool validate(std::string* why = nullptr) const;

 private:
  struct Key {
    TimePoint deadline;
    std::uint64_t seq;
  };
  static bool less(const Key& a, const Key& b) noexcept {
    return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
  }
  static Key key_of(const TimerNode* n) noexcept { return Key{n->deadline_, n->seq_}; }
  static TimerNode* splay(TimerNode* t, const Key& k) noexcept;
  void unlink(TimerNode& node) noexcept;  // node must be the current root_

  mutable TimerNode* root_ = nullptr;
  std::size_t size_ = 0;
  std::uint64_t next_seq_ = 1;  // 0 is kept for the "below everything" search key
};

inline TimerNode::~TimerNode() {
  if (tree_ != nullptr) tree_->remove(*this);
}

}  // namespace mcurl

#endif  // MCURL_MULTI_TIMER_TREE_H
