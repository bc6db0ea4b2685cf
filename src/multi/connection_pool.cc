#include "multi/connection_pool.h"

#include <algorithm>

namespace mcurl {

ConnectionPool::~ConnectionPool() { close_all(); }

Connection* ConnectionPool::add(std::unique_ptr<Connection> conn) {
  Connection* c = conn.get();
  ++per_host_[c->host_key()];
  Entry& e = entries_[c];
  e.conn = std::move(conn);
  c->set_in_use(true);
  return c;
}

void ConnectionPool::make_busy(Entry& e) {
  Connection* c = e.conn.get();
  idle_lru_.erase(e.lru);
  e.idle = false;
  auto it = idle_by_key_.find(c->key());
  if (it != idle_by_key_.end()) {
    auto& v = it->second;
    v.erase(std::find(v.begin(), v.end(), c));
    if (v.empty()) idle_by_key_.erase(it);
  }
  c->set_in_use(true);
}

Connection* ConnectionPool::take_idle(const std::string& key, Clock::time_point now, long max_age_s,
                                      long max_life_s) {
  auto it = idle_by_key_.find(key);
  while (it != idle_by_key_.end() && !it->second.empty()) {
    // 7.88.1 takes the first usable connection in creation order.
    Connection* c = *std::min_element(
        it->second.begin(), it->second.end(),
        [](const Connection* a, const Connection* b) { return a->number() < b->number(); });
    Entry& e = entries_[c];
    bool too_old = max_age_s > 0 && now - c->last_used() > std::chrono::seconds(max_age_s);
    bool too_long = max_life_s > 0 && now - c->created() > std::chrono::seconds(max_life_s);
    if (too_old || too_long || !tcp_is_alive(c->fd())) {
      close(c);  // may erase the key's vector
      it = idle_by_key_.find(key);
      continue;
    }
    make_busy(e);
    return c;
  }
  return nullptr;
}

bool ConnectionPool::prune(Clock::time_point now, long max_age_s, long max_life_s) {
  if (last_prune_ != Clock::time_point{} && now - last_prune_ < std::chrono::seconds(1)) {
    return false;
  }
  last_prune_ = now;
  std::vector<Connection*> dead;
  for (Connection* c : idle_lru_) {
    bool too_old = max_age_s > 0 && now - c->last_used() > std::chrono::seconds(max_age_s);
    bool too_long = max_life_s > 0 && now - c->created() > std::chrono::seconds(max_life_s);
    if (too_old || too_long || !tcp_is_alive(c->fd())) dead.push_back(c);
  }
  for (Connection* c : dead) close(c);
  return true;
}

void ConnectionPool::release(Connection* c, Clock::time_point now, std::size_t max_idle) {
  auto found = entries_.find(c);
  if (found == entries_.end()) return;
  c->set_in_use(false);
  if (!c->reusable() || c->fd() < 0) {
    close(c);
    return;
  }
  c->touch(now);
  Entry& e = found->second;
  e.idle = true;
  e.lru = idle_lru_.insert(idle_lru_.end(), c);
  idle_by_key_[c->key()].push_back(c);
  while (idle_lru_.size() > max_idle) close(idle_lru_.front());
}

void ConnectionPool::close(Connection* c) {
  auto found = entries_.find(c);
  if (found == entries_.end()) return;
  if (found->second.idle) make_busy(found->second);
  if (before_close_) before_close_(*c);
  c->close();
  erase(c);
}

std::unique_ptr<Connection> ConnectionPool::detach(Connection* c) {
  auto found = entries_.find(c);
  if (found == entries_.end() || found->second.idle) return nullptr;
  std::unique_ptr<Connection> owned = std::move(found->second.conn);
  erase(c);
  return owned;
}

void ConnectionPool::erase(Connection* c) {
  auto h = per_host_.find(c->host_key());
  if (h != per_host_.end() && --h->second == 0) per_host_.erase(h);
  entries_.erase(c);
}

const Connection* ConnectionPool::find_number(std::uint64_t number) const noexcept {
  for (const auto& [conn, entry] : entries_) {
    if (conn->number() == number) return conn;
  }
  return nullptr;
}

void ConnectionPool::close_all() {
  while (!entries_.empty()) close(entries_.begin()->first);
}

std::size_t ConnectionPool::count_for_host(const std::string& host_key) const {
  auto it = per_host_.find(host_key);
  return it == per_host_.end() ? 0 : it->second;
}

std::vector<Connection*> ConnectionPool::idle_connections() const {
  return {idle_lru_.begin(), idle_lru_.end()};
}

}  // namespace mcurl
