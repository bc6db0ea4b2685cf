// TransferTable: uint32 id ↔ pointer, the only way the engine names a transfer across a
// callback (STYLE.md §5 rule 2, docs/internals/TIMERS.md).
//
// Ids are what socket entries, timer nodes, connections and the message queue store
// instead of pointers. After any call into the application the engine looks the id up
// again: a transfer that was removed meanwhile answers nullptr, never a dangling pointer.
//
// Id layout: the low kIndexBits bits are a slot index (slot 0 is never used, so 0 is
// never a valid id), the high bits a per-slot generation that changes on every remove.
// Freed slots are reused in FIFO order. Together this means a removed id does not come
// back until its slot has been reused 2^kGenerationBits times, each reuse waiting behind
// every other free slot.
//
// Cost: add, remove and get are O(1). add allocates only when the table grows beyond
// every size it had before (reserve() avoids even that); remove and get never allocate.
//
// Ownership: the table does not own what the pointers point at. Thread affinity: the
// owning Multi's thread. Never calls into the application.
//
// Tests: tests/unit/multi/transfer_table_test.cc
#ifndef MCURL_MULTI_TRANSFER_TABLE_H
#define MCURL_MULTI_TRANSFER_TABLE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mcurl {

// The untyped table; use TransferTable<T>.
class TransferTableBase {
 public:
  static constexpr unsigned kIndexBits = 24;
  static constexpr unsigned kGenerationBits = 32 - kIndexBits;
  static constexpr std::uint32_t kIndexMask = (std::uint32_t{1} << kIndexBits) - 1;
  // At most this many entries at a time (slot 0 is reserved).
  static constexpr std::size_t kMaxEntries = kIndexMask;
  // Never returned by add() and never found by get().
  static constexpr std::uint32_t kNoId = 0;

  TransferTableBase() = default;
  TransferTableBase(const TransferTableBase&) = delete;
  TransferTableBase& operator=(const TransferTableBase&) = delete;

  // Stores `p` (not null) and returns its new id, never kNoId. Returns kNoId (changing
  // nothing) if `p` is null or the table already holds kMaxEntries entries. May throw
  // std::bad_alloc when the table grows; then nothing changed.
  std::uint32_t add(void* p);

  // Forgets `id`. Returns true if it was present, false for a stale or unknown id.
  bool remove(std::uint32_t id) noexcept;

  // The pointer stored for `id`, or nullptr for a stale, unknown or kNoId id.
  void* get(std::uint32_t id) const noexcept {
    const std::uint32_t index = id & kIndexMask;
    if (index == 0 || index >= slots_.size()) return nullptr;
    const Slot& s = slots_[index];
    return s.generation == (id >> kIndexBits) ? s.ptr : nullptr;
  }

  bool contains(std::uint32_t id) const noexcept { return get(id) != nullptr; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  // Makes room for `n` entries so that the next adds up to that count do not allocate.
  // May throw std::bad_alloc.
  void reserve(std::size_t n);

  // Appends every live id, in slot order, to `out` (two-phase scans: collect, then run).
  // May throw std::bad_alloc from growing `out`.
  void append_ids(std::vector<std::uint32_t>& out) const;

  // Calls f(id, ptr) for every live entry in slot order. f may add and remove entries:
  // a removed entry not yet visited is skipped, an added one may or may not be visited.
  template <class F>
  void for_each_raw(F&& f) const {
    for (std::size_t i = 1; i < slots_.size(); ++i) {
      const Slot s = slots_[i];  // copy: f may grow slots_
      if (s.ptr != nullptr) f(make_id(static_cast<std::uint32_t>(i), s.generation), s.ptr);
    }
  }

  // Checks the free list, the generations and the count. For tests; allocates.
  bool validate(std::string* why = nullptr) const;

 private:
  static constexpr std::uint32_t kNoSlot = 0;  // end of the free list (slot 0 is unused)
  struct Slot {
    void* ptr = nullptr;                // null: free
    std::uint32_t generation = 0;       // high bits of this slot's current id
    std::uint32_t next_free = kNoSlot;  // free-list link while free
  };
  static std::uint32_t make_id(std::uint32_t index, std::uint32_t generation) noexcept {
    return (generation << kIndexBits) | index;
  }

  std::vector<Slot> slots_;  // slots_[0] is a placeholder, allocated with the first add
  std::uint32_t free_head_ = kNoSlot;
  std::uint32_t free_tail_ = kNoSlot;
  std::size_t size_ = 0;
};

// The typed table the engine uses: TransferTable<Transfer>.
template <class T>
class TransferTable : public TransferTableBase {
 public:
  std::uint32_t add(T* p) { return TransferTableBase::add(p); }
  T* get(std::uint32_t id) const noexcept { return static_cast<T*>(TransferTableBase::get(id)); }
  // f(id, T*), same rules as for_each_raw.
  template <class F>
  void for_each(F&& f) const {
    for_each_raw([&f](std::uint32_t id, void* p) { f(id, static_cast<T*>(p)); });
  }
};

}  // namespace mcurl

#endif  // MCURL_MULTI_TRANSFER_TABLE_H
