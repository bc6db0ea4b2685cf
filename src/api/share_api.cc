// curl_share_init, curl_share_setopt, curl_share_cleanup.
#include <cstdarg>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/global.h"

extern "C" {

MCURL_EXPORT CURLSH* curl_share_init(void) {
  return mcurl::api::guarded<CURLSH*>([] {
    mcurl::global::ensure_init();
    return static_cast<CURLSH*>(new Curl_share);
  });
}
MCURL_SYMVER(curl_share_init);

MCURL_EXPORT CURLSHcode curl_share_setopt(CURLSH* h, CURLSHoption option, ...) {
  va_list ap;
  va_start(ap, option);
  CURLSHcode result = mcurl::api::enter_share(h, CURLSHE_INVALID, [&](Curl_share& s) {
    mcurl::Share& share = s.engine;
    // Each option's argument type is fixed by curl_share_setopt(3); read it once here.
    switch (option) {
      case CURLSHOPT_SHARE:
        return share.share(va_arg(ap, int));
      case CURLSHOPT_UNSHARE:
        return share.unshare(va_arg(ap, int));
      case CURLSHOPT_LOCKFUNC:
        return share.set_lock_function(va_arg(ap, curl_lock_function));
      case CURLSHOPT_UNLOCKFUNC:
        return share.set_unlock_function(va_arg(ap, curl_unlock_function));
      case CURLSHOPT_USERDATA:
        return share.set_user_data(va_arg(ap, void*));
      default:
        return share.in_use() ? CURLSHE_IN_USE : CURLSHE_BAD_OPTION;
    }
  });
  va_end(ap);
  return result;
}
MCURL_SYMVER(curl_share_setopt);

MCURL_EXPORT CURLSHcode curl_share_cleanup(CURLSH* h) {
  return mcurl::api::enter_share(h, CURLSHE_INVALID, [&](Curl_share& s) {
    // 7.88.1 takes the share's own lock around the check, and refuses while easy handles
    // still use it.
    s.engine.lock(nullptr, CURL_LOCK_DATA_SHARE, CURL_LOCK_ACCESS_SINGLE);
    if (s.engine.in_use()) {
      s.engine.unlock(nullptr, CURL_LOCK_DATA_SHARE);
      return CURLSHE_IN_USE;
    }
    s.engine.unlock(nullptr, CURL_LOCK_DATA_SHARE);
    mcurl::api::destroy_shell(&s);
    return CURLSHE_OK;
  });
}
MCURL_SYMVER(curl_share_cleanup);

}  // extern "C"
