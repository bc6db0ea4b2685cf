// Tests for src/net/resolver.h: worker threads, eventfd signalling, cancel, drain,
// destruction while lookups hang.
//
// Real getaddrinfo() is only asked about names this machine answers itself
// ("localhost" from /etc/hosts, numeric addresses): a name that must fail (x.invalid)
// would go to the configured DNS server, so failures use a substituted lookup.
#include "net/resolver.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <netdb.h>
#include <poll.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace mcurl {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct Delivered {
  uint32_t transfer_id;
  uint64_t job_id;
  ResolveResult result;
};

bool is_readable(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  return poll(&p, 1, timeout_ms) == 1 && (p.revents & POLLIN) != 0;
}

// Waits on fd() and drains until nothing is pending or `limit` has passed.
std::vector<Delivered> drain_all(Resolver& r, milliseconds limit = milliseconds(10000)) {
  std::vector<Delivered> out;
  const auto deadline = Clock::now() + limit;
  while (r.has_pending() && Clock::now() < deadline) {
    if (!is_readable(r.fd(), 50)) continue;
    r.drain([&](uint32_t tid, uint64_t jid, ResolveResult&& res) {
      out.push_back(Delivered{tid, jid, std::move(res)});
    });
  }
  return out;
}

std::vector<std::string> ips(const AddressList& list) {
  std::vector<std::string> out;
  for (const Address& a : list) out.push_back(a.ip_string());
  return out;
}

// A substituted lookup: "fail*" names fail with EAI_NONAME, others get 10.0.0.N where
// N is the number after "h" ("h17" → 10.0.0.17). Records the family it was asked for.
// The counters live in shared state the lookup owns a reference to, so a worker
// detached by ~Resolver never touches a dead test object.
struct FakeDns {
  struct State {
    std::atomic<int> calls{0};
    std::atomic<int> last_family{-1};
  };
  std::shared_ptr<State> state = std::make_shared<State>();
  int calls() const { return state->calls; }
  int last_family() const { return state->last_family; }
  Resolver::LookupFn fn() {
    return [s = state](const std::string& host, int, int family, AddressList& out) {
      ++s->calls;
      s->last_family = family;
      if (host.rfind("fail", 0) == 0) return EAI_NONAME;
      if (host == "empty") return 0;
      if (host == "oom") throw std::bad_alloc();
      const std::string ip = "10.0.0." + host.substr(1);
      out.push_back(*parse_address_strict(ip, 0));
      return 0;
    };
  }
};

// A lookup that blocks until opened; shared so that a detached worker can still use it
// after the test body has returned.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  int entered = 0;
  int returned = 0;

  void release() {
    std::lock_guard<std::mutex> lock(mu);
    open = true;
    cv.notify_all();
  }
  bool wait_entered(int n, milliseconds limit = milliseconds(5000)) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, limit, [&] { return entered >= n; });
  }
  bool wait_returned(int n, milliseconds limit = milliseconds(5000)) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, limit, [&] { return returned >= n; });
  }
  static Resolver::LookupFn fn(std::shared_ptr<Gate> g) {
    return [g](const std::string&, int, int, AddressList& out) {
      std::unique_lock<std::mutex> lock(g->mu);
      ++g->entered;
      g->cv.notify_all();
      g->cv.wait(lock, [&] { return g->open; });
      out.push_back(*parse_address_strict("10.9.9.9", 0));
      ++g->returned;
      g->cv.notify_all();
      return 0;
    };
  }
};

// ---- basics ------------------------------------------------------------------------

TEST(ResolverTest, NothingCreatedUntilNeeded) {
  Resolver r;
  EXPECT_EQ(r.thread_count(), 0u);
  EXPECT_FALSE(r.has_pending());
  EXPECT_EQ(r.pending_count(), 0u);
  EXPECT_EQ(r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL(); }), 0u);
}

TEST(ResolverTest, EventfdIsStableNonBlockingAndCloseOnExec) {
  int fd = -1;
  {
    Resolver r;
    fd = r.fd();
    ASSERT_GE(fd, 0);
    EXPECT_EQ(r.fd(), fd);
    EXPECT_NE(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
    EXPECT_NE(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
    EXPECT_FALSE(is_readable(fd, 0));
    EXPECT_EQ(r.thread_count(), 0u);
  }
  // Closed by the destructor.
  EXPECT_EQ(fcntl(fd, F_GETFD), -1);
  EXPECT_EQ(errno, EBADF);
}

TEST(ResolverTest, ErrorText) {
  EXPECT_EQ(Resolver::error_text("x.invalid"), "Could not resolve host: x.invalid");
}

TEST(ResolverTest, RealGetaddrinfoLocalhost) {
  Resolver r;
  const uint64_t id = r.start("localhost", 8080, CURL_IPRESOLVE_WHATEVER, 7);
  ASSERT_NE(id, Resolver::kNoJob);
  EXPECT_TRUE(r.has_pending());
  auto got = drain_all(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].transfer_id, 7u);
  EXPECT_EQ(got[0].job_id, id);
  const ResolveResult& res = got[0].result;
  EXPECT_EQ(res.result, CURLE_OK);
  EXPECT_TRUE(res.error.empty());
  ASSERT_FALSE(res.addresses.empty());
  const auto v = ips(res.addresses);
  EXPECT_NE(std::find(v.begin(), v.end(), "127.0.0.1"), v.end());
  for (const Address& a : res.addresses) EXPECT_EQ(a.port(), 8080);
  EXPECT_FALSE(r.has_pending());
}

TEST(ResolverTest, RealGetaddrinfoNumericAndV4Only) {
  Resolver r;
  r.start("127.0.0.1", 1, CURL_IPRESOLVE_WHATEVER, 1);
  r.start("localhost", 2, CURL_IPRESOLVE_V4, 2);
  auto got = drain_all(r);
  ASSERT_EQ(got.size(), 2u);
  for (const Delivered& d : got) {
    ASSERT_EQ(d.result.result, CURLE_OK);
    EXPECT_FALSE(d.result.addresses.has_family(AF_INET6)) << d.transfer_id;
    EXPECT_EQ(ips(d.result.addresses)[0], "127.0.0.1");
    EXPECT_EQ(d.result.addresses[0].port(), static_cast<int>(d.transfer_id));
  }
}

TEST(ResolverTest, FailureGivesLibcurlText) {
  FakeDns dns;
  Resolver r(2, dns.fn());
  r.start("fail.invalid", 80, CURL_IPRESOLVE_WHATEVER, 3);
  r.start("empty", 80, CURL_IPRESOLVE_WHATEVER, 4);
  r.start("oom", 80, CURL_IPRESOLVE_WHATEVER, 5);
  auto got = drain_all(r);
  ASSERT_EQ(got.size(), 3u);
  std::map<uint32_t, const ResolveResult*> by_tid;
  for (const Delivered& d : got) by_tid[d.transfer_id] = &d.result;
  EXPECT_EQ(by_tid[3]->result, CURLE_COULDNT_RESOLVE_HOST);
  EXPECT_EQ(by_tid[3]->error, "Could not resolve host: fail.invalid");
  EXPECT_EQ(by_tid[3]->gai_error, EAI_NONAME);
  EXPECT_TRUE(by_tid[3]->addresses.empty());
  EXPECT_EQ(by_tid[4]->result, CURLE_COULDNT_RESOLVE_HOST);  // "success" with no address
  EXPECT_EQ(by_tid[4]->error, "Could not resolve host: empty");
  EXPECT_EQ(by_tid[5]->result, CURLE_OUT_OF_MEMORY);
}

TEST(ResolverTest, HintsFamilyFollowsIpResolveLike7881) {
  FakeDns dns;
  Resolver r(1, dns.fn());
  const int unspec_or_v4 = ipv6_works() ? AF_UNSPEC : AF_INET;
  r.start("h1", 1, CURL_IPRESOLVE_V4, 1);
  drain_all(r);
  EXPECT_EQ(dns.last_family(), AF_INET);
  r.start("h1", 1, CURL_IPRESOLVE_V6, 1);  // 7.88.1 asks AF_UNSPEC here too
  drain_all(r);
  EXPECT_EQ(dns.last_family(), unspec_or_v4);
  r.start("h1", 1, CURL_IPRESOLVE_WHATEVER, 1);
  drain_all(r);
  EXPECT_EQ(dns.last_family(), unspec_or_v4);
}

TEST(ResolverTest, JobIdsAreUniqueIncreasingNonZero) {
  FakeDns dns;
  Resolver r(2, dns.fn());
  uint64_t prev = 0;
  for (int i = 0; i < 20; ++i) {
    const uint64_t id = r.start("h" + std::to_string(i), 1, CURL_IPRESOLVE_WHATEVER, 0);
    EXPECT_GT(id, prev);
    prev = id;
  }
  EXPECT_EQ(drain_all(r).size(), 20u);
}

// ---- eventfd semantics -------------------------------------------------------------

TEST(ResolverTest, FdReadableExactlyWhileResultsWait) {
  auto gate = std::make_shared<Gate>();
  Resolver r(1, Gate::fn(gate));
  r.start("a", 1, CURL_IPRESOLVE_WHATEVER, 1);
  ASSERT_TRUE(gate->wait_entered(1));
  EXPECT_FALSE(is_readable(r.fd(), 20));  // running, not finished
  gate->release();
  ASSERT_TRUE(is_readable(r.fd(), 5000));
  EXPECT_TRUE(is_readable(r.fd(), 0));  // level-triggered until drained
  std::size_t n = r.drain([](uint32_t tid, uint64_t, ResolveResult&& res) {
    EXPECT_EQ(tid, 1u);
    EXPECT_EQ(ips(res.addresses), std::vector<std::string>{"10.9.9.9"});
  });
  EXPECT_EQ(n, 1u);
  EXPECT_FALSE(is_readable(r.fd(), 0));
  EXPECT_FALSE(r.has_pending());
  EXPECT_EQ(r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL(); }), 0u);  // spurious: ok
}

TEST(ResolverTest, CompletionOrderWithOneWorker) {
  FakeDns dns;
  Resolver r(1, dns.fn());  // one worker: results complete in queue order
  for (int i = 1; i <= 5; ++i) r.start("h" + std::to_string(i), 1, CURL_IPRESOLVE_WHATEVER, i);
  std::vector<uint32_t> order;
  std::size_t wakeups = 0;
  const auto deadline = Clock::now() + milliseconds(5000);
  while (order.size() < 5 && Clock::now() < deadline) {
    if (!is_readable(r.fd(), 50)) continue;
    ++wakeups;
    // Every wakeup delivers at least one result: no spurious readiness here.
    EXPECT_GE(r.drain([&](uint32_t tid, uint64_t, ResolveResult&&) { order.push_back(tid); }), 1u);
  }
  EXPECT_EQ(order, (std::vector<uint32_t>{1, 2, 3, 4, 5}));
  EXPECT_LE(wakeups, 5u);
  EXPECT_FALSE(is_readable(r.fd(), 0));
}

// ---- cancel ------------------------------------------------------------------------

TEST(ResolverTest, CancelWhileRunningDropsResultAndDoesNotSignal) {
  auto gate = std::make_shared<Gate>();
  Resolver r(1, Gate::fn(gate));
  const uint64_t id = r.start("a", 1, CURL_IPRESOLVE_WHATEVER, 1);
  ASSERT_TRUE(gate->wait_entered(1));
  r.cancel(id);
  EXPECT_FALSE(r.has_pending());
  gate->release();
  ASSERT_TRUE(gate->wait_returned(1));
  EXPECT_FALSE(is_readable(r.fd(), 100));
  EXPECT_EQ(r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL(); }), 0u);
  r.cancel(id);     // twice: ignored
  r.cancel(12345);  // unknown: ignored
  r.cancel(Resolver::kNoJob);
}

TEST(ResolverTest, CancelQueuedJobNeverRuns) {
  auto gate = std::make_shared<Gate>();
  Resolver r(1, Gate::fn(gate));
  r.start("a", 1, CURL_IPRESOLVE_WHATEVER, 1);
  ASSERT_TRUE(gate->wait_entered(1));
  const uint64_t queued = r.start("b", 1, CURL_IPRESOLVE_WHATEVER, 2);
  r.cancel(queued);
  gate->release();
  auto got = drain_all(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].transfer_id, 1u);
  std::this_thread::sleep_for(milliseconds(50));
  std::lock_guard<std::mutex> lock(gate->mu);
  EXPECT_EQ(gate->entered, 1);  // "b" was skipped by the worker
}

TEST(ResolverTest, CancelAfterFinishBeforeDrain) {
  FakeDns dns;
  Resolver r(1, dns.fn());
  const uint64_t id = r.start("h1", 1, CURL_IPRESOLVE_WHATEVER, 1);
  ASSERT_TRUE(is_readable(r.fd(), 5000));
  r.cancel(id);
  EXPECT_FALSE(r.has_pending());
  // The documented spurious wakeup: readable, nothing delivered, then quiet.
  EXPECT_EQ(r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL(); }), 0u);
  EXPECT_FALSE(is_readable(r.fd(), 0));
}

TEST(ResolverTest, CancelFromInsideOnResult) {
  FakeDns dns;
  Resolver r(1, dns.fn());
  const uint64_t a = r.start("h1", 1, CURL_IPRESOLVE_WHATEVER, 1);
  const uint64_t b = r.start("h2", 1, CURL_IPRESOLVE_WHATEVER, 2);
  const auto deadline = Clock::now() + milliseconds(5000);
  while (dns.calls() < 2 && Clock::now() < deadline) std::this_thread::sleep_for(milliseconds(1));
  std::this_thread::sleep_for(milliseconds(20));
  std::vector<uint64_t> seen;
  r.drain([&](uint32_t, uint64_t job, ResolveResult&&) {
    seen.push_back(job);
    r.cancel(job == a ? b : a);  // the other one must not arrive
  });
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_FALSE(r.has_pending());
  EXPECT_EQ(r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL(); }), 0u);
}

TEST(ResolverTest, StartFromInsideOnResult) {
  FakeDns dns;
  Resolver r(2, dns.fn());
  r.start("h1", 1, CURL_IPRESOLVE_WHATEVER, 1);
  std::vector<uint32_t> seen;
  const auto deadline = Clock::now() + milliseconds(5000);
  while ((r.has_pending() || seen.size() < 2) && Clock::now() < deadline) {
    if (!is_readable(r.fd(), 50)) continue;
    r.drain([&](uint32_t tid, uint64_t, ResolveResult&&) {
      seen.push_back(tid);
      if (tid == 1) r.start("h2", 1, CURL_IPRESOLVE_WHATEVER, 2);
    });
  }
  EXPECT_EQ(seen, (std::vector<uint32_t>{1, 2}));
}

// ---- concurrency -------------------------------------------------------------------

TEST(ResolverTest, HundredJobsCancelHalfFake) {
  FakeDns dns;
  Resolver r(8, dns.fn());
  std::map<uint64_t, uint32_t> jobs;
  for (uint32_t i = 0; i < 100; ++i) {
    jobs[r.start("h" + std::to_string(i), 443, CURL_IPRESOLVE_WHATEVER, i)] = i;
  }
  EXPECT_LE(r.thread_count(), 8u);
  EXPECT_GE(r.thread_count(), 1u);
  std::set<uint32_t> expected;
  for (const auto& [id, tid] : jobs) {
    if (tid % 2 == 0) {
      r.cancel(id);
    } else {
      expected.insert(tid);
    }
  }
  EXPECT_EQ(r.pending_count(), 50u);
  auto got = drain_all(r);
  std::set<uint32_t> seen;
  for (const Delivered& d : got) {
    EXPECT_TRUE(seen.insert(d.transfer_id).second) << "delivered twice: " << d.transfer_id;
    EXPECT_EQ(jobs.at(d.job_id), d.transfer_id);
    ASSERT_EQ(d.result.result, CURLE_OK);
    EXPECT_EQ(ips(d.result.addresses),
              std::vector<std::string>{"10.0.0." + std::to_string(d.transfer_id)});
    EXPECT_EQ(d.result.addresses[0].port(), 443);
  }
  EXPECT_EQ(seen, expected);
  EXPECT_FALSE(r.has_pending());
  std::this_thread::sleep_for(milliseconds(20));
  r.drain([](uint32_t, uint64_t, ResolveResult&&) { FAIL() << "cancelled job delivered"; });
  EXPECT_FALSE(is_readable(r.fd(), 0));
}

TEST(ResolverTest, HundredJobsCancelHalfRealGetaddrinfo) {
  Resolver r(4);
  std::map<uint64_t, uint32_t> jobs;
  for (uint32_t i = 0; i < 100; ++i) {
    jobs[r.start(i % 3 == 0 ? "127.0.0.1" : "localhost", 80, CURL_IPRESOLVE_WHATEVER, i)] = i;
  }
  EXPECT_LE(r.thread_count(), 4u);
  std::size_t cancelled = 0;
  for (const auto& [id, tid] : jobs) {
    if (tid % 2 == 1) {
      r.cancel(id);
      ++cancelled;
    }
  }
  auto got = drain_all(r);
  EXPECT_EQ(got.size(), 100u - cancelled);
  for (const Delivered& d : got) {
    EXPECT_EQ(d.transfer_id % 2, 0u);
    EXPECT_EQ(d.result.result, CURLE_OK);
  }
  EXPECT_FALSE(r.has_pending());
}

TEST(ResolverTest, ThreadCapAndLazySpawn) {
  auto gate = std::make_shared<Gate>();
  Resolver r(2, Gate::fn(gate));
  r.start("a", 1, CURL_IPRESOLVE_WHATEVER, 1);
  EXPECT_EQ(r.thread_count(), 1u);
  for (uint32_t i = 2; i <= 6; ++i) r.start("x", 1, CURL_IPRESOLVE_WHATEVER, i);
  EXPECT_EQ(r.thread_count(), 2u);
  ASSERT_TRUE(gate->wait_entered(2));
  gate->release();
  EXPECT_EQ(drain_all(r).size(), 6u);
  EXPECT_EQ(r.thread_count(), 2u);
}

TEST(ResolverTest, BurstCountsAStartingWorkerAsIdle) {
  auto gate = std::make_shared<Gate>();
  Resolver r(4, Gate::fn(gate));
  r.start("a", 1, CURL_IPRESOLVE_WHATEVER, 1);  // one worker, maybe not yet waiting
  r.start("b", 1, CURL_IPRESOLVE_WHATEVER, 2);  // one more is needed for two jobs
  EXPECT_EQ(r.thread_count(), 2u);
  ASSERT_TRUE(gate->wait_entered(2));
  r.start("c", 1, CURL_IPRESOLVE_WHATEVER, 3);  // both busy: a third
  EXPECT_EQ(r.thread_count(), 3u);
  gate->release();
  EXPECT_EQ(drain_all(r).size(), 3u);
  r.start("d", 1, CURL_IPRESOLVE_WHATEVER, 4);  // three idle now: no new thread
  EXPECT_EQ(drain_all(r).size(), 1u);
  EXPECT_EQ(r.thread_count(), 3u);
}

TEST(ResolverTest, SequentialJobsReuseOneWorker) {
  FakeDns dns;
  Resolver r(4, dns.fn());
  for (int i = 0; i < 10; ++i) {
    r.start("h1", 1, CURL_IPRESOLVE_WHATEVER, 0);
    ASSERT_EQ(drain_all(r).size(), 1u);
  }
  EXPECT_EQ(r.thread_count(), 1u);
}

// ---- destruction -------------------------------------------------------------------

TEST(ResolverTest, DestroyWhileLookupHangsReturnsPromptly) {
  auto gate = std::make_shared<Gate>();
  auto r = std::make_unique<Resolver>(3, Gate::fn(gate));
  for (uint32_t i = 0; i < 10; ++i) r->start("slow", 1, CURL_IPRESOLVE_WHATEVER, i);
  ASSERT_TRUE(gate->wait_entered(3));
  const auto t0 = Clock::now();
  r.reset();
  EXPECT_LT(Clock::now() - t0, milliseconds(500));
  // Let the detached workers finish their lookups against freed... nothing: they hold
  // the shared state. (Under ASan this would report any use of the dead Resolver.)
  gate->release();
  EXPECT_TRUE(gate->wait_returned(3));
  std::this_thread::sleep_for(milliseconds(50));
  std::lock_guard<std::mutex> lock(gate->mu);
  EXPECT_EQ(gate->entered, 3);  // the 7 queued jobs were discarded, never run
}

TEST(ResolverTest, DestroyWithUndrainedResultsAndIdleWorkers) {
  FakeDns dns;
  {
    Resolver r(4, dns.fn());
    for (int i = 0; i < 50; ++i) r.start("h" + std::to_string(i), 1, CURL_IPRESOLVE_WHATEVER, 0);
    ASSERT_TRUE(is_readable(r.fd(), 5000));
  }  // joins idle workers, frees finished jobs: ASan/LSan check the rest
  SUCCEED();
}

TEST(ResolverTest, DestroyRightAfterStart) {
  for (int round = 0; round < 20; ++round) {
    Resolver r(4);
    for (int i = 0; i < 8; ++i) r.start("localhost", 1, CURL_IPRESOLVE_WHATEVER, 0);
  }
  SUCCEED();
}

}  // namespace
}  // namespace mcurl
