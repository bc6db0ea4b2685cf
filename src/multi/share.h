// class Share: the engine behind a CURLSH* handle (curl_share_init).
//
// A share names which data kinds (cookies, DNS cache, TLS sessions, connections, PSL) the
// easy handles that point at it through CURLOPT_SHARE use together, and the application's
// lock callbacks that serialise access when those handles run in different threads.
// The DNS cache is shared (CURL_LOCK_DATA_DNS: transfers use dns() under the DNS lock
// instead of their multi's cache), so are cookies, TLS sessions and connections
// (CURL_LOCK_DATA_CONNECT: connections() replaces the multi's pool, used through PoolUse
// under the CONNECT lock, so a connection one multi left idle serves a transfer of
// another). curl_share_cleanup closes the connections left in it.
//
// Lifetime: owned by its Curl_share shell from curl_share_init to a successful
// curl_share_cleanup. Easy handles attach() when CURLOPT_SHARE points them here and
// detach() when they leave; while any is attached the share is "in use": setopt and
// cleanup answer CURLSHE_IN_USE (7.88.1).
#ifndef MCURL_MULTI_SHARE_H
#define MCURL_MULTI_SHARE_H

#include <memory>

#include <curl/curl.h>

#include "http/cookies.h"
#include "multi/connection_pool.h"
#include "tls/tls_context.h"
#include "net/dns_cache.h"

namespace mcurl {

class Share {
 public:
  Share() = default;
  ~Share();
  Share(const Share&) = delete;
  Share& operator=(const Share&) = delete;

  // CURLSHOPT_SHARE / CURLSHOPT_UNSHARE of `type` (a curl_lock_data value). Returns
  // CURLSHE_OK, CURLSHE_BAD_OPTION for a kind that cannot be shared, or CURLSHE_IN_USE.
  CURLSHcode share(int type) noexcept;
  CURLSHcode unshare(int type) noexcept;
  // CURLSHOPT_LOCKFUNC / UNLOCKFUNC / USERDATA. CURLSHE_IN_USE while attached.
  CURLSHcode set_lock_function(curl_lock_function fn) noexcept;
  CURLSHcode set_unlock_function(curl_unlock_function fn) noexcept;
  CURLSHcode set_user_data(void* data) noexcept;

  // True if `type` is shared through this handle.
  bool is_shared(curl_lock_data type) const noexcept;

  bool in_use() const noexcept { return users_ != 0; }
  void attach() noexcept { ++users_; }
  void detach() noexcept {
    if (users_ != 0) --users_;
  }

  // The TLS sessions of the handles that share CURL_LOCK_DATA_SSL_SESSION (made when that
  // kind is first shared; nullptr before).
  const std::shared_ptr<TlsSessionCache>& tls_sessions() const noexcept { return tls_sessions_; }
  // Their SSL_CTXs, one per TLS configuration (so the CA bundle is parsed once per share,
  // not once per handle).
  TlsContextCache& tls_contexts() noexcept { return tls_contexts_; }
  // The shared DNS cache (used when CURL_LOCK_DATA_DNS is shared; only between lock()
  // and unlock() of CURL_LOCK_DATA_DNS).
  DnsCache& dns() noexcept { return dns_; }
  // The cookies of the handles that share CURL_LOCK_DATA_COOKIE (nullptr while that kind
  // is not shared). Used under the CURL_LOCK_DATA_COOKIE lock.
  CookieJar* cookies() const noexcept { return cookies_.get(); }
  // The connections of the handles that share CURL_LOCK_DATA_CONNECT (made when that kind
  // is first shared and kept until the share ends, as 7.88.1 keeps them after
  // CURLSHOPT_UNSHARE; nullptr before). Used through PoolUse (multi/pool_use.h).
  ConnectionPool* connections() const noexcept { return connections_.get(); }

  // Call the application's lock / unlock callback, if set. These call into the
  // application and may block.
  void lock(CURL* easy, curl_lock_data type, curl_lock_access access) const noexcept;
  void unlock(CURL* easy, curl_lock_data type) const noexcept;

 private:
  unsigned kinds_ = 1u << CURL_LOCK_DATA_SHARE;  // the share itself is always "shared"
  // TlsSessionCache::LockHook for the shared session cache.
  static void session_lock_hook(void* data, CURL* easy, bool lock) noexcept;
  curl_lock_function lock_fn_ = nullptr;
  curl_unlock_function unlock_fn_ = nullptr;
  void* user_data_ = nullptr;
  unsigned users_ = 0;
  std::shared_ptr<TlsSessionCache> tls_sessions_;
  TlsContextCache tls_contexts_;
  DnsCache dns_;
  std::unique_ptr<CookieJar> cookies_;
  std::unique_ptr<ConnectionPool> connections_;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_SHARE_H
