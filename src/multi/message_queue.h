// MessageQueue: the multi's CURLMsg queue for curl_multi_info_read, intrusive and FIFO.
//
// Each Transfer embeds one MessageNode (its CURLMsg plus the queue links), so queueing a
// DONE message never allocates and the pointer curl_multi_info_read hands out stays valid
// until the handle is removed or cleaned up, or the multi is cleaned up: the lifetime
// curl_multi_info_read.3 promises for messages in libcurl 7.88.1.
//
// Lifetime rules:
//  - A node is in at most one queue. Destroying a queued node unlinks it; destroying the
//    queue unlinks every node still in it.
//  - curl_multi_remove_handle must remove() the transfer's node, so that a removed handle's
//    message is never read.
//
// All operations are O(1) and noexcept. Thread affinity: the owning Multi's thread.
// Never calls into the application.
//
// Tests: tests/unit/multi/message_queue_test.cc
#ifndef MCURL_MULTI_MESSAGE_QUEUE_H
#define MCURL_MULTI_MESSAGE_QUEUE_H

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>

namespace mcurl {

class MessageQueue;

class MessageNode {
 public:
  explicit MessageNode(std::uint32_t owner_id = 0) noexcept : id_(owner_id) {}
  MessageNode(const MessageNode&) = delete;
  MessageNode& operator=(const MessageNode&) = delete;
  inline ~MessageNode();

  // What curl_multi_info_read returns a pointer to. The engine fills it before push().
  CURLMsg msg{};

  std::uint32_t id() const noexcept { return id_; }
  void set_id(std::uint32_t id) noexcept { id_ = id; }
  bool is_queued() const noexcept { return queue_ != nullptr; }

 private:
  friend class MessageQueue;
  MessageNode* prev_ = nullptr;
  MessageNode* next_ = nullptr;
  MessageQueue* queue_ = nullptr;
  std::uint32_t id_;
};

class MessageQueue {
 public:
  MessageQueue() noexcept = default;
  MessageQueue(const MessageQueue&) = delete;
  MessageQueue& operator=(const MessageQueue&) = delete;
  ~MessageQueue() { clear(); }

  // Appends `node`. Returns false (changing nothing) if it is already queued anywhere.
  bool push(MessageNode& node) noexcept {
    if (node.queue_ != nullptr) return false;
    node.queue_ = this;
    node.prev_ = tail_;
    node.next_ = nullptr;
    if (tail_ != nullptr) {
      tail_->next_ = &node;
    } else {
      head_ = &node;
    }
    tail_ = &node;
    ++size_;
    return true;
  }

  // Unlinks and returns the oldest node, or nullptr if the queue is empty.
  MessageNode* pop() noexcept {
    MessageNode* n = head_;
    if (n != nullptr) remove(*n);
    return n;
  }

  // The oldest node without unlinking it, or nullptr.
  MessageNode* front() const noexcept { return head_; }

  // Unlinks `node`. Returns true if it was in this queue; false (doing nothing) otherwise.
  bool remove(MessageNode& node) noexcept {
    if (node.queue_ != this) return false;
    if (node.prev_ != nullptr) {
      node.prev_->next_ = node.next_;
    } else {
      head_ = node.next_;
    }
    if (node.next_ != nullptr) {
      node.next_->prev_ = node.prev_;
    } else {
      tail_ = node.prev_;
    }
    node.prev_ = node.next_ = nullptr;
    node.queue_ = nullptr;
    --size_;
    return true;
  }

  void clear() noexcept {
    while (head_ != nullptr) remove(*head_);
  }

  bool empty() const noexcept { return head_ == nullptr; }
  std::size_t size() const noexcept { return size_; }

 private:
  MessageNode* head_ = nullptr;
  MessageNode* tail_ = nullptr;
  std::size_t size_ = 0;
};

inline MessageNode::~MessageNode() {
  if (queue_ != nullptr) queue_->remove(*this);
}

}  // namespace mcurl

#endif  // MCURL_MULTI_MESSAGE_QUEUE_H
