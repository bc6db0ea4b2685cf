#include "multi/share.h"

#include <new>

namespace mcurl {
namespace {

// The kinds 7.88.1 (Debian's build) accepts for CURLSHOPT_SHARE. PSL is accepted (mcurl
// has no public suffix list, so there is nothing to share) and HSTS too.
bool is_shareable(int type) {
  switch (type) {
    case CURL_LOCK_DATA_COOKIE:
    case CURL_LOCK_DATA_DNS:
    case CURL_LOCK_DATA_SSL_SESSION:
    case CURL_LOCK_DATA_CONNECT:
    case CURL_LOCK_DATA_PSL:
    case CURL_LOCK_DATA_HSTS:
      return true;
    default:
      return false;
  }
}

// 7.88.1's CURLSHOPT_UNSHARE knows one kind fewer: unsharing PSL answers
// CURLSHE_BAD_OPTION (tests/conformance/share.c).
bool is_unshareable(int type) { return type != CURL_LOCK_DATA_PSL && is_shareable(type); }

}  // namespace

CURLSHcode Share::share(int type) noexcept {
  if (in_use()) return CURLSHE_IN_USE;
  if (!is_shareable(type)) return CURLSHE_BAD_OPTION;
  if (type == CURL_LOCK_DATA_SSL_SESSION && !tls_sessions_) {
    try {
      tls_sessions_ = std::make_shared<TlsSessionCache>();
    } catch (const std::bad_alloc&) {
      return CURLSHE_NOMEM;
    }
    tls_sessions_->set_lock_hook(&Share::session_lock_hook, this);
  }
  if (type == CURL_LOCK_DATA_COOKIE && !cookies_) {
    try {
      cookies_ = std::make_unique<CookieJar>();
    } catch (const std::bad_alloc&) {
      return CURLSHE_NOMEM;
    }
  }
  if (type == CURL_LOCK_DATA_CONNECT && !connections_) {
    try {
      connections_ = std::make_unique<ConnectionPool>();
    } catch (const std::bad_alloc&) {
      return CURLSHE_NOMEM;
    }
  }
  kinds_ |= 1u << type;
  return CURLSHE_OK;
}

CURLSHcode Share::unshare(int type) noexcept {
  if (in_use()) return CURLSHE_IN_USE;
  // 7.88.1 clears the kind before it checks it: unsharing CURL_LOCK_DATA_SHARE answers
  // CURLSHE_BAD_OPTION, yet the share's own lock is no longer called when handles join or
  // leave (tests/conformance/share.c).
  if (type >= 0 && type < 32) kinds_ &= ~(1u << type);
  if (!is_unshareable(type)) return CURLSHE_BAD_OPTION;
  if (type == CURL_LOCK_DATA_COOKIE) cookies_.reset();
  return CURLSHE_OK;
}

CURLSHcode Share::set_lock_function(curl_lock_function fn) noexcept {
  if (in_use()) return CURLSHE_IN_USE;
  lock_fn_ = fn;
  return CURLSHE_OK;
}

CURLSHcode Share::set_unlock_function(curl_unlock_function fn) noexcept {
  if (in_use()) return CURLSHE_IN_USE;
  unlock_fn_ = fn;
  return CURLSHE_OK;
}

CURLSHcode Share::set_user_data(void* data) noexcept {
  if (in_use()) return CURLSHE_IN_USE;
  user_data_ = data;
  return CURLSHE_OK;
}

bool Share::is_shared(curl_lock_data type) const noexcept {
  return type >= 0 && type < CURL_LOCK_DATA_LAST && (kinds_ & (1u << type)) != 0;
}

Share::~Share() {
  // A connection may keep the session cache after the share is gone.
  if (tls_sessions_) tls_sessions_->set_lock_hook(nullptr, nullptr);
}

void Share::session_lock_hook(void* data, CURL* easy, bool lock) noexcept {
  const auto* share = static_cast<const Share*>(data);
  if (lock) {
    share->lock(easy, CURL_LOCK_DATA_SSL_SESSION, CURL_LOCK_ACCESS_SINGLE);
  } else {
    share->unlock(easy, CURL_LOCK_DATA_SSL_SESSION);
  }
}

void Share::lock(CURL* easy, curl_lock_data type, curl_lock_access access) const noexcept {
  if (lock_fn_ != nullptr) lock_fn_(easy, type, access, user_data_);
}

void Share::unlock(CURL* easy, curl_lock_data type) const noexcept {
  if (unlock_fn_ != nullptr) unlock_fn_(easy, type, user_data_);
}

}  // namespace mcurl
