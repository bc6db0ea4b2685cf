// Tests for src/net/dns_cache.h: expiry with a fake clock, keys, family checks,
// wildcard entries and the CURLOPT_RESOLVE grammar of libcurl 7.88.1 (expectations
// taken from the system libcurl: see docs/internals/RESOLVER.md).
#include "net/dns_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace mcurl {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Entry = DnsCache::ResolveEntry;

// A fixed, arbitrary origin for the fake clock.
const DnsCache::TimePoint kT0 = DnsCache::TimePoint{} + std::chrono::hours(1000);

AddressList list_of(std::initializer_list<const char*> texts, int port = 0) {
  AddressList l;
  for (const char* t : texts) l.push_back(*parse_address_strict(t, port));
  return l;
}

std::vector<std::string> ips(const AddressList* list) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  for (const Address& a : *list) out.push_back(a.ip_string());
  return out;
}

constexpr long kAny = CURL_IPRESOLVE_WHATEVER;

TEST(DnsCacheTest, MissThenHit) {
  DnsCache c;
  EXPECT_EQ(c.lookup("example.com", 80, kAny, kT0), nullptr);
  const AddressList* stored = c.add("example.com", 80, list_of({"10.0.0.1", "::1"}, 80), kT0);
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(c.size(), 1u);
  const AddressList* hit = c.lookup("example.com", 80, kAny, kT0 + seconds(1));
  EXPECT_EQ(hit, stored);
  EXPECT_EQ(ips(hit), (std::vector<std::string>{"10.0.0.1", "::1"}));
}

TEST(DnsCacheTest, HostIsCaseInsensitivePortIsPartOfKey) {
  DnsCache c;
  c.add("Example.COM", 443, list_of({"10.0.0.1"}), kT0);
  EXPECT_NE(c.lookup("example.com", 443, kAny, kT0), nullptr);
  EXPECT_NE(c.lookup("EXAMPLE.com", 443, kAny, kT0), nullptr);
  EXPECT_EQ(c.lookup("example.com", 80, kAny, kT0), nullptr);
  EXPECT_EQ(c.lookup("example.com.", 443, kAny, kT0), nullptr);  // no dot folding (7.88.1)
  EXPECT_EQ(c.lookup("xample.com", 443, kAny, kT0), nullptr);
}

TEST(DnsCacheTest, DefaultTimeoutIsSixtySeconds) {
  DnsCache c;
  EXPECT_EQ(c.timeout(), 60);
  c.add("h", 1, list_of({"10.0.0.1"}), kT0);
  EXPECT_NE(c.lookup("h", 1, kAny, kT0 + seconds(60) - milliseconds(1)), nullptr);
  EXPECT_EQ(c.lookup("h", 1, kAny, kT0 + seconds(60)), nullptr);
  EXPECT_EQ(c.size(), 0u);  // the stale entry was dropped, not just hidden
}

TEST(DnsCacheTest, TimeoutZeroMeansNoCaching) {
  DnsCache c;
  c.set_timeout(0);
  c.add("h", 1, list_of({"10.0.0.1"}), kT0);
  EXPECT_EQ(c.lookup("h", 1, kAny, kT0), nullptr);
  EXPECT_EQ(c.size(), 0u);
}

TEST(DnsCacheTest, TimeoutMinusOneMeansForever) {
  DnsCache c;
  c.set_timeout(-1);
  c.add("h", 1, list_of({"10.0.0.1"}), kT0);
  EXPECT_NE(c.lookup("h", 1, kAny, kT0 + std::chrono::hours(24 * 3650)), nullptr);
  c.prune(kT0 + std::chrono::hours(24 * 3650));
  EXPECT_EQ(c.size(), 1u);
}

TEST(DnsCacheTest, TimeoutChangeAppliesToExistingEntries) {
  DnsCache c;
  c.add("h", 1, list_of({"10.0.0.1"}), kT0);
  c.set_timeout(5);
  EXPECT_NE(c.lookup("h", 1, kAny, kT0 + seconds(4)), nullptr);
  EXPECT_EQ(c.lookup("h", 1, kAny, kT0 + seconds(5)), nullptr);
}

TEST(DnsCacheTest, PermanentEntriesNeverExpire) {
  DnsCache c;
  c.set_timeout(0);
  c.add("p", 1, list_of({"10.0.0.1"}), kT0, /*permanent=*/true);
  EXPECT_NE(c.lookup("p", 1, kAny, kT0 + std::chrono::hours(100)), nullptr);
  c.prune(kT0 + std::chrono::hours(200));
  EXPECT_EQ(c.size(), 1u);
}

TEST(DnsCacheTest, PruneDropsOnlyStaleEntries) {
  DnsCache c;
  c.set_timeout(100);  // add() prunes too: keep everything while filling
  for (int i = 0; i < 20; ++i) {
    c.add("h" + std::to_string(i), 80, list_of({"10.0.0.1"}), kT0 + seconds(i));
  }
  c.add("perm", 80, list_of({"10.0.0.2"}), kT0 + seconds(19), true);
  EXPECT_EQ(c.size(), 21u);
  c.set_timeout(10);
  c.prune(kT0 + seconds(15));  // h0..h5 are >= 10 s old
  EXPECT_EQ(c.size(), 15u);
  EXPECT_EQ(c.lookup("h5", 80, kAny, kT0 + seconds(15)), nullptr);
  EXPECT_NE(c.lookup("h6", 80, kAny, kT0 + seconds(15)), nullptr);
  EXPECT_NE(c.lookup("perm", 80, kAny, kT0 + seconds(15)), nullptr);
  c.prune(kT0 + seconds(1000));
  EXPECT_EQ(c.size(), 1u);
}

TEST(DnsCacheTest, ReAddRestampsAndReplaces) {
  DnsCache c;
  c.set_timeout(10);
  c.add("h", 1, list_of({"10.0.0.1"}), kT0);
  c.add("h2", 1, list_of({"10.0.0.9"}), kT0 + seconds(1));
  c.add("H", 1, list_of({"10.0.0.2"}), kT0 + seconds(8));  // same key, newer stamp
  EXPECT_EQ(c.size(), 2u);
  // h2 is now older than h; pruning must still find it first-in-time.
  EXPECT_EQ(c.lookup("h2", 1, kAny, kT0 + seconds(12)), nullptr);
  EXPECT_EQ(ips(c.lookup("h", 1, kAny, kT0 + seconds(12))), std::vector<std::string>{"10.0.0.2"});
  EXPECT_EQ(c.lookup("h", 1, kAny, kT0 + seconds(18)), nullptr);
}

TEST(DnsCacheTest, PermanentAndTimedReplaceEachOther) {
  DnsCache c;
  c.set_timeout(10);
  c.add("h", 1, list_of({"10.0.0.1"}), kT0, true);
  c.add("h", 1, list_of({"10.0.0.2"}), kT0);  // now timed
  EXPECT_EQ(c.size(), 1u);
  EXPECT_EQ(c.lookup("h", 1, kAny, kT0 + seconds(10)), nullptr);
  c.add("h", 1, list_of({"10.0.0.3"}), kT0 + seconds(20));
  c.add("h", 1, list_of({"10.0.0.4"}), kT0 + seconds(20), true);  // now permanent
  EXPECT_EQ(ips(c.lookup("h", 1, kAny, kT0 + seconds(99))), std::vector<std::string>{"10.0.0.4"});
}

TEST(DnsCacheTest, RemoveAndClear) {
  DnsCache c;
  c.add("a", 1, list_of({"10.0.0.1"}), kT0);
  c.add("b", 1, list_of({"10.0.0.1"}), kT0, true);
  EXPECT_TRUE(c.remove("A", 1));
  EXPECT_FALSE(c.remove("a", 1));
  EXPECT_FALSE(c.remove("b", 2));
  EXPECT_EQ(c.size(), 1u);
  c.clear();
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.lookup("b", 1, kAny, kT0), nullptr);
}

TEST(DnsCacheTest, FamilyMismatchZapsEvenPermanentEntries) {
  DnsCache c;
  c.add("v6only", 1, list_of({"::1"}), kT0, true);
  c.add("mixed", 1, list_of({"::1", "10.0.0.1"}), kT0, true);
  EXPECT_NE(c.lookup("mixed", 1, CURL_IPRESOLVE_V4, kT0), nullptr);
  EXPECT_NE(c.lookup("mixed", 1, CURL_IPRESOLVE_V6, kT0), nullptr);
  // The whole list comes back; the connect step filters (7.88.1).
  EXPECT_EQ(ips(c.lookup("mixed", 1, CURL_IPRESOLVE_V4, kT0)),
            (std::vector<std::string>{"::1", "10.0.0.1"}));
  EXPECT_NE(c.lookup("v6only", 1, CURL_IPRESOLVE_V6, kT0), nullptr);
  EXPECT_NE(c.lookup("v6only", 1, kAny, kT0), nullptr);
  EXPECT_EQ(c.lookup("v6only", 1, CURL_IPRESOLVE_V4, kT0), nullptr);
  EXPECT_EQ(c.lookup("v6only", 1, kAny, kT0), nullptr);  // it was removed
  EXPECT_EQ(c.size(), 1u);
}

TEST(DnsCacheTest, WildcardIsAFallbackPerPort) {
  DnsCache c;
  c.add("exact", 443, list_of({"10.0.0.1"}), kT0, true);
  EXPECT_EQ(c.lookup("other", 443, kAny, kT0), nullptr);
  c.add("*", 443, list_of({"10.0.0.9"}), kT0, true);
  EXPECT_EQ(ips(c.lookup("other", 443, kAny, kT0)), std::vector<std::string>{"10.0.0.9"});
  EXPECT_EQ(ips(c.lookup("127.0.0.1", 443, kAny, kT0)), std::vector<std::string>{"10.0.0.9"});
  EXPECT_EQ(ips(c.lookup("exact", 443, kAny, kT0)), std::vector<std::string>{"10.0.0.1"});
  EXPECT_EQ(c.lookup("other", 80, kAny, kT0), nullptr);
}

// ---- CURLOPT_RESOLVE ---------------------------------------------------------------

struct ResolveCase {
  const char* entry;
  Entry kind;
  const char* host;  // looked up afterwards on a fresh cache (nullptr: nothing stored)
  int port;
  std::vector<std::string> ips;
};

// Every row was checked against the system libcurl 7.88.1 (syntax errors there fail
// the transfer with CURLE_SETOPT_OPTION_SYNTAX; bad removals are only logged).
const ResolveCase kResolveCases[] = {
    {"vm:1:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"+vm:1:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"VM:1:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:1:[::1],127.0.0.2", Entry::kAdded, "vm", 1, {"::1", "127.0.0.2"}},
    {"vm:1:::1", Entry::kAdded, "vm", 1, {"::1"}},
    {"vm:1:127.0.0.2,", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:1:127.0.0.2,,127.0.0.3", Entry::kAdded, "vm", 1, {"127.0.0.2", "127.0.0.3"}},
    {"vm:1:[],127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:1:[127.0.0.2]", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:1:[::ffff:127.0.0.2]", Entry::kAdded, "vm", 1, {"::ffff:127.0.0.2"}},
    {"vm:0:127.0.0.2", Entry::kAdded, "vm", 0, {"127.0.0.2"}},
    {"vm:-0:127.0.0.2", Entry::kAdded, "vm", 0, {"127.0.0.2"}},
    {"vm:+1:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm: 1:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:01:127.0.0.2", Entry::kAdded, "vm", 1, {"127.0.0.2"}},
    {"vm:65535:127.0.0.2", Entry::kAdded, "vm", 65535, {"127.0.0.2"}},
    {":1:127.0.0.2", Entry::kAdded, "", 1, {"127.0.0.2"}},
    {"*:1:127.0.0.2", Entry::kAdded, "anything", 1, {"127.0.0.2"}},
    {"vm.:1:127.0.0.2", Entry::kAdded, "vm.", 1, {"127.0.0.2"}},
    {"vm:1:bogus", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:,", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:[]", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm", Entry::kSyntaxError, nullptr, 0, {}},
    {"", Entry::kSyntaxError, nullptr, 0, {}},
    {"+", Entry::kSyntaxError, nullptr, 0, {}},
    {"bogus", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm::127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:abc:127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:0x1:127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:-1:127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:65536:127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:65537:127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1 :127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1: 127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:127.0.0.2 ", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:127.0.0.2\t", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:127.0.0.2,bogus", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:127.0.0.2:80", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:127.1", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:[::1", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:[::1]x", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:[::1] ,127.0.0.2", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:[fe80::1%lo]", Entry::kSyntaxError, nullptr, 0, {}},
    {"vm:1:fe80::1%lo", Entry::kSyntaxError, nullptr, 0, {}},
    {"-vm:1", Entry::kRemoved, nullptr, 0, {}},
    {"-vm: 1", Entry::kRemoved, nullptr, 0, {}},
    {"-vm:1x", Entry::kRemoved, nullptr, 0, {}},
    {"-vm", Entry::kBadRemoval, nullptr, 0, {}},
    {"-vm:abc", Entry::kBadRemoval, nullptr, 0, {}},
    {"-", Entry::kBadRemoval, nullptr, 0, {}},
    {"-:1", Entry::kBadRemoval, nullptr, 0, {}},
};

TEST(DnsCacheResolveTest, Grammar) {
  for (const ResolveCase& rc : kResolveCases) {
    DnsCache c;
    EXPECT_EQ(c.apply_resolve_entry(rc.entry, kT0), rc.kind) << rc.entry;
    if (rc.host == nullptr) {
      EXPECT_EQ(c.size(), 0u) << rc.entry;
      continue;
    }
    const AddressList* hit = c.lookup(rc.host, rc.port, kAny, kT0);
    ASSERT_NE(hit, nullptr) << rc.entry;
    EXPECT_EQ(ips(hit), rc.ips) << rc.entry;
    for (const Address& a : *hit) EXPECT_EQ(a.port(), rc.port) << rc.entry;
  }
}

TEST(DnsCacheResolveTest, EveryPrefixOfAValidEntry) {
  const std::string full = "+Example.com:8080:10.0.0.1,[2001:db8::1]";
  const std::string first_addr_end = "+Example.com:8080:10.0.0.1";
  for (std::size_t n = 0; n <= full.size(); ++n) {
    const std::string prefix = full.substr(0, n);
    DnsCache c;
    const Entry got = c.apply_resolve_entry(prefix, kT0);
    const bool complete =
        n == first_addr_end.size() || n == first_addr_end.size() + 1 || n == full.size();
    EXPECT_EQ(got, complete ? Entry::kAdded : Entry::kSyntaxError) << prefix;
    if (complete) {
      EXPECT_EQ(ips(c.lookup("example.com", 8080, kAny, kT0)).size(), n == full.size() ? 2u : 1u);
    }
  }
}

TEST(DnsCacheResolveTest, RemovalRemovesWhatWasAdded) {
  DnsCache c;
  EXPECT_EQ(c.apply_resolve_entry("vm:1:127.0.0.2", kT0), Entry::kAdded);
  EXPECT_EQ(c.apply_resolve_entry("-VM:1", kT0), Entry::kRemoved);
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.apply_resolve_entry("-vm:1", kT0), Entry::kRemoved);  // absent: still fine
  // A removal also removes an ordinary resolver answer for that key.
  c.add("host", 80, list_of({"10.0.0.1"}), kT0);
  EXPECT_EQ(c.apply_resolve_entry("-host:80", kT0), Entry::kRemoved);
  EXPECT_EQ(c.size(), 0u);
}

TEST(DnsCacheResolveTest, PlusEntriesTimeOutOthersDoNot) {
  DnsCache c;
  c.set_timeout(60);
  EXPECT_EQ(c.apply_resolve_entry("+timed:1:10.0.0.1", kT0), Entry::kAdded);
  EXPECT_EQ(c.apply_resolve_entry("fixed:1:10.0.0.2", kT0), Entry::kAdded);
  EXPECT_NE(c.lookup("timed", 1, kAny, kT0 + seconds(59)), nullptr);
  EXPECT_EQ(c.lookup("timed", 1, kAny, kT0 + seconds(60)), nullptr);
  EXPECT_NE(c.lookup("fixed", 1, kAny, kT0 + std::chrono::hours(48)), nullptr);
}

TEST(DnsCacheResolveTest, LaterEntryReplacesEarlier) {
  DnsCache c;
  c.apply_resolve_entry("vm:1:[::1],127.0.0.2", kT0);
  c.apply_resolve_entry("+vm:1:127.0.0.3", kT0);
  EXPECT_EQ(ips(c.lookup("vm", 1, kAny, kT0)), std::vector<std::string>{"127.0.0.3"});
}

TEST(DnsCacheResolveTest, LoadListStopsAtFirstSyntaxError) {
  curl_slist e4{const_cast<char*>("late:1:10.0.0.4"), nullptr};
  curl_slist e3{const_cast<char*>("vm:1:bogus"), &e4};
  curl_slist e2{const_cast<char*>("-bad"), &e3};  // ignored, not an error
  curl_slist e1{const_cast<char*>("early:1:10.0.0.1"), &e2};
  DnsCache c;
  std::string err;
  EXPECT_EQ(c.load_resolve_list(&e1, kT0, &err), CURLE_SETOPT_OPTION_SYNTAX);
  EXPECT_EQ(err, "Couldn't parse CURLOPT_RESOLVE entry 'vm:1:bogus'");
  EXPECT_NE(c.lookup("early", 1, kAny, kT0), nullptr);
  EXPECT_EQ(c.lookup("late", 1, kAny, kT0), nullptr);
  EXPECT_EQ(c.load_resolve_list(&e3, kT0, nullptr), CURLE_SETOPT_OPTION_SYNTAX);

  std::string untouched = "x";
  EXPECT_EQ(c.load_resolve_list(&e4, kT0, &untouched), CURLE_OK);
  EXPECT_EQ(untouched, "x");
  EXPECT_NE(c.lookup("late", 1, kAny, kT0), nullptr);
  EXPECT_EQ(c.load_resolve_list(nullptr, kT0, &err), CURLE_OK);
}

TEST(DnsCacheResolveTest, ErrorTextKeepsThePlus) {
  curl_slist e{const_cast<char*>("+"), nullptr};
  DnsCache c;
  std::string err;
  EXPECT_EQ(c.load_resolve_list(&e, kT0, &err), CURLE_SETOPT_OPTION_SYNTAX);
  EXPECT_EQ(err, "Couldn't parse CURLOPT_RESOLVE entry '+'");
}

}  // namespace
}  // namespace mcurl
