// class Multi: the engine behind a CURLM* handle, and behind curl_easy_perform.
//
// A Multi runs the transfers added to it on the application's event loop: it tells the
// application which sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to call back
// (CURLMOPT_TIMERFUNCTION), steps only the transfers a socket event or an expired
// deadline concerns, and queues a CURLMSG_DONE message for each finished transfer.
//
// Ownership (STYLE.md §5): the application owns the Transfers (easy handles); the Multi
// refers to them by id through its TransferTable and never frees them. The Multi owns the
// connection pool, the resolver and the DNS cache. Each Transfer embeds its timer node,
// its expire set and its message node, so scheduling allocates nothing.
//
// Re-entrancy: every call into the application happens inside a CallbackScope; the API
// guards read in_callback() to give 7.88.1's CURLM_RECURSIVE_API_CALL answers. After a
// callback the engine re-reads what it holds by id (the application may have removed a
// handle from inside a callback where that is allowed).
//
// Cost: socket_action is O(1) per socket event plus O(log n) per deadline change;
// perform, fdset, wait and poll scan the added transfers by definition.
//
// Thread affinity: one thread at a time (libcurl-thread.3), except wakeup(), which any
// thread may call.
//
// Tests: tests/integration/*, tests/conformance/multi_*.c; docs/internals/MULTI.md
#ifndef MCURL_MULTI_MULTI_H
#define MCURL_MULTI_MULTI_H

#include <poll.h>
#include <sys/select.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <curl/curl.h>

#include "multi/connection_pool.h"
#include "multi/message_queue.h"
#include "multi/pollset.h"
#include "multi/socket_registry.h"
#include "multi/timer_tree.h"
#include "multi/transfer_table.h"
#include "net/dns_cache.h"
#include "net/resolver.h"
#include "tls/tls_context.h"
#include "util/clock.h"
#include "util/url.h"

namespace mcurl {

class Transfer;

// What curl_multi_setopt stores (CURLMOPT_*), with 7.88.1's defaults.
struct MultiOptions {
  curl_socket_callback socket_fn = nullptr;
  void* socket_data = nullptr;
  curl_multi_timer_callback timer_fn = nullptr;
  void* timer_data = nullptr;
  curl_push_callback push_fn = nullptr;
  void* push_data = nullptr;
  long pipelining = CURLPIPE_MULTIPLEX;
  long max_connects = 0;  // 0: four times the number of added handles
  long max_host_connections = 0;
  long max_total_connections = 0;
  long max_concurrent_streams = 100;
};

class Multi {
 public:
  // `for_easy_perform`: the private multi of curl_easy_perform (its idle pool size
  // follows the handle's CURLOPT_MAXCONNECTS).
  explicit Multi(bool for_easy_perform = false);
  ~Multi();
  Multi(const Multi&) = delete;
  Multi& operator=(const Multi&) = delete;

  MultiOptions& options() noexcept { return options_; }

  // The application's handle for this multi (what the timer callback gets).
  CURLM* handle() const noexcept { return handle_; }
  void set_handle(CURLM* h) noexcept { handle_ = h; }

  // True while the application is inside any callback this multi made (socket, timer,
  // write, header, read, progress, debug, …), at any nesting depth.
  bool in_callback() const noexcept { return callback_depth_ > 0; }

  // RAII marker around every call into the application; nesting is counted, so an early
  // return or an exception can never leave the flag set (docs/internals/GUARDS.md).
  class CallbackScope {
   public:
    explicit CallbackScope(Multi& m) noexcept : m_(m) { ++m_.callback_depth_; }
    ~CallbackScope() { --m_.callback_depth_; }
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;

   private:
    Multi& m_;
  };

  // --- the multi interface (each returns the CURLMcode 7.88.1 returns) -----------------

  // curl_multi_add_handle: CURLM_ADDED_ALREADY if `t` is in a multi,
  // CURLM_ABORTED_BY_CALLBACK if this multi is dead. Calls the timer callback.
  CURLMcode add(Transfer& t);
  // curl_multi_remove_handle of a transfer added here. May call the socket and timer
  // callbacks.
  CURLMcode remove(Transfer& t);
  CURLMcode perform(int* running);
  CURLMcode socket_action(curl_socket_t fd, int ev_bitmask, int* running);
  CURLMcode socket_all(int* running);
  CURLMcode timeout(long* timeout_ms);
  CURLMcode fdset(fd_set* read_set, fd_set* write_set, fd_set* exc_set, int* max_fd);
  // curl_multi_wait (`is_poll` false) and curl_multi_poll (true).
  CURLMcode wait(curl_waitfd* extra, unsigned n_extra, int timeout_ms, int* numfds, bool is_poll);
  CURLMcode wakeup() noexcept;
  CURLMsg* info_read(int* msgs_in_queue);
  CURLMcode assign(curl_socket_t fd, void* socketp);
  // curl_multi_cleanup: detaches every added transfer (they stay the application's),
  // closes every connection (socket callback REMOVE where announced).
  void shutdown();

  // --- what transfers use ---------------------------------------------------------

  // The multi's cached time, refreshed at the start of every API call.
  TimePoint now() const noexcept { return now_; }
  TimePoint refresh_now() noexcept { return now_ = clock_->now(); }
  ConnectionPool& pool() noexcept { return pool_; }
  const ConnectionPool& pool() const noexcept { return pool_; }
  Resolver& resolver() noexcept { return resolver_; }
  DnsCache& dns_cache() noexcept { return dns_; }
  // One SSL_CTX per TLS configuration, and the sessions kept for resumption.
  TlsContextCache& tls_contexts() noexcept { return tls_contexts_; }
  const std::shared_ptr<TlsSessionCache>& tls_sessions() const noexcept { return tls_sessions_; }
  // The most idle connections to keep (CURLMOPT_MAXCONNECTS or its default).
  std::size_t max_idle_connections() const noexcept;
  // True if a new connection to `host_key` may be opened now (CURLMOPT_MAX_TOTAL /
  // MAX_HOST_CONNECTIONS, counted in `pool`: this multi's or the transfer's share's);
  // otherwise the transfer waits in the pending state.
  bool may_open_connection(const std::string& host_key, const ConnectionPool& pool) const;
  // A transfer starts (+1) or stops (-1) opening a connection to `host_key`; opening ones
  // count against the connection limits like open ones.
  void count_opening(const std::string& host_key, int delta);
  // A connection slot was freed: pending transfers get another try.
  void wake_pending() noexcept;
  // The socket is about to be closed: tell the application (REMOVE) first if needed.
  void socket_closing(int fd) noexcept;
  // Closes a pooled connection's socket for this multi: socket_closing, then the close
  // (which may call CURLOPT_CLOSESOCKETFUNCTION) inside a callback scope. The pools'
  // before-close hook.
  void close_connection(Connection& c) noexcept;
  // A transfer's deadlines changed: reschedules its timer node.
  void reschedule(Transfer& t) noexcept;
  // `t` must be stepped from the event loop soon (timer callback 0 where needed).
  void run_soon(Transfer& t) noexcept;
  // For curl_easy_perform's loop: the sockets to poll and the time to wait.
  void collect_pollfds(std::vector<::pollfd>& out) const;
  std::optional<TimePoint> next_deadline() const noexcept { return timers_.earliest(); }
  // The transfer added with `id`, or nullptr.
  Transfer* transfer(std::uint32_t id) const noexcept { return transfers_.get(id); }
  std::size_t added_count() const noexcept { return transfers_.size(); }
  bool is_dead() const noexcept { return dead_; }
  // Runs every transfer now (curl_multi_perform's core, without its checks).
  void run_all();
  // Tells the application's timer callback about a changed earliest deadline (-1: none
  // left). `forget_last`: forget what was told before, so the current deadline is told
  // again (7.88.1 does this after an add and after a CURL_SOCKET_TIMEOUT call).
  CURLMcode update_timer(bool forget_last);
  // Steps one transfer and applies its new socket and timer needs.
  void run_transfer(Transfer& t);
  // The receive buffer every transfer of this multi reads into: a transfer hands the
  // bytes on (or copies what it keeps) before its step ends, so one buffer serves all
  // and an idle or waiting transfer owns none. Returns at least `size` bytes, or nullptr
  // while it is lent (a callback reentered the engine): the caller uses its own then.
  char* borrow_recv_buffer(std::size_t size);
  void return_recv_buffer() noexcept { recv_lent_ = false; }
  // The URL option parsed last, with its parse flags: transfers that run the same URL
  // again (a reused handle, or many handles to one URL) copy it instead of parsing.
  struct ParsedUrl {
    std::string text;
    unsigned flags = 0;
    bool valid = false;
    Url url;
  };
  ParsedUrl& last_parsed_url() noexcept { return last_url_; }

 private:
  friend class Transfer;

  // Applies `t`'s new pollset to the registry and tells the application the changes.
  void sync_sockets(Transfer& t);
  // Calls the socket callback for `fd` if the registry says something changed.
  void announce(int fd, CURL* easy);
  // Marks the multi dead (a callback returned -1).
  void die() noexcept;
  // Steps every transfer whose deadline has passed.
  void run_expired();
  // Drains the resolver and steps the transfers whose lookups finished.
  void run_resolver();
  void detach(Transfer& t, bool by_cleanup);
  void finish_call(int* running, CURLMcode mresult);

  MultiOptions options_;
  CURLM* handle_ = nullptr;
  const Clock* clock_;
  TimePoint now_{};
  unsigned callback_depth_ = 0;
  bool for_easy_perform_;
  bool dead_ = false;
  CURLMcode pending_error_ = CURLM_OK;  // a callback failure to report from this call
  TransferTable<Transfer> transfers_;
  std::size_t alive_ = 0;  // added and not yet done
  TimerTree timers_;
  SocketRegistry sockets_;
  MessageQueue messages_;
  TlsContextCache tls_contexts_;
  std::shared_ptr<TlsSessionCache> tls_sessions_ = std::make_shared<TlsSessionCache>();
  ConnectionPool pool_;
  Resolver resolver_;
  DnsCache dns_;
  std::vector<std::uint32_t> pending_;  // transfers waiting for a connection slot
  std::size_t opening_total_ = 0;
  std::unordered_map<std::string, std::size_t> opening_per_host_;
  // curl_multi_perform makes no socket callbacks (7.88.1): the registry is kept, the
  // announcements wait for the next socket_action.
  bool quiet_sockets_ = false;
  std::vector<std::uint32_t> scratch_ids_;
  std::vector<std::uint32_t> event_ids_;  // socket_action's users of one socket
  std::optional<TimePoint> last_timer_;   // the deadline last told to the timer callback
  bool timer_told_ = false;               // the timer callback was ever called with >= 0
  int wakeup_fd_ = -1;                    // eventfd for curl_multi_wakeup / curl_multi_poll
  std::unique_ptr<char[]> recv_buf_;
  std::size_t recv_buf_size_ = 0;
  bool recv_lent_ = false;
  ParsedUrl last_url_;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_MULTI_H
