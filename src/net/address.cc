// Address / AddressList and the lookups that need no thread. See address.h.
#include "net/address.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <unistd.h>

#include <cstring>

#include "util/strcase.h"

namespace mcurl {

namespace {

// Longest textual IPv6 address inet_pton can accept, plus its NUL (INET6_ADDRSTRLEN).
constexpr std::size_t kMaxAddressText = INET6_ADDRSTRLEN;

// Copies `text` into a NUL-terminated buffer for inet_pton. False if it cannot be an
// address (too long or containing a NUL byte).
bool to_c_string(std::string_view text, char (&buf)[kMaxAddressText]) noexcept {
  if (text.empty() || text.size() >= sizeof(buf)) return false;
  if (text.find('\0') != std::string_view::npos) return false;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  return true;
}

bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Scope id for an IPv6 zone: decimal number or interface name; 0 if unknown.
uint32_t zone_to_scope(std::string_view zone) noexcept {
  if (zone.empty()) return 0;
  if (all_digits(zone)) {
    unsigned long long v = 0;
    for (char c : zone) {
      v = v * 10 + static_cast<unsigned>(c - '0');
      if (v >= 0xffffffffULL) return 0;  // 7.88.1 ignores a scope >= UINT_MAX
    }
    return static_cast<uint32_t>(v);
  }
  char name[IF_NAMESIZE + 1];
  if (zone.size() > IF_NAMESIZE || zone.find('\0') != std::string_view::npos) return 0;
  std::memcpy(name, zone.data(), zone.size());
  name[zone.size()] = '\0';
  return if_nametoindex(name);  // 0 when there is no such interface
}

}  // namespace

// ---- Address -----------------------------------------------------------------------

Address::Address() noexcept {
  std::memset(&u_, 0, sizeof(u_));
  u_.sa.sa_family = AF_UNSPEC;
}

std::optional<Address> Address::from_sockaddr(const sockaddr* sa, socklen_t len) noexcept {
  if (sa == nullptr) return std::nullopt;
  Address a;
  if (sa->sa_family == AF_INET && len >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    std::memcpy(&a.u_.v4, sa, sizeof(sockaddr_in));
    a.len_ = sizeof(sockaddr_in);
    return a;
  }
  if (sa->sa_family == AF_INET6 && len >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    std::memcpy(&a.u_.v6, sa, sizeof(sockaddr_in6));
    a.len_ = sizeof(sockaddr_in6);
    return a;
  }
  return std::nullopt;
}

int Address::port() const noexcept {
  if (family() == AF_INET) return ntohs(u_.v4.sin_port);
  if (family() == AF_INET6) return ntohs(u_.v6.sin6_port);
  return 0;
}

void Address::set_port(int port) noexcept {
  const auto p = htons(static_cast<uint16_t>(port));
  if (family() == AF_INET) u_.v4.sin_port = p;
  if (family() == AF_INET6) u_.v6.sin6_port = p;
}

uint32_t Address::scope_id() const noexcept {
  return family() == AF_INET6 ? u_.v6.sin6_scope_id : 0;
}

std::string Address::ip_string() const {
  char buf[INET6_ADDRSTRLEN] = {};
  if (family() == AF_INET) {
    inet_ntop(AF_INET, &u_.v4.sin_addr, buf, sizeof(buf));
  } else if (family() == AF_INET6) {
    inet_ntop(AF_INET6, &u_.v6.sin6_addr, buf, sizeof(buf));
  }
  return std::string(buf);
}

bool operator==(const Address& a, const Address& b) noexcept {
  if (a.len_ != b.len_ || a.family() != b.family()) return false;
  if (a.family() == AF_INET) {
    return a.u_.v4.sin_port == b.u_.v4.sin_port &&
           a.u_.v4.sin_addr.s_addr == b.u_.v4.sin_addr.s_addr;
  }
  if (a.family() == AF_INET6) {
    return a.u_.v6.sin6_port == b.u_.v6.sin6_port &&
           a.u_.v6.sin6_scope_id == b.u_.v6.sin6_scope_id &&
           std::memcmp(&a.u_.v6.sin6_addr, &b.u_.v6.sin6_addr, sizeof(in6_addr)) == 0;
  }
  return true;
}

// ---- AddressList -------------------------------------------------------------------

AddressList AddressList::from_addrinfo(const addrinfo* ai) {
  AddressList list;
  for (; ai != nullptr; ai = ai->ai_next) {
    if (auto a = Address::from_sockaddr(ai->ai_addr, ai->ai_addrlen)) list.push_back(*a);
  }
  return list;
}

void AddressList::append(const AddressList& other) {
  addrs_.insert(addrs_.end(), other.addrs_.begin(), other.addrs_.end());
}

void AddressList::set_port(int port) noexcept {
  for (Address& a : addrs_) a.set_port(port);
}

bool AddressList::has_family(int family) const noexcept {
  for (const Address& a : addrs_) {
    if (a.family() == family) return true;
  }
  return false;
}

AddressList AddressList::only_family(int family) const {
  AddressList out;
  for (const Address& a : addrs_) {
    if (a.family() == family) out.push_back(a);
  }
  return out;
}

// Tests: tests/unit/net/address_test.cc (SplitByFamily*)
AddressList::FamilySplit AddressList::split_by_family() const {
  FamilySplit split;
  if (addrs_.empty()) return split;
  const int first_family = addrs_.front().family();
  for (const Address& a : addrs_) {
    (a.family() == first_family ? split.first : split.second).push_back(a);
  }
  return split;
}

// ---- numeric and localhost ---------------------------------------------------------

std::optional<Address> parse_address_strict(std::string_view text, int port) noexcept {
  char buf[kMaxAddressText];
  if (!to_c_string(text, buf)) return std::nullopt;
  Address a;
  sockaddr_in v4{};
  if (inet_pton(AF_INET, buf, &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    a = *Address::from_sockaddr(reinterpret_cast<const sockaddr*>(&v4), sizeof(v4));
    a.set_port(port);
    return a;
  }
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET6, buf, &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    a = *Address::from_sockaddr(reinterpret_cast<const sockaddr*>(&v6), sizeof(v6));
    a.set_port(port);
    return a;
  }
  return std::nullopt;
}

// Tests: tests/unit/net/address_test.cc (ParseNumeric*)
std::optional<AddressList> parse_numeric(std::string_view host, int port) {
  std::string_view text = host;
  bool bracketed = false;
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
    bracketed = true;
  }
  std::string_view zone;
  if (const auto pct = text.find('%'); pct != std::string_view::npos) {
    zone = text.substr(pct + 1);
    text = text.substr(0, pct);
    // Inside brackets the host is URL text, where '%' itself is written "%25".
    if (bracketed && zone.substr(0, 2) == "25") zone.remove_prefix(2);
    if (zone.empty()) return std::nullopt;
  }
  auto a = parse_address_strict(text, port);
  if (!a) return std::nullopt;
  if (a->family() == AF_INET && (bracketed || !zone.empty())) return std::nullopt;
  if (a->family() == AF_INET6 && !zone.empty()) {
    sockaddr_in6 v6;
    std::memcpy(&v6, a->sockaddr_ptr(), sizeof(v6));
    v6.sin6_scope_id = zone_to_scope(zone);
    a = Address::from_sockaddr(reinterpret_cast<const sockaddr*>(&v6), sizeof(v6));
  }
  AddressList list;
  list.push_back(*a);
  return list;
}

bool is_localhost_name(std::string_view host) noexcept {
  constexpr std::string_view kName = "localhost";
  constexpr std::string_view kSuffix = ".localhost";
  if (iequals(host, kName)) return true;
  return host.size() > kSuffix.size() &&
         iequals(host.substr(host.size() - kSuffix.size()), kSuffix);
}

AddressList localhost_addresses(int port) {
  AddressList list;
  list.push_back(*parse_address_strict("127.0.0.1", port));
  if (ipv6_works()) list.push_back(*parse_address_strict("::1", port));
  return list;
}

std::optional<AddressList> resolve_without_thread(std::string_view host, int port) {
  if (auto numeric = parse_numeric(host, port)) return numeric;
  if (is_localhost_name(host)) return localhost_addresses(port);
  return std::nullopt;
}

bool ipv6_works() noexcept {
  static const bool works = [] {
    const int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    close(fd);
    return true;
  }();
  return works;
}

}  // namespace mcurl
