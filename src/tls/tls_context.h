// class TlsContext: one OpenSSL SSL_CTX set up for one TlsConfig: protocol versions,
// ciphers, curves, ALPN, the CA store (the bundle file is parsed here, once), the CRL,
// the client certificate and key, peer verification and the client session cache hook.
//
// class TlsContextCache: a Multi's (or a share's) contexts by configuration key, so that
// every connection with the same configuration shares one SSL_CTX. A configuration with
// CURLOPT_SSL_CTX_FUNCTION gets a fresh context per connection (7.88.1 calls that
// callback once per connection, with a context the application may change).
//
// class TlsSessionCache: the SSL_SESSIONs a Multi (or a share with
// CURL_LOCK_DATA_SSL_SESSION) keeps for resumption, by connection key (destination plus
// configuration: a session made without verification must never resume a connection that
// verifies). It locks itself, so handles of one share may run in different threads.
//
// Ownership: shared_ptr, because a CURLOPT_CONNECT_ONLY connection may outlive its Multi.
// Thread affinity: the multi's thread.
#ifndef MCURL_TLS_TLS_CONTEXT_H
#define MCURL_TLS_TLS_CONTEXT_H

#include <openssl/ssl.h>

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <curl/curl.h>

#include "tls/tls_config.h"

namespace mcurl {

class TlsContext {
 public:
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  // Builds a context for `cfg`. On failure returns the CURLcode 7.88.1 gives for that
  // setting (CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
  // CURLE_SSL_CRL_BADFILE, CURLE_OUT_OF_MEMORY) and the
  // error text in *text.
  static CURLcode create(const TlsConfig& cfg, std::shared_ptr<TlsContext>* out, std::string* text);

  SSL_CTX* get() const noexcept { return ctx_; }

 private:
  TlsContext() = default;
  CURLcode setup(const TlsConfig& cfg, std::string* text);
  CURLcode load_trust(const TlsConfig& cfg, std::string* text);
  CURLcode load_client_cert(const TlsConfig& cfg, std::string* text);

  SSL_CTX* ctx_ = nullptr;
  std::string password_;  // CURLOPT_KEYPASSWD, read by OpenSSL's password callback
};

class TlsContextCache {
 public:
  TlsContextCache() = default;
  TlsContextCache(const TlsContextCache&) = delete;
  TlsContextCache& operator=(const TlsContextCache&) = delete;

  // The context for `cfg` (whose key is `key`), made on first use.
  CURLcode get(const TlsConfig& cfg, const std::string& key, std::shared_ptr<TlsContext>* out,
               std::string* text);
  void clear() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    contexts_.clear();
  }

 private:
  std::mutex mutex_;  // a share's cache serves handles in several threads
  std::unordered_map<std::string, std::shared_ptr<TlsContext>> contexts_;
};

class TlsSessionCache {
 public:
  TlsSessionCache() = default;
  ~TlsSessionCache();
  TlsSessionCache(const TlsSessionCache&) = delete;
  TlsSessionCache& operator=(const TlsSessionCache&) = delete;

  // The application's lock around each use of a share's cache: fn(data, easy, true)
  // before, fn(data, easy, false) after (7.88.1 locks CURL_LOCK_DATA_SSL_SESSION, single
  // access, once per lookup, store and removal). Set by the owning share, cleared (nullptr)
  // when the share goes; `easy` is the handle doing the work (may be nullptr).
  using LockHook = void (*)(void* data, CURL* easy, bool lock) noexcept;
  void set_lock_hook(LockHook fn, void* data) noexcept {
    lock_hook_ = fn;
    lock_data_ = data;
  }

  // The session kept for `key` with a reference for the caller (SSL_SESSION_free it), or
  // nullptr.
  SSL_SESSION* find(const std::string& key, CURL* easy = nullptr) const;
  // Keeps `session` for `key`, taking over the caller's reference; replaces an older one.
  // On std::bad_alloc the caller keeps its reference.
  void store(const std::string& key, SSL_SESSION* session, CURL* easy = nullptr);
  // Forgets the session of `key` (it failed to resume or the connection failed).
  void forget(const std::string& key, CURL* easy = nullptr) noexcept;
  std::size_t size() const noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    return sessions_.size();
  }

 private:
  static constexpr std::size_t kMaxSessions = 256;
  struct Entry {
    SSL_SESSION* session;
    std::list<std::string>::iterator age;
  };
  // The application's lock for the duration of one call (nothing without a hook).
  class AppLock {
   public:
    AppLock(const TlsSessionCache& c, CURL* easy) noexcept : c_(c), easy_(easy) {
      if (c_.lock_hook_ != nullptr) c_.lock_hook_(c_.lock_data_, easy_, true);
    }
    ~AppLock() {
      if (c_.lock_hook_ != nullptr) c_.lock_hook_(c_.lock_data_, easy_, false);
    }
    AppLock(const AppLock&) = delete;
    AppLock& operator=(const AppLock&) = delete;

   private:
    const TlsSessionCache& c_;
    CURL* easy_;
  };
  LockHook lock_hook_ = nullptr;
  void* lock_data_ = nullptr;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> sessions_;
  std::list<std::string> order_;  // keys, oldest first, for eviction
  void forget_locked(const std::string& key) noexcept;
};

}  // namespace mcurl

#endif  // MCURL_TLS_TLS_CONTEXT_H
