// curl_url, curl_url_cleanup, curl_url_dup, curl_url_set, curl_url_get: the CURLU handle
// around mcurl::Url (src/util/url.h). curl_url_strerror lives in strerror_api.cc.
//
// A CURLU* points at a Curl_URL shell: a magic followed by the Url. The shell itself comes
// from operator new (curl_url_cleanup is the only way to free it); every string handed to
// the application comes from mcurl::alloc, so curl_free releases it.
// Tests: tests/conformance/url_api.c, tests/unit/util/url_test.cc
#include <cstdint>
#include <cstring>
#include <new>
#include <optional>
#include <string>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/alloc.h"
#include "util/url.h"

namespace mcurl::api {
inline constexpr std::uint32_t kUrlAlive = 0x6d635572;  // "mcUr"
}  // namespace mcurl::api

// The tag is the one the public header names (typedef struct Curl_URL CURLU).
struct Curl_URL {
  std::uint32_t magic = mcurl::api::kUrlAlive;
  mcurl::Url url;
};

namespace {

// Returns the shell behind `h`, or nullptr for NULL or a pointer that is not a live CURLU.
Curl_URL* url_shell(CURLU* h) noexcept {
  return mcurl::api::shell_from<Curl_URL>(h, mcurl::api::kUrlAlive);
}

// True when `what` is one of the CURLUPART_* values. Applications can pass any int; it is
// read through memcpy so that an out-of-range value is never loaded as the enum type.
bool is_known_part(const CURLUPart& what) noexcept {
  int raw;
  static_assert(sizeof raw == sizeof what);
  std::memcpy(&raw, &what, sizeof raw);
  return raw >= CURLUPART_URL && raw <= CURLUPART_ZONEID;
}

}  // namespace

extern "C" {

MCURL_EXPORT CURLU* curl_url(void) {
  return mcurl::api::guarded<CURLU*>([]() -> CURLU* { return new Curl_URL(); });
}
MCURL_SYMVER(curl_url);

MCURL_EXPORT void curl_url_cleanup(CURLU* handle) {
  Curl_URL* s = url_shell(handle);
  if (s != nullptr) mcurl::api::destroy_shell(s);
}
MCURL_SYMVER(curl_url_cleanup);

// 7.88.1 crashes on NULL; answering NULL is the safe equivalent.
MCURL_EXPORT CURLU* curl_url_dup(CURLU* in) {
  Curl_URL* s = url_shell(in);
  if (s == nullptr) return nullptr;
  return mcurl::api::guarded<CURLU*>([&]() -> CURLU* {
    auto* copy = new Curl_URL();
    copy->url = s->url;
    return copy;
  });
}
MCURL_SYMVER(curl_url_dup);

MCURL_EXPORT CURLUcode curl_url_set(CURLU* handle, CURLUPart what, const char* part,
                                    unsigned int flags) {
  Curl_URL* s = url_shell(handle);
  if (s == nullptr) return CURLUE_BAD_HANDLE;
  if (!is_known_part(what)) return CURLUE_UNKNOWN_PART;
  return mcurl::api::guarded<CURLUcode>([&] { return s->url.set(what, part, flags); });
}
MCURL_SYMVER(curl_url_set);

MCURL_EXPORT CURLUcode curl_url_get(CURLU* handle, CURLUPart what, char** part,
                                    unsigned int flags) {
  Curl_URL* s = url_shell(handle);
  if (s == nullptr) return CURLUE_BAD_HANDLE;
  if (part == nullptr) return CURLUE_BAD_PARTPOINTER;
  *part = nullptr;
  if (!is_known_part(what)) return CURLUE_UNKNOWN_PART;
  return mcurl::api::guarded<CURLUcode>([&] {
    std::optional<std::string> value;
    CURLUcode rc = s->url.get(what, value, flags);
    if (value) {
      char* copy = mcurl::alloc::dup_bytes(value->data(), value->size());
      if (copy == nullptr) return CURLUE_OUT_OF_MEMORY;
      *part = copy;
    }
    return rc;
  });
}
MCURL_SYMVER(curl_url_get);

}  // extern "C"
