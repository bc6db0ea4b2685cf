// class DnsCache: host:port → AddressList with CURLOPT_DNS_CACHE_TIMEOUT and
// CURLOPT_RESOLVE semantics of libcurl 7.88.1.
//
// One cache per Multi, or one per Share that shares CURL_LOCK_DATA_DNS; the class
// knows neither (no engine dependency). It is NOT synchronised: the owner serialises
// access (a Multi is single-threaded; a Share takes the application's lock around
// every call and copies what it needs before unlocking).
//
// Keys are "host:port" with the host lowercased (ASCII), so "Example.COM" and
// "example.com" share an entry; the host is otherwise taken as given ("vm." and "vm"
// are different keys, as in 7.88.1). Lookup is one hash probe (two with a wildcard
// entry).
//
// Time is passed in (`now`), never read here: tests drive it with a fake clock, the
// engine passes its cached per-Multi now. `now` must not go backwards between calls.
//
// Entries are either timed (resolver answers, "+host:port:addr" RESOLVE entries) or
// permanent ("host:port:addr" RESOLVE entries). A timed entry inserted at time t is
// stale from t + timeout on (timeout 0: stale at once, i.e. no caching; -1: never
// stale). Stale entries are dropped when met by lookup(), and prune() drops all of
// them; timed entries are kept in insertion order, so pruning costs O(stale entries),
// not O(cache size). (7.88.1 keeps whole-second time(NULL) stamps; we compare exact
// durations, so an entry may live up to one second less than there.)
//
// Tests: tests/unit/net/dns_cache_test.cc
#ifndef MCURL_NET_DNS_CACHE_H
#define MCURL_NET_DNS_CACHE_H

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "net/address.h"

namespace mcurl {

class DnsCache {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  // CURLOPT_DNS_CACHE_TIMEOUT's default, seconds.
  static constexpr long kDefaultTimeoutSeconds = 60;

  DnsCache() = default;
  DnsCache(const DnsCache&) = delete;
  DnsCache& operator=(const DnsCache&) = delete;

  // CURLOPT_DNS_CACHE_TIMEOUT: seconds a timed entry stays usable; 0 disables caching,
  // -1 (or any negative value) keeps entries forever. Applies to entries already in
  // the cache too (as in 7.88.1, where the age is checked at use). Range checking of
  // the option value belongs to setopt.
  void set_timeout(long seconds) noexcept { timeout_seconds_ = seconds; }
  long timeout() const noexcept { return timeout_seconds_; }

  // Finds the entry for host:port, falling back to a "*:port" wildcard entry when the
  // name has none and a wildcard was ever added (7.88.1 "enabling wildcard checks").
  // A stale entry found this way is removed and counts as a miss. With `ip_version`
  // CURL_IPRESOLVE_V4 / _V6, an entry without an address of that family is removed
  // too, even a permanent one ("doesn't have needed family, zapped", 7.88.1), and the
  // result is a miss; CURL_IPRESOLVE_WHATEVER (or any other value) accepts any entry.
  // Returns the stored list (all families, in order; the caller filters), valid until
  // the next call of a non-const method; nullptr on a miss. Throws std::bad_alloc.
  const AddressList* lookup(std::string_view host, int port, long ip_version, TimePoint now);

  // Stores `addresses` under host:port, replacing any previous entry (timed or
  // permanent). A timed entry is stamped `now`. Returns the stored list (valid as for
  // lookup). Throws std::bad_alloc (the cache is unchanged then).
  const AddressList* add(std::string_view host, int port, AddressList addresses, TimePoint now,
                         bool permanent = false);

  // Removes host:port (no wildcard fallback). Returns true if an entry was removed.
  bool remove(std::string_view host, int port);

  // Removes every stale timed entry. O(number removed).
  void prune(TimePoint now) noexcept;

  // Removes everything (the wildcard flag stays, as 7.88.1's per-handle flag does).
  void clear() noexcept;

  std::size_t size() const noexcept { return index_.size(); }

  // ---- CURLOPT_RESOLVE --------------------------------------------------------------

  // What one CURLOPT_RESOLVE string did.
  enum class ResolveEntry {
    kAdded,        // "[+]HOST:PORT:ADDR[,ADDR]..." stored (replacing any old entry)
    kRemoved,      // "-HOST:PORT" parsed (whether or not such an entry existed)
    kBadRemoval,   // "-..." that does not parse: ignored (7.88.1 only logs it)
    kSyntaxError,  // an add entry that does not parse: nothing stored
  };

  // Applies one CURLOPT_RESOLVE string. The grammar, as 7.88.1 accepts it:
  //   add:    ['+'] HOST ':' PORT ':' ADDR { ',' ADDR }
  //           HOST is everything up to the first ':' (may be empty; "*" is the
  //           wildcard); PORT is read like strtoul (leading blanks and a sign allowed,
  //           at least one digit, value <= 65535) and must end at ':'; each ADDR is an
  //           inet_pton IPv4 or IPv6 text, optionally in [brackets] (then followed by
  //           ',' or the end); empty ADDRs ("a,,b", a trailing ',', "[]") are skipped,
  //           but at least one address is required. Without '+' the entry is
  //           permanent; with '+' it is timed (stamped `now`).
  //   remove: '-' HOST ':' PORT, where HOST is 1..255 bytes without ':', and PORT is a
  //           decimal int (blanks and sign allowed); anything after PORT is ignored.
  // Throws std::bad_alloc.
  ResolveEntry apply_resolve_entry(std::string_view entry, TimePoint now);

  // Applies a whole CURLOPT_RESOLVE list in order. Returns CURLE_OK, or
  // CURLE_SETOPT_OPTION_SYNTAX at the first add entry that does not parse (the entries
  // before it stay applied, the rest are not looked at) with `*error_text` (if not
  // null) set to "Couldn't parse CURLOPT_RESOLVE entry '<entry>'" (7.88.1's text).
  // Throws std::bad_alloc.
  CURLcode load_resolve_list(const curl_slist* list, TimePoint now, std::string* error_text);

 private:
  struct Entry {
    std::string key;
    AddressList addresses;
    TimePoint inserted;
    bool permanent = false;
  };
  using EntryList = std::list<Entry>;

  // "host:port" with the host lowercased.
  static std::string make_key(std::string_view host, int port);
  bool is_stale(const Entry& e, TimePoint now) const noexcept;
  void erase(EntryList::iterator it) noexcept;
  std::optional<EntryList::iterator> find(const std::string& key) noexcept;

  long timeout_seconds_ = kDefaultTimeoutSeconds;
  bool has_wildcard_ = false;
  // Timed entries, oldest first (insertion order == time order since `now` is
  // monotonic); permanent entries in no particular order. std::list: nodes never
  // move, so the index can point into them.
  EntryList timed_;
  EntryList permanent_;
  // key → node in timed_ or permanent_. The key views point into the node's Entry.
  std::unordered_map<std::string_view, EntryList::iterator> index_;
};

}  // namespace mcurl

#endif  // MCURL_NET_DNS_CACHE_H
