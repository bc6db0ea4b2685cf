// OpenSSL ENGINE look-ups; see ssl_engine.h.
//
// The ENGINE API is deprecated in OpenSSL 3 but it is what 7.88.1 uses for
// CURLOPT_SSLENGINE, so the deprecation warnings are silenced here only.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "transfer/ssl_engine.h"

#include <openssl/engine.h>

namespace mcurl::ssl_engine {
namespace {

void load_builtins() noexcept {
#ifndef OPENSSL_NO_ENGINE
  static const bool loaded = [] {
    ENGINE_load_builtin_engines();
    return true;
  }();
  (void)loaded;
#endif
}

}  // namespace

CURLcode probe(const char* name) noexcept {
#ifdef OPENSSL_NO_ENGINE
  (void)name;
  return CURLE_SSL_ENGINE_NOTFOUND;
#else
  load_builtins();
  ENGINE* e = ENGINE_by_id(name);
  if (e == nullptr) return CURLE_SSL_ENGINE_NOTFOUND;
  if (ENGINE_init(e) == 0) {
    ENGINE_free(e);
    return CURLE_SSL_ENGINE_INITFAILED;
  }
  ENGINE_finish(e);
  ENGINE_free(e);
  return CURLE_OK;
#endif
}

std::vector<std::string> list() {
  std::vector<std::string> ids;
#ifndef OPENSSL_NO_ENGINE
  load_builtins();
  for (ENGINE* e = ENGINE_get_first(); e != nullptr; e = ENGINE_get_next(e)) {
    const char* id = ENGINE_get_id(e);
    if (id != nullptr) ids.emplace_back(id);
  }
#endif
  return ids;
}

}  // namespace mcurl::ssl_engine
