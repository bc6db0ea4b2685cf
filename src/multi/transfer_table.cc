// TransferTable: slots with generations and a FIFO free list. See transfer_table.h.
#include "multi/transfer_table.h"

namespace mcurl {

namespace {

constexpr std::uint32_t kGenerationMask =
    (std::uint32_t{1} << TransferTableBase::kGenerationBits) - 1;

}  // namespace

std::uint32_t TransferTableBase::add(void* p) {
  if (p == nullptr || size_ >= kMaxEntries) return kNoId;
  std::uint32_t index;
  if (free_head_ != kNoSlot) {
    index = free_head_;
    free_head_ = slots_[index].next_free;
    if (free_head_ == kNoSlot) free_tail_ = kNoSlot;
  } else {
    if (slots_.empty()) slots_.emplace_back();  // slot 0: never used
    index = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();  // the only allocation; nothing has changed yet if it throws
  }
  Slot& s = slots_[index];
  s.ptr = p;
  s.next_free = kNoSlot;
  ++size_;
  return make_id(index, s.generation);
}

bool TransferTableBase::remove(std::uint32_t id) noexcept {
  if (get(id) == nullptr) return false;
  const std::uint32_t index = id & kIndexMask;
  Slot& s = slots_[index];
  s.ptr = nullptr;
  // A new generation, so the old id stays dead when the slot is reused.
  s.generation = (s.generation + 1) & kGenerationMask;
  s.next_free = kNoSlot;
  if (free_tail_ == kNoSlot) {
    free_head_ = index;
  } else {
    slots_[free_tail_].next_free = index;
  }
  free_tail_ = index;
  --size_;
  return true;
}

void TransferTableBase::reserve(std::size_t n) {
  if (n > kMaxEntries) n = kMaxEntries;
  slots_.reserve(n + 1);
}

void TransferTableBase::append_ids(std::vector<std::uint32_t>& out) const {
  for_each_raw([&out](std::uint32_t id, void*) { out.push_back(id); });
}

bool TransferTableBase::validate(std::string* why) const {
  auto fail = [why](const char* msg) {
    if (why != nullptr) *why = msg;
    return false;
  };
  if (!slots_.empty() && slots_[0].ptr != nullptr) return fail("slot 0 is in use");
  std::size_t live = 0;
  std::size_t free_slots = 0;
  for (std::size_t i = 1; i < slots_.size(); ++i) {
    if (slots_[i].generation > kGenerationMask) return fail("generation out of range");
    if (slots_[i].ptr != nullptr) {
      ++live;
    } else {
      ++free_slots;
    }
  }
  if (live != size_) return fail("size() does not match the live slots");
  // Walk the free list: it must hold exactly the free slots, each once.
  std::size_t walked = 0;
  std::uint32_t last = kNoSlot;
  for (std::uint32_t i = free_head_; i != kNoSlot; i = slots_[i].next_free) {
    if (i >= slots_.size()) return fail("free list points outside the table");
    if (slots_[i].ptr != nullptr) return fail("live slot on the free list");
    if (++walked > free_slots) return fail("free list longer than the free slots (cycle?)");
    last = i;
  }
  if (walked != free_slots) return fail("a free slot is missing from the free list");
  if (last != free_tail_) return fail("free_tail_ is not the last free slot");
  return true;
}

}  // namespace mcurl
