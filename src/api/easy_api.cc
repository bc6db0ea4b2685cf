// curl_easy_*: handle life cycle, setopt, getinfo, option introspection, and (until the
// engine lands) the transfer entry points answering what 7.88.1 answers for a handle
// that has no transfer and no connection.
#include <cstdarg>
#include <new>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "api/handles.h"
#include "api/varargs.h"
#include "transfer/option_table.h"
#include "util/global.h"

using mcurl::api::EasyFn;

extern "C" {

MCURL_EXPORT CURL* curl_easy_init(void) {
  return mcurl::api::guarded<CURL*>([]() -> CURL* {
    // libcurl initialises the library itself when the application did not.
    mcurl::global::ensure_init();
    auto* s = new Curl_easy;
    s->engine.set_handle(s);
    return s;
  });
}
MCURL_SYMVER(curl_easy_init);

MCURL_EXPORT void curl_easy_cleanup(CURL* handle) {
  Curl_easy* s = mcurl::api::easy_shell(handle);
  if (s == nullptr) return;  // NULL is fine
  // From inside one of its own multi's callbacks the handle is in use on the stack:
  // refuse (no free, no crash), as libcurl's API guards do (BEHAVIOUR.md item 35).
  if (s->engine.in_callback()) return;
  mcurl::api::guarded<void>([&] {
    // A handle still added to a multi is removed from it first (7.88.1, item 34).
    s->engine.leave_multi();
    // Cookies are written back to CURLOPT_COOKIEJAR under the share's cookie lock, which
    // 7.88.1 takes at cleanup whether or not a jar is set.
    s->engine.flush_cookies(true);
    s->engine.set_share(nullptr);
    mcurl::api::destroy_shell(s);
  });
}
MCURL_SYMVER(curl_easy_cleanup);

MCURL_EXPORT CURLcode curl_easy_setopt(CURL* handle, CURLoption option, ...) {
  va_list ap;
  va_start(ap, option);
  const mcurl::OptArg arg = mcurl::api::read_setopt_arg(option, ap);
  va_end(ap);
  return mcurl::api::enter_easy(handle, EasyFn::Setopt, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) -> CURLcode {
                                  if (option == CURLOPT_SHARE) {
                                    // 7.88.1 detaches from the old share and attaches only to a
                                    // valid new one.
                                    Curl_share* share = mcurl::api::share_shell(arg.p);
                                    s.engine.set_share(share != nullptr ? &share->engine : nullptr);
                                    return CURLE_OK;
                                  }
                                  return s.engine.setopt(option, arg);
                                });
}
MCURL_SYMVER(curl_easy_setopt);

MCURL_EXPORT CURLcode curl_easy_getinfo(CURL* handle, CURLINFO info, ...) {
  va_list ap;
  va_start(ap, info);
  // Every info's argument is a pointer; its pointee type follows the info's type bits.
  void* out = va_arg(ap, void*);
  va_end(ap);
  return mcurl::api::enter_easy(handle, EasyFn::Getinfo, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) { return s.engine.getinfo(info, out); });
}
MCURL_SYMVER(curl_easy_getinfo);

MCURL_EXPORT void curl_easy_reset(CURL* handle) {
  Curl_easy* s = mcurl::api::easy_shell(handle);
  if (s == nullptr) return;
  mcurl::api::guarded<void>([&] { s->engine.reset(); });
}
MCURL_SYMVER(curl_easy_reset);

MCURL_EXPORT CURL* curl_easy_duphandle(CURL* handle) {
  return mcurl::api::enter_easy(handle, EasyFn::Duphandle, static_cast<CURL*>(nullptr),
                                [&](Curl_easy& s) -> CURL* {
                                  auto* copy = new Curl_easy;
                                  copy->engine.set_handle(copy);
                                  if (!copy->engine.copy_settings_from(s.engine)) {
                                    mcurl::api::destroy_shell(copy);
                                    return nullptr;
                                  }
                                  return copy;
                                });
}
MCURL_SYMVER(curl_easy_duphandle);

MCURL_EXPORT const struct curl_easyoption* curl_easy_option_by_name(const char* name) {
  return mcurl::option_table::by_name(name);
}
MCURL_SYMVER(curl_easy_option_by_name);

MCURL_EXPORT const struct curl_easyoption* curl_easy_option_by_id(CURLoption id) {
  return mcurl::option_table::by_id(id);
}
MCURL_SYMVER(curl_easy_option_by_id);

MCURL_EXPORT const struct curl_easyoption* curl_easy_option_next(
    const struct curl_easyoption* prev) {
  return mcurl::option_table::next(prev);
}
MCURL_SYMVER(curl_easy_option_next);

// --- transfer entry points ---------------------------------------------------------------

MCURL_EXPORT CURLcode curl_easy_perform(CURL* handle) {
  return mcurl::api::enter_easy(handle, EasyFn::Perform, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) -> CURLcode {
                                  const auto& url = s.engine.options().url;
                                  // 7.88.1 clears the error buffer, then refuses a handle that
                                  // is in any multi (an application's, or its own private one
                                  // while curl_easy_perform runs: a call from a callback),
                                  // before the recursion and the URL checks.
                                  if (char* eb = s.engine.options().errorbuffer) eb[0] = '\0';
                                  if (s.engine.multi() != nullptr) {
                                    s.engine.fail_text("easy handle already used in multi handle");
                                    return CURLE_FAILED_INIT;
                                  }
                                  if (s.engine.in_callback()) return CURLE_RECURSIVE_API_CALL;
                                  if ((!url || url->empty()) && !s.engine.options().curlu) {
                                    s.engine.fail_text_now("No URL set");
                                    return CURLE_URL_MALFORMAT;
                                  }
                                  return s.engine.perform();
                                });
}
MCURL_SYMVER(curl_easy_perform);

MCURL_EXPORT CURLcode curl_easy_pause(CURL* handle, int bitmask) {
  // 7.88.1 answers CURLE_BAD_FUNCTION_ARGUMENT for a handle with no connection.
  return mcurl::api::enter_easy(handle, EasyFn::Pause, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) { return s.engine.pause(bitmask); });
}
MCURL_SYMVER(curl_easy_pause);

MCURL_EXPORT CURLcode curl_easy_recv(CURL* handle, void* buffer, size_t buflen, size_t* n) {
  return mcurl::api::enter_easy(handle, EasyFn::Recv, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) {
                                  size_t dummy = 0;
                                  return s.engine.recv_raw(buffer, buflen, n ? n : &dummy);
                                });
}
MCURL_SYMVER(curl_easy_recv);

MCURL_EXPORT CURLcode curl_easy_send(CURL* handle, const void* buffer, size_t buflen, size_t* n) {
  return mcurl::api::enter_easy(handle, EasyFn::Send, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy& s) {
                                  size_t dummy = 0;
                                  return s.engine.send_raw(buffer, buflen, n ? n : &dummy);
                                });
}
MCURL_SYMVER(curl_easy_send);

MCURL_EXPORT CURLcode curl_easy_upkeep(CURL* handle) {
  // Nothing to keep alive without connections. TODO(engine): walk the pool.
  return mcurl::api::enter_easy(handle, EasyFn::Upkeep, CURLE_BAD_FUNCTION_ARGUMENT,
                                [&](Curl_easy&) { return CURLE_OK; });
}
MCURL_SYMVER(curl_easy_upkeep);

MCURL_EXPORT CURLHcode curl_easy_header(CURL* handle, const char* name, size_t index,
                                        unsigned int origin, int request,
                                        struct curl_header** hout) {
  constexpr unsigned int kAllOrigins =
      CURLH_HEADER | CURLH_TRAILER | CURLH_CONNECT | CURLH_1XX | CURLH_PSEUDO;
  return mcurl::api::enter_easy(
      handle, EasyFn::Header, CURLHE_BAD_ARGUMENT, [&](Curl_easy& s) -> CURLHcode {
        if (name == nullptr || hout == nullptr || origin == 0 || origin > kAllOrigins ||
            request < -1) {
          return CURLHE_BAD_ARGUMENT;
        }
        return s.engine.headers().find(name, index, origin, request, hout);
      });
}
MCURL_SYMVER(curl_easy_header);

MCURL_EXPORT struct curl_header* curl_easy_nextheader(CURL* handle, unsigned int origin,
                                                      int request, struct curl_header* prev) {
  return mcurl::api::enter_easy(
      handle, EasyFn::Header, static_cast<curl_header*>(nullptr),
      [&](Curl_easy& s) -> curl_header* { return s.engine.headers().next(origin, request, prev); });
}
MCURL_SYMVER(curl_easy_nextheader);

}  // extern "C"
