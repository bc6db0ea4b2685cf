#include "http/header_store.h"

#include <cstdint>

#include "util/strcase.h"

namespace mcurl {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[i])) return false;
  }
  return true;
}

}  // namespace

void HeaderStore::add(std::string_view name, std::string_view value, unsigned origin,
                      bool continuation) {
  if (requests_ == 0) requests_ = 1;
  int request = requests_ - 1;
  if (continuation) {
    if (!entries_.empty() && entries_.back().request == request) {
      Entry& last = entries_.back();
      if (!value.empty()) {
        if (!last.value.empty()) last.value += ' ';
        last.value.append(value);
      }
    }
    return;
  }
  entries_.push_back(Entry{std::string(name), std::string(value), origin, request});
}

int HeaderStore::resolve_request(int request) const noexcept {
  return request < 0 ? requests_ - 1 : request;
}

void HeaderStore::fill(std::size_t entry_index, std::size_t amount, std::size_t index) {
  const Entry& e = entries_[entry_index];
  out_name_ = e.name;
  out_value_ = e.value;
  out_.name = out_name_.data();
  out_.value = out_value_.data();
  out_.amount = amount;
  out_.index = index;
  // 7.88.1 hands out the origin with bit 27 set as well (0x08000000 | CURLH_*).
  out_.origin = e.origin | (1u << 27);
  out_.anchor = reinterpret_cast<void*>(static_cast<std::uintptr_t>(entry_index + 1));
}

CURLHcode HeaderStore::find(const char* name, std::size_t index, unsigned origin, int request,
                            curl_header** out) {
  if (entries_.empty()) return CURLHE_NOHEADERS;
  int req = resolve_request(request);
  if (req >= requests_) return CURLHE_NOREQUEST;
  std::size_t amount = 0;
  std::size_t match = 0;
  bool found = false;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.request != req || !(e.origin & origin) || !same_name(e.name, name)) continue;
    if (amount == index) {
      match = i;
      found = true;
    }
    ++amount;
  }
  if (amount == 0) return CURLHE_MISSING;
  if (!found) return CURLHE_BADINDEX;
  fill(match, amount, index);
  *out = &out_;
  return CURLHE_OK;
}

curl_header* HeaderStore::next(unsigned origin, int request, const curl_header* prev) {
  if (request < -1) return nullptr;  // 7.88.1: only -1 means "the last request"
  int req = resolve_request(request);
  std::size_t start = 0;
  if (prev != nullptr) {
    start = static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(prev->anchor));
  }
  for (std::size_t i = start; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.request != req || !(e.origin & origin)) continue;
    // amount and index count the headers of this name in the same scope.
    std::size_t amount = 0;
    std::size_t index = 0;
    for (std::size_t j = 0; j < entries_.size(); ++j) {
      const Entry& o = entries_[j];
      if (o.request != req || !(o.origin & origin) || !same_name(o.name, e.name)) continue;
      if (j < i) ++index;
      ++amount;
    }
    fill(i, amount, index);
    return &out_;
  }
  return nullptr;
}

}  // namespace mcurl
