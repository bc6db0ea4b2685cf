// class ConnectionPool: every connection of one Multi, in use or idle, and the reuse rules.
//
// Ownership: the pool owns every Connection (unique_ptr) from add() until it closes it.
// Transfers borrow connections: take_idle()/add() hand one out marked in use, release()
// takes it back (to the idle set when it is reusable, closed otherwise).
//
// Before closing a socket the pool calls the `before_close` hook the Multi installed, so
// the socket callback hears CURL_POLL_REMOVE while the descriptor is still open (the
// Multi's hook also closes it, inside a callback scope for CURLOPT_CLOSESOCKETFUNCTION).
//
// Cost: take_idle, release and the limit checks are O(1) on average (hash maps keyed by
// the connection key and by host); eviction pops the least recently used idle connection.
//
// Thread affinity: the multi's thread.
#ifndef MCURL_MULTI_CONNECTION_POOL_H
#define MCURL_MULTI_CONNECTION_POOL_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "net/connection.h"

namespace mcurl {

class ConnectionPool {
 public:
  using Clock = Connection::Clock;

  ConnectionPool() = default;
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Called with each connection just before its socket is closed.
  void set_before_close(std::function<void(Connection&)> hook) { before_close_ = std::move(hook); }

  // Takes ownership of a new connection, marked in use. Returns it.
  Connection* add(std::unique_ptr<Connection> conn);

  // Returns the most recently used idle connection with `key` that is still alive, marked
  // in use, or nullptr. Dead or too old ones met on the way are closed. `max_age_s` is
  // CURLOPT_MAXAGE_CONN (idle time), `max_life_s` CURLOPT_MAXLIFETIME_CONN (0: no limit).
  Connection* take_idle(const std::string& key, Clock::time_point now, long max_age_s,
                        long max_life_s);

  // Gives a connection back. A reusable one becomes idle (the oldest idle connections are
  // closed while more than `max_idle` are idle); any other is closed.
  void release(Connection* conn, Clock::time_point now, std::size_t max_idle);

  // Closes a connection at once (in use or idle).
  void close(Connection* conn);

  // Gives up ownership of an in-use connection (CURLOPT_CONNECT_ONLY: the easy handle
  // keeps it for curl_easy_send / curl_easy_recv). Returns nullptr if it is not ours.
  std::unique_ptr<Connection> detach(Connection* conn);

  // Closes every connection (curl_multi_cleanup).
  void close_all();

  // Closes every idle connection that is dead or past `max_age_s` / `max_life_s`, at most
  // once a second (7.88.1's pruning before each new transfer's connection choice).
  // Returns true if it ran (it was due).
  bool prune(Clock::time_point now, long max_age_s, long max_life_s);

  // The number for the next connection made for this pool (Connection::number(): the
  // "#N" of verbose texts, unique among the pool's connections).
  std::uint64_t next_number() noexcept { return next_number_++; }

  std::size_t total() const noexcept { return entries_.size(); }
  // The connection with this number (Connection::number()), or nullptr. O(connections).
  const Connection* find_number(std::uint64_t number) const noexcept;
  std::size_t idle_count() const noexcept { return idle_lru_.size(); }
  std::size_t count_for_host(const std::string& host_key) const;

  // Every idle connection's socket, for curl_multi_perform's liveness checks and tests.
  std::vector<Connection*> idle_connections() const;

 private:
  struct Entry {
    std::unique_ptr<Connection> conn;
    std::list<Connection*>::iterator lru;  // valid while idle
    bool idle = false;
  };

  void make_busy(Entry& e);
  void erase(Connection* conn);

  std::unordered_map<Connection*, Entry> entries_;
  // Idle connections by key, most recently released last.
  std::unordered_map<std::string, std::vector<Connection*>> idle_by_key_;
  std::list<Connection*> idle_lru_;  // least recently released first
  std::unordered_map<std::string, std::size_t> per_host_;
  std::function<void(Connection&)> before_close_;
  std::uint64_t next_number_ = 0;
  Clock::time_point last_prune_{};  // never: the first prune() runs
};

}  // namespace mcurl

#endif  // MCURL_MULTI_CONNECTION_POOL_H
