// DnsCache. See dns_cache.h for the contract.
#include "net/dns_cache.h"

#include <sys/socket.h>

#include <optional>

#include "util/strcase.h"

namespace mcurl {

namespace {

bool is_blank(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads an optionally signed decimal number at the front of `s` after optional blanks,
// the way strtoul / sscanf("%d") start. Stores the magnitude (saturated) and the sign
// and returns the number of bytes used, or 0 if there is no digit.
std::size_t read_signed_decimal(std::string_view s, unsigned long long& magnitude,
                                bool& negative) noexcept {
  std::size_t i = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  const std::size_t digits_start = i;
  magnitude = 0;
  constexpr unsigned long long kCap = 1ULL << 40;  // far above any port; saturate
  while (i < s.size() && is_digit(s[i])) {
    if (magnitude < kCap) magnitude = magnitude * 10 + static_cast<unsigned>(s[i] - '0');
    ++i;
  }
  return i == digits_start ? 0 : i;
}

// The address part of an add entry: ADDR { ',' ADDR }, each optionally bracketed.
// Returns nullopt on a syntax error or when no address is given.
std::optional<AddressList> parse_resolve_addresses(std::string_view s, int port) {
  AddressList list;
  std::size_t i = 0;
  while (i < s.size()) {
    std::string_view text;
    if (s[i] == '[') {
      const auto close = s.find(']', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      text = s.substr(i + 1, close - i - 1);
      i = close + 1;
      if (i < s.size() && s[i] != ',') return std::nullopt;  // "[::1]x"
    } else {
      auto comma = s.find(',', i);
      if (comma == std::string_view::npos) comma = s.size();
      text = s.substr(i, comma - i);
      i = comma;
    }
    if (i < s.size()) ++i;       // the ','
    if (text.empty()) continue;  // "a,,b", "a,", "[]": 7.88.1 skips these
    auto a = parse_address_strict(text, port);
    if (!a) return std::nullopt;  // 7.88.1: "Resolve address '...' found illegal"
    list.push_back(*a);
  }
  if (list.empty()) return std::nullopt;
  return list;
}

}  // namespace

std::string DnsCache::make_key(std::string_view host, int port) {
  std::string key;
  key.reserve(host.size() + 7);
  for (char c : host) key.push_back(to_lower_ascii(c));
  key.push_back(':');
  key += std::to_string(port);
  return key;
}

bool DnsCache::is_stale(const Entry& e, TimePoint now) const noexcept {
  if (e.permanent || timeout_seconds_ < 0) return false;
  return now - e.inserted >= std::chrono::seconds(timeout_seconds_);
}

void DnsCache::erase(EntryList::iterator it) noexcept {
  index_.erase(std::string_view(it->key));
  (it->permanent ? permanent_ : timed_).erase(it);
}

std::optional<DnsCache::EntryList::iterator> DnsCache::find(const std::string& key) noexcept {
  const auto hit = index_.find(std::string_view(key));
  if (hit == index_.end()) return std::nullopt;
  return hit->second;
}

// Tests: tests/unit/net/dns_cache_test.cc (Lookup*, Expiry*, Family*, Wildcard*)
const AddressList* DnsCache::lookup(std::string_view host, int port, long ip_version,
                                    TimePoint now) {
  prune(now);
  auto found = find(make_key(host, port));
  if (!found && has_wildcard_) found = find(make_key("*", port));
  if (!found) return nullptr;
  const auto it = *found;
  int needed = AF_UNSPEC;
  if (ip_version == CURL_IPRESOLVE_V4) needed = AF_INET;
  if (ip_version == CURL_IPRESOLVE_V6) needed = AF_INET6;
  if (needed != AF_UNSPEC && !it->addresses.has_family(needed)) {
    erase(it);
    return nullptr;
  }
  return &it->addresses;
}

const AddressList* DnsCache::add(std::string_view host, int port, AddressList addresses,
                                 TimePoint now, bool permanent) {
  prune(now);
  // Allocate first, then commit: nothing below the splice may fail.
  EntryList fresh;
  fresh.push_back(Entry{make_key(host, port), std::move(addresses), now, permanent});
  index_.reserve(index_.size() + 1);
  if (auto old = find(fresh.front().key)) erase(*old);
  EntryList& target = permanent ? permanent_ : timed_;
  target.splice(target.end(), fresh);
  auto it = std::prev(target.end());
  index_.emplace(std::string_view(it->key), it);
  if (host == "*") has_wildcard_ = true;
  return &it->addresses;
}

bool DnsCache::remove(std::string_view host, int port) {
  auto found = find(make_key(host, port));
  if (!found) return false;
  erase(*found);
  return true;
}

void DnsCache::prune(TimePoint now) noexcept {
  while (!timed_.empty() && is_stale(timed_.front(), now)) erase(timed_.begin());
}

void DnsCache::clear() noexcept {
  index_.clear();
  timed_.clear();
  permanent_.clear();
}

// Tests: tests/unit/net/dns_cache_test.cc (Resolve*)
DnsCache::ResolveEntry DnsCache::apply_resolve_entry(std::string_view entry, TimePoint now) {
  if (!entry.empty() && entry.front() == '-') {
    // Removal: like sscanf("%255[^:]:%d").
    std::string_view rest = entry.substr(1);
    const auto colon = rest.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon > 255) {
      return ResolveEntry::kBadRemoval;
    }
    unsigned long long magnitude = 0;
    bool negative = false;
    if (read_signed_decimal(rest.substr(colon + 1), magnitude, negative) == 0) {
      return ResolveEntry::kBadRemoval;
    }
    const long long value = static_cast<long long>(magnitude);
    remove(rest.substr(0, colon), static_cast<int>(negative ? -value : value));
    return ResolveEntry::kRemoved;
  }

  bool permanent = true;
  std::string_view s = entry;
  if (!s.empty() && s.front() == '+') {
    permanent = false;
    s.remove_prefix(1);
  }
  const auto host_end = s.find(':');
  if (host_end == std::string_view::npos) return ResolveEntry::kSyntaxError;
  const std::string_view host = s.substr(0, host_end);
  s.remove_prefix(host_end + 1);

  unsigned long long magnitude = 0;
  bool negative = false;
  const std::size_t used = read_signed_decimal(s, magnitude, negative);
  if (used == 0) return ResolveEntry::kSyntaxError;
  if (negative && magnitude != 0) return ResolveEntry::kSyntaxError;  // strtoul wraps
  if (magnitude > 65535) return ResolveEntry::kSyntaxError;
  if (used >= s.size() || s[used] != ':') return ResolveEntry::kSyntaxError;
  const int port = static_cast<int>(magnitude);
  s.remove_prefix(used + 1);

  auto addresses = parse_resolve_addresses(s, port);
  if (!addresses) return ResolveEntry::kSyntaxError;
  add(host, port, std::move(*addresses), now, permanent);
  return ResolveEntry::kAdded;
}

CURLcode DnsCache::load_resolve_list(const curl_slist* list, TimePoint now,
                                     std::string* error_text) {
  for (; list != nullptr; list = list->next) {
    if (list->data == nullptr) continue;
    if (apply_resolve_entry(list->data, now) == ResolveEntry::kSyntaxError) {
      if (error_text != nullptr) {
        *error_text = "Couldn't parse CURLOPT_RESOLVE entry '";
        *error_text += list->data;
        *error_text += '\'';
      }
      return CURLE_SETOPT_OPTION_SYNTAX;
    }
  }
  return CURLE_OK;
}

}  // namespace mcurl
