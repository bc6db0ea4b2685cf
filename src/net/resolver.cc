// Resolver: worker threads + eventfd. See resolver.h and docs/internals/RESOLVER.md.
#include "net/resolver.h"

#include <netdb.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <new>
#include <unordered_map>

namespace mcurl {

// State shared by the Resolver and its workers. Held through shared_ptr by both, so a
// worker detached by ~Resolver while inside getaddrinfo still has valid state to
// return to (lifetime rule 3 in RESOLVER.md).
struct Resolver::Shared {
  explicit Shared(LookupFn fn) : lookup(std::move(fn)) {}

  const LookupFn lookup;  // immutable after construction: read without the lock

  std::mutex mu;
  std::condition_variable wake;  // workers wait here for a job or for `stopping`

  JobList queue;                             // GUARDED_BY(mu)
  JobList done;                              // GUARDED_BY(mu)
  std::unordered_map<uint64_t, Job*> by_id;  // GUARDED_BY(mu): queued/running/done
  std::vector<char> busy;                    // GUARDED_BY(mu): per worker, in lookup
  std::size_t idle = 0;   // GUARDED_BY(mu): workers waiting, or started and not yet waiting
  bool stopping = false;  // GUARDED_BY(mu)
  int efd = -1;           // GUARDED_BY(mu): created and closed by the Resolver, written by workers
};

namespace {

// The default lookup: getaddrinfo with 7.88.1's hints (resolver.h).
int system_lookup(const std::string& host, int port, int family, AddressList& out) {
  addrinfo hints{};
  hints.ai_family = family;
  hints.ai_socktype = SOCK_STREAM;
  char service[16];
  std::snprintf(service, sizeof(service), "%d", port);
  addrinfo* res = nullptr;
  const int rc = getaddrinfo(host.c_str(), service, &hints, &res);
  if (rc != 0) return rc;
  try {
    out = AddressList::from_addrinfo(res);
  } catch (...) {
    freeaddrinfo(res);
    throw;
  }
  freeaddrinfo(res);
  return 0;
}

// Runs one blocking lookup and stores its outcome in `result`. Called on a worker
// thread without the lock; touches only its job's fields and the immutable lookup.
void run_lookup(const Resolver::LookupFn& lookup, const std::string& host, int port, int family,
                ResolveResult& result) noexcept {
  try {
    AddressList list;
    int rc = lookup ? lookup(host, port, family, list) : system_lookup(host, port, family, list);
    if (rc == 0 && list.empty()) rc = EAI_NONAME;
    if (rc == 0) {
      list.set_port(port);
      result.addresses = std::move(list);
      return;
    }
    result.result = CURLE_COULDNT_RESOLVE_HOST;
    result.gai_error = rc;
    result.error = Resolver::error_text(host);
  } catch (const std::bad_alloc&) {
    result = ResolveResult{};
    result.result = CURLE_OUT_OF_MEMORY;
  } catch (...) {
    // A substituted lookup that throws: report a plain failure.
    result = ResolveResult{};
    result.result = CURLE_COULDNT_RESOLVE_HOST;
  }
}

}  // namespace

std::string Resolver::error_text(const std::string& host) {
  return "Could not resolve host: " + host;
}

Resolver::Resolver(unsigned max_threads, LookupFn lookup)
    : shared_(std::make_shared<Shared>(std::move(lookup))),
      max_threads_(max_threads == 0 ? 1 : max_threads) {}

Resolver::~Resolver() {
  Shared& sh = *shared_;
  std::vector<char> busy;  // reserved outside the lock below
  busy.reserve(threads_.size());
  JobList discarded;  // freed after the lock is released
  {
    std::lock_guard<std::mutex> lock(sh.mu);
    sh.stopping = true;
    discarded.splice(discarded.end(), sh.queue);
    discarded.splice(discarded.end(), sh.done);
    sh.by_id.clear();
    if (sh.efd >= 0) {
      close(sh.efd);
      sh.efd = -1;
    }
    busy = sh.busy;  // a copy: detached workers still write their own slot
  }
  sh.wake.notify_all();
  for (std::size_t i = 0; i < threads_.size(); ++i) {
    // An idle worker wakes, sees `stopping` and returns at once: join it. A worker
    // inside a lookup may take minutes: let it finish on its own (lifetime rule 3).
    const bool in_lookup = i < busy.size() && busy[i] != 0;
    if (in_lookup) {
      threads_[i].detach();
    } else {
      threads_[i].join();
    }
  }
}

int Resolver::fd() const {
  Shared& sh = *shared_;
  std::lock_guard<std::mutex> lock(sh.mu);
  if (sh.efd < 0 && !sh.stopping) sh.efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  return sh.efd;
}

// Tests: tests/unit/net/resolver_test.cc (Start*, ThreadCap*, SpawnFailure*)
uint64_t Resolver::start(std::string host, int port, long ip_version, uint32_t transfer_id) {
  if (fd() < 0) return kNoJob;
  Shared& sh = *shared_;

  // Allocate everything first (rule: allocate, then commit).
  JobList node;
  node.push_back(std::make_unique<Job>());
  Job* job = node.front().get();
  job->id = next_id_;
  job->transfer_id = transfer_id;
  job->host = std::move(host);
  job->port = port;
  job->family = (ip_version != CURL_IPRESOLVE_V4 && ipv6_works()) ? AF_UNSPEC : AF_INET;
  live_.insert(job->id);  // may throw: nothing to undo yet

  bool need_worker = false;
  {
    std::lock_guard<std::mutex> lock(sh.mu);
    try {
      sh.by_id.emplace(job->id, job);
    } catch (...) {
      live_.erase(job->id);
      throw;
    }
    // No failure beyond this point.
    sh.queue.splice(sh.queue.end(), node);
    need_worker = sh.idle < sh.queue.size() && threads_.size() < max_threads_;
  }
  const uint64_t id = next_id_++;
  sh.wake.notify_one();

  if (need_worker && !spawn_worker() && threads_.empty()) {
    // Nobody will ever run it: take it back.
    cancel(id);
    return kNoJob;
  }
  return id;
}

bool Resolver::spawn_worker() noexcept {
  Shared& sh = *shared_;
  std::size_t index = 0;
  bool counted = false;  // ++idle done on the new thread's behalf
  try {
    threads_.reserve(threads_.size() + 1);
    {
      std::lock_guard<std::mutex> lock(sh.mu);
      index = threads_.size();
      if (sh.busy.size() <= index) sh.busy.resize(index + 1, 0);
      // Counted as idle from now on, so that a burst of start() calls does not create
      // a thread per job before the first one reaches its wait.
      ++sh.idle;
      counted = true;
    }
    threads_.emplace_back([state = shared_, index] {
      Shared& s = *state;
      std::unique_lock<std::mutex> lock(s.mu);
      for (bool first = true;; first = false) {
        if (!first) ++s.idle;  // the spawner counted the first round
        s.wake.wait(lock, [&s] { return s.stopping || !s.queue.empty(); });
        --s.idle;
        if (s.stopping) return;
        JobList mine;
        mine.splice(mine.end(), s.queue, s.queue.begin());
        Job& job = *mine.front();
        if (job.cancelled) continue;  // freed here, under the lock: cheap
        s.busy[index] = 1;
        lock.unlock();
        run_lookup(s.lookup, job.host, job.port, job.family, job.result);
        lock.lock();
        s.busy[index] = 0;
        if (s.stopping || job.cancelled) continue;  // result dropped; loop sees stopping
        const bool was_empty = s.done.empty();
        s.done.splice(s.done.end(), mine);
        if (was_empty && s.efd >= 0) {
          const uint64_t one = 1;
          // Cannot fail short of a counter overflow (impossible: reset on every drain).
          [[maybe_unused]] const ssize_t n = write(s.efd, &one, sizeof(one));
        }
      }
    });
    return true;
  } catch (...) {
    // std::system_error (no thread) or std::bad_alloc: the thread does not exist.
    if (counted) {
      std::lock_guard<std::mutex> lock(sh.mu);
      --sh.idle;
    }
    return false;
  }
}

// Tests: tests/unit/net/resolver_test.cc (Cancel*)
void Resolver::cancel(uint64_t job) noexcept {
  if (live_.erase(job) == 0) return;
  Shared& sh = *shared_;
  std::lock_guard<std::mutex> lock(sh.mu);
  const auto it = sh.by_id.find(job);
  if (it == sh.by_id.end()) return;  // already taken by drain(): live_ check covers it
  it->second->cancelled = true;
  sh.by_id.erase(it);
}

Resolver::JobList Resolver::take_finished() noexcept {
  Shared& sh = *shared_;
  JobList batch;
  std::lock_guard<std::mutex> lock(sh.mu);
  if (sh.efd >= 0) {
    uint64_t count = 0;
    // EAGAIN when nothing was signalled: fine, drain() may be called any time.
    [[maybe_unused]] const ssize_t n = read(sh.efd, &count, sizeof(count));
  }
  batch.splice(batch.end(), sh.done);
  for (const auto& job : batch) sh.by_id.erase(job->id);
  return batch;
}

}  // namespace mcurl
