#include "multi/pool_use.h"

#include "multi/multi.h"
#include "multi/share.h"
#include "transfer/transfer.h"

namespace mcurl {

Share* connection_share(const Transfer& t) noexcept {
  Share* s = t.share();
  if (s == nullptr || !s->is_shared(CURL_LOCK_DATA_CONNECT) || s->connections() == nullptr) {
    return nullptr;
  }
  return s;
}

PoolUse::PoolUse(const Transfer& t, Multi& m) noexcept
    : share_(connection_share(t)),
      easy_(t.handle()),
      pool_(share_ != nullptr ? *share_->connections() : m.pool()) {
  if (share_ == nullptr) return;
  share_->lock(easy_, CURL_LOCK_DATA_CONNECT, CURL_LOCK_ACCESS_SINGLE);
  // A lambda holding one pointer fits std::function's local buffer: no allocation.
  Multi* mp = &m;
  pool_.set_before_close([mp](Connection& c) { mp->close_connection(c); });
}

PoolUse::~PoolUse() {
  if (share_ == nullptr) return;
  pool_.set_before_close(nullptr);
  share_->unlock(easy_, CURL_LOCK_DATA_CONNECT);
}

void touch_connection_lock(const Transfer& t) noexcept {
  if (Share* s = connection_share(t)) {
    s->lock(t.handle(), CURL_LOCK_DATA_CONNECT, CURL_LOCK_ACCESS_SINGLE);
    s->unlock(t.handle(), CURL_LOCK_DATA_CONNECT);
  }
}

}  // namespace mcurl
