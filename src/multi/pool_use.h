// class PoolUse: the connection pool one transfer uses, for the length of one call.
//
// A transfer whose CURLOPT_SHARE shares CURL_LOCK_DATA_CONNECT uses the share's pool,
// under the share's CONNECT lock (the application's lock callback with
// CURL_LOCK_ACCESS_SINGLE, unlocked when this object ends); any other transfer uses its
// multi's pool, with no lock. While held, a shared pool closes sockets through the
// transfer's multi, so that multi's socket callback hears CURL_POLL_REMOVE for a socket
// it watches before the descriptor closes (idle connections are watched by no multi).
//
// Use: PoolUse(t, m).pool().release(...), or a scope around a few calls. Never keep the
// reference past the object.
//
// Thread affinity: the transfer's multi's thread; the lock callback serialises threads.
#ifndef MCURL_MULTI_POOL_USE_H
#define MCURL_MULTI_POOL_USE_H

#include <curl/curl.h>

#include "multi/connection_pool.h"

namespace mcurl {

class Multi;
class Share;
class Transfer;

// The share whose connection pool `t` uses (CURL_LOCK_DATA_CONNECT shared), or nullptr.
Share* connection_share(const Transfer& t) noexcept;

class PoolUse {
 public:
  PoolUse(const Transfer& t, Multi& m) noexcept;
  ~PoolUse();
  PoolUse(const PoolUse&) = delete;
  PoolUse& operator=(const PoolUse&) = delete;

  ConnectionPool& pool() noexcept { return pool_; }
  bool is_shared() const noexcept { return share_ != nullptr; }

 private:
  Share* share_;
  CURL* easy_;
  ConnectionPool& pool_;
};

// One lock / unlock of the share's CONNECT data with no pool work: 7.88.1 takes the lock
// at a few more places of a transfer (adding the handle, checking sizes), and
// applications that count lock calls see the same number. Nothing when `t` shares no
// connections.
void touch_connection_lock(const Transfer& t) noexcept;

}  // namespace mcurl

#endif  // MCURL_MULTI_POOL_USE_H
