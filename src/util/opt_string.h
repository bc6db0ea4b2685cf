// class OptString: an optional std::string in one pointer.
//
// std::optional<std::string> is 40 bytes whether set or not; an easy handle has about
// eighty string options and most are never set, so storing them that way costs
// kilobytes per handle (docs/PERFORMANCE.md, "held transfers"). OptString is 8 bytes:
// null when unset, else an owned heap std::string. It reads like the optional it
// replaces (`if (s)`, `*s`, `s->size()`, `s.value_or("")`, `s.reset()`, `s.emplace(...)`)
// and gives a std::optional<std::string> copy where code wants one (to_optional()).
//
// Copying deep-copies the string (curl_easy_duphandle copies options by value); moving
// moves the pointer. Assigning or emplacing may throw std::bad_alloc and then leaves the
// value unchanged.
//
// Tests: tests/unit/util/opt_string_test.cc
#ifndef MCURL_UTIL_OPT_STRING_H
#define MCURL_UTIL_OPT_STRING_H

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mcurl {

class OptString {
 public:
  OptString() noexcept = default;
  OptString(std::nullopt_t) noexcept {}  // NOLINT: reads like std::optional
  OptString(const OptString& other)
      : p_(other.p_ ? std::make_unique<std::string>(*other.p_) : nullptr) {}
  OptString(OptString&&) noexcept = default;
  OptString& operator=(const OptString& other) {
    if (this != &other) p_ = other.p_ ? std::make_unique<std::string>(*other.p_) : nullptr;
    return *this;
  }
  OptString& operator=(OptString&&) noexcept = default;
  OptString& operator=(std::nullopt_t) noexcept {
    p_.reset();
    return *this;
  }
  OptString& operator=(const std::optional<std::string>& v) {
    if (v) {
      emplace(*v);
    } else {
      p_.reset();
    }
    return *this;
  }
  OptString& operator=(const std::string& v) {
    emplace(v);
    return *this;
  }
  OptString& operator=(std::string&& v) {
    emplace(std::move(v));
    return *this;
  }
  OptString& operator=(const char* v) {
    emplace(v);
    return *this;
  }

  bool has_value() const noexcept { return p_ != nullptr; }
  explicit operator bool() const noexcept { return p_ != nullptr; }

  // The string; only when has_value().
  std::string& operator*() noexcept { return *p_; }
  const std::string& operator*() const noexcept { return *p_; }
  std::string* operator->() noexcept { return p_.get(); }
  const std::string* operator->() const noexcept { return p_.get(); }
  const std::string& value() const noexcept { return *p_; }

  std::string value_or(std::string_view fallback) const { return p_ ? *p_ : std::string(fallback); }
  // The string's characters, or nullptr when unset.
  const char* c_str_or_null() const noexcept { return p_ ? p_->c_str() : nullptr; }

  // Sets the value to std::string(args...), reusing the held string (and its buffer)
  // when there is one: a value set again per transfer allocates nothing new.
  template <class... Args>
  std::string& emplace(Args&&... args) {
    if (p_) {
      p_->assign(std::forward<Args>(args)...);
    } else {
      p_ = std::make_unique<std::string>(std::forward<Args>(args)...);
    }
    return *p_;
  }
  void reset() noexcept { p_.reset(); }

  // A copy as a std::optional (for code that takes one). Explicit on purpose: an
  // implicit conversion would let a pointer into the temporary escape.
  std::optional<std::string> to_optional() const {
    return p_ ? std::optional<std::string>(*p_) : std::nullopt;
  }

  friend bool operator==(const OptString& a, std::nullopt_t) noexcept { return !a.p_; }
  friend bool operator==(const OptString& a, std::string_view b) noexcept {
    return a.p_ && *a.p_ == b;
  }

 private:
  std::unique_ptr<std::string> p_;
};

}  // namespace mcurl

#endif  // MCURL_UTIL_OPT_STRING_H
