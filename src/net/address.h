// Address and AddressList: resolved socket addresses, plus the answers that need no
// resolver thread (numeric hosts and the "localhost" names).
//
// An AddressList is what a name resolves to: IPv4 and IPv6 socket addresses in the
// order the source gave them (getaddrinfo, a CURLOPT_RESOLVE entry, a numeric host).
// Order matters: happy eyeballs starts with the family of the first address (7.88.1).
//
// Value types: copyable, movable, no hidden sharing. Not synchronised; a list built on
// a resolver worker thread is handed over to the multi's thread by move.
//
// Lookups that libcurl 7.88.1 answers without getaddrinfo, and so do we
// (see docs/internals/RESOLVER.md, "What never reaches getaddrinfo"):
//   - numeric IPv4 (strict dotted quad, as inet_pton) and IPv6 literals;
//   - "localhost" and any name ending in ".localhost" (ASCII case-insensitive):
//     127.0.0.1 then ::1 (::1 only when the host can create IPv6 sockets).
// Tests: tests/unit/net/address_test.cc
#ifndef MCURL_NET_ADDRESS_H
#define MCURL_NET_ADDRESS_H

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct addrinfo;

namespace mcurl {

// One IPv4 or IPv6 socket address (32 bytes instead of a 128-byte sockaddr_storage:
// a resolve answer for a large name set stays compact).
class Address {
 public:
  // An empty address: family() == AF_UNSPEC, length() == 0.
  Address() noexcept;

  // Copies `len` bytes of `sa`. Returns nullopt unless `sa` is AF_INET with
  // len >= sizeof(sockaddr_in) or AF_INET6 with len >= sizeof(sockaddr_in6).
  static std::optional<Address> from_sockaddr(const sockaddr* sa, socklen_t len) noexcept;

  // AF_INET, AF_INET6, or AF_UNSPEC for a default-constructed Address.
  int family() const noexcept { return u_.sa.sa_family; }
  // For connect(), bind(), CURLOPT_OPENSOCKETFUNCTION. Valid while *this lives.
  const sockaddr* sockaddr_ptr() const noexcept { return &u_.sa; }
  socklen_t length() const noexcept { return len_; }

  // Port in host byte order (0 for an empty address).
  int port() const noexcept;
  // Sets the port (0..65535; other values are truncated to 16 bits).
  void set_port(int port) noexcept;
  // IPv6 scope id (0 for IPv4 or none).
  uint32_t scope_id() const noexcept;

  // The numeric address without brackets, port or zone: "127.0.0.1", "::1"
  // (what CURLINFO_PRIMARY_IP reports). Throws std::bad_alloc.
  std::string ip_string() const;

  friend bool operator==(const Address& a, const Address& b) noexcept;

 private:
  union {
    sockaddr sa;
    sockaddr_in v4;
    sockaddr_in6 v6;
  } u_;
  socklen_t len_ = 0;
};

// An ordered list of addresses. Insertion order is preserved everywhere.
class AddressList {
 public:
  AddressList() = default;

  // Copies every AF_INET / AF_INET6 entry of a getaddrinfo() answer, in order;
  // entries of other families or with a short ai_addrlen are skipped. Duplicates are
  // kept (getaddrinfo with SOCK_STREAM hints gives each address once). Throws
  // std::bad_alloc.
  static AddressList from_addrinfo(const addrinfo* ai);

  bool empty() const noexcept { return addrs_.empty(); }
  std::size_t size() const noexcept { return addrs_.size(); }
  const Address& operator[](std::size_t i) const noexcept { return addrs_[i]; }
  auto begin() const noexcept { return addrs_.begin(); }
  auto end() const noexcept { return addrs_.end(); }

  // Appends. Throws std::bad_alloc.
  void push_back(const Address& a) { addrs_.push_back(a); }
  // Appends every address of `other`. Throws std::bad_alloc.
  void append(const AddressList& other);

  // Sets the port of every address.
  void set_port(int port) noexcept;

  // True if at least one address is of `family` (AF_INET / AF_INET6).
  bool has_family(int family) const noexcept;

  // The addresses of one family, order kept. Throws std::bad_alloc.
  AddressList only_family(int family) const;

  // Happy eyeballs input (7.88.1 connect.c): `first` holds the addresses of the
  // family of the list's first address, `second` those of the other family, each
  // in list order. Both empty for an empty list. Throws std::bad_alloc.
  struct FamilySplit;  // defined below the class
  FamilySplit split_by_family() const;

  friend bool operator==(const AddressList& a, const AddressList& b) noexcept {
    return a.addrs_ == b.addrs_;
  }

 private:
  std::vector<Address> addrs_;
};

struct AddressList::FamilySplit {
  AddressList first;
  AddressList second;
};

// Parses one numeric address exactly as inet_pton does: a strict IPv4 dotted quad
// ("127.0.0.1"; not "127.1", not "01.2.3.4") or an IPv6 literal without brackets and
// without zone. This is the grammar of a CURLOPT_RESOLVE address. Returns nullopt
// if `text` is anything else. Throws nothing.
std::optional<Address> parse_address_strict(std::string_view text, int port) noexcept;

// Parses a numeric host for a connection: what parse_address_strict accepts, plus an
// IPv6 literal in brackets ("[::1]") and/or with a zone ("fe80::1%eth0", "fe80::1%2",
// "[fe80::1%25eth0]" where "%25" is the URL-encoded '%'). A zone that is a decimal
// number is the scope id; otherwise it names an interface (if_nametoindex). An
// unknown interface name leaves the scope id 0, as 7.88.1 does ("Invalid zoneid" is
// only informational there). Returns a one-address list, or nullopt if `host` is not
// numeric (then it needs the resolver). Throws std::bad_alloc.
std::optional<AddressList> parse_numeric(std::string_view host, int port);

// True for "localhost" and names ending in ".localhost", ASCII case-insensitively
// ("LocalHost", "a.b.localhost"), but not "localhost." nor "xlocalhost" (7.88.1:
// those go to getaddrinfo).
bool is_localhost_name(std::string_view host) noexcept;

// The fixed answer for a localhost name: 127.0.0.1, then ::1 if ipv6_works(), with
// `port`. Throws std::bad_alloc.
AddressList localhost_addresses(int port);

// The synchronous part of a name lookup, in 7.88.1's order after the DNS cache:
// numeric host, then localhost name. Returns nullopt when the name needs getaddrinfo
// (Resolver::start). Throws std::bad_alloc.
std::optional<AddressList> resolve_without_thread(std::string_view host, int port);

// True if this host can create an AF_INET6 socket (probed once per process and
// remembered). When false, lookups ask getaddrinfo for AF_INET only (7.88.1
// Curl_ipv6works). Thread-safe.
bool ipv6_works() noexcept;

}  // namespace mcurl

#endif  // MCURL_NET_ADDRESS_H
