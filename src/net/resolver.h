// class Resolver: asynchronous getaddrinfo() on worker threads, reported through an
// eventfd the engine hands to the application like any other socket.
//
// One Resolver per Multi. The engine first asks the DNS cache, then
// resolve_without_thread() (address.h: numeric hosts, localhost names); only what is
// left comes here. The lifetime rules are numbered in docs/internals/RESOLVER.md.
//
// Thread affinity: every public method is for the multi's thread only (the thread
// that currently drives the Multi). Worker threads run getaddrinfo and touch nothing
// but the job they own and the shared queue, under its mutex. No callback of any kind
// (engine or application) is made from a worker thread: results are delivered by
// drain(), on the multi's thread.
//
// The eventfd (fd()) is readable exactly while finished results wait for drain(),
// with one exception: a job cancelled after it finished and before drain() leaves
// the fd readable until the next drain(), which then delivers nothing. The engine
// must therefore treat a readable fd with nothing to deliver as normal.
//
// Behaviour of libcurl 7.88.1 (threaded resolver, Debian build), checked against the
// system libcurl with a getaddrinfo interposer:
//   - hints: ai_family AF_INET for CURL_IPRESOLVE_V4, AF_UNSPEC otherwise (also for
//     CURL_IPRESOLVE_V6; the connect step filters families), AF_INET when the host
//     cannot create IPv6 sockets; ai_socktype SOCK_STREAM; ai_flags 0 (no
//     AI_ADDRCONFIG); the service is the decimal port.
//   - failure text: "Could not resolve host: NAME" (CURLE_COULDNT_RESOLVE_HOST) for
//     every getaddrinfo error; the engine rewrites "host" to "proxy" for proxy names.
//
// Tests: tests/unit/net/resolver_test.cc
#ifndef MCURL_NET_RESOLVER_H
#define MCURL_NET_RESOLVER_H

#include <curl/curl.h>

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "net/address.h"

namespace mcurl {

// The outcome of one lookup.
struct ResolveResult {
  // CURLE_OK (then `addresses` is non-empty), CURLE_COULDNT_RESOLVE_HOST, or
  // CURLE_OUT_OF_MEMORY if the worker could not allocate the answer.
  CURLcode result = CURLE_OK;
  // In getaddrinfo's order, each with the job's port.
  AddressList addresses;
  // Empty on success; else libcurl's text, e.g. "Could not resolve host: x.invalid".
  std::string error;
  // The getaddrinfo return code (0 on success; EAI_* otherwise), for tracing.
  int gai_error = 0;
};

class Resolver {
 public:
  // The blocking lookup a worker runs. Must be thread-safe; may block for as long as
  // it likes. Returns 0 and fills `out` (ports need not be set), or an EAI_* code.
  // `family` is AF_INET or AF_UNSPEC (see the hints above). The default calls
  // getaddrinfo(); tests substitute a fake (a name that must fail without sending a
  // DNS query, a lookup that blocks until released).
  using LookupFn =
      std::function<int(const std::string& host, int port, int family, AddressList& out)>;

  // 0 is never a job id: start() returns it when it cannot start a lookup.
  static constexpr uint64_t kNoJob = 0;
  static constexpr unsigned kDefaultMaxThreads = 4;

  // No thread and no fd are created here (both are made on first need).
  // `max_threads` is clamped to at least 1. `lookup` empty: use getaddrinfo().
  explicit Resolver(unsigned max_threads = kDefaultMaxThreads, LookupFn lookup = {});

  // Discards every queued, running and finished job without calling anything, closes
  // the eventfd, joins idle workers and detaches any worker still inside a lookup; a
  // detached worker keeps the shared state alive on its own, touches nothing of this
  // object, writes to no fd, and exits when its lookup returns. Returns promptly even
  // when a getaddrinfo() call hangs. The engine must have told the application
  // CURL_POLL_REMOVE for fd() before destroying the Resolver.
  ~Resolver();

  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // The eventfd (EFD_NONBLOCK | EFD_CLOEXEC), created on the first call of fd() or
  // start(); -1 if it could not be created. Owned by the Resolver: the caller must not
  // close it. The same fd for the Resolver's whole life.
  int fd() const;

  // Queues a lookup of `host` for `transfer_id`; `ip_version` is the transfer's
  // CURLOPT_IPRESOLVE (CURL_IPRESOLVE_WHATEVER / _V4 / _V6). Starts a worker if none
  // is idle and fewer than max_threads exist. Returns the job id (unique for this
  // Resolver, increasing, never 0), or kNoJob if no eventfd could be created or no
  // worker exists and none could be started (7.88.1: "getaddrinfo() thread failed to
  // start", CURLE_COULDNT_RESOLVE_HOST). Throws std::bad_alloc (nothing queued then).
  uint64_t start(std::string host, int port, long ip_version, uint32_t transfer_id);

  // Forgets `job`: its result will never be delivered. Unknown, finished-and-delivered
  // or already cancelled ids are ignored. A running getaddrinfo is not interrupted;
  // its answer is dropped when it returns. Never blocks on a lookup.
  void cancel(uint64_t job) noexcept;

  // Call when fd() is readable (calling at other times is harmless). Resets the
  // eventfd, then calls on_result(uint32_t transfer_id, uint64_t job_id,
  // ResolveResult&& result) once for every job that finished and is not cancelled, in
  // completion order. on_result may call start() and cancel() (a job cancelled from
  // inside on_result is not delivered afterwards, even if it finished in the same
  // batch); jobs finishing meanwhile wait for the next drain(). If on_result throws,
  // the rest of this batch is lost (and stays "pending"), so it should not: the
  // engine's dispatch point is noexcept. Returns the number of results delivered.
  template <class F>
  std::size_t drain(F&& on_result);

  // True while some started job has neither been delivered nor cancelled. O(1).
  bool has_pending() const noexcept { return !live_.empty(); }
  std::size_t pending_count() const noexcept { return live_.size(); }

  // Worker threads started so far (they stay until ~Resolver). For tests and traces.
  std::size_t thread_count() const noexcept { return threads_.size(); }

  // "Could not resolve host: NAME" (7.88.1 failf text).
  static std::string error_text(const std::string& host);

 private:
  // One lookup. Owned by exactly one place at a time: the shared queue, the worker
  // running it, the shared done list, or a drain() batch; moved between them by
  // std::list::splice, which never allocates (so a worker never meets bad_alloc
  // while handing a result over).
  struct Job {
    uint64_t id = 0;
    uint32_t transfer_id = 0;
    std::string host;
    int port = 0;
    int family = 0;          // AF_INET or AF_UNSPEC
    bool cancelled = false;  // GUARDED_BY(Shared::mu)
    ResolveResult result;    // written by the worker running it, read after handover
  };
  using JobList = std::list<std::unique_ptr<Job>>;
  struct Shared;

  // Non-template half of drain(): resets the eventfd and moves every finished job out
  // of the shared state, in completion order. Never throws.
  JobList take_finished() noexcept;
  // Starts one worker; false if the thread could not be created.
  bool spawn_worker() noexcept;

  std::shared_ptr<Shared> shared_;  // also held by every worker thread
  std::vector<std::thread> threads_;
  unsigned max_threads_;
  uint64_t next_id_ = 1;
  // Jobs started and neither delivered nor cancelled. Multi-thread only.
  std::unordered_set<uint64_t> live_;
};

template <class F>
std::size_t Resolver::drain(F&& on_result) {
  JobList batch = take_finished();
  std::size_t delivered = 0;
  for (std::unique_ptr<Job>& job : batch) {
    // Re-validate: cancelled before the batch was taken, or by an earlier on_result.
    if (live_.erase(job->id) == 0) continue;
    ++delivered;
    on_result(job->transfer_id, job->id, std::move(job->result));
  }
  return delivered;
}

}  // namespace mcurl

#endif  // MCURL_NET_RESOLVER_H
