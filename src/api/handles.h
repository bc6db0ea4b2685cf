// The C-visible handle shells: what a CURL*, CURLM* and CURLSH* point at.
//
// Each shell is a standard-layout struct whose first member is a 32-bit magic, followed by
// the engine object it owns by value. Distinct magics per kind make a CURL* passed where a
// CURLM* is expected fail the check cleanly; the magic is overwritten with kDead (through
// a volatile store) before the shell is freed, so an immediate use after cleanup is seen
// as a bad handle instead of touching freed engine state.
//
// Only src/api uses this header. The tags stay Curl_easy / Curl_multi / Curl_share: the
// 7.88.1 headers name them when CURL_STRICTER is defined (STYLE.md §2.5).
#ifndef MCURL_API_HANDLES_H
#define MCURL_API_HANDLES_H

#include <cstdint>
#include <new>
#include <type_traits>

#include "multi/multi.h"
#include "multi/share.h"
#include "transfer/transfer.h"
#include "util/debug.h"

namespace mcurl::api {

inline constexpr std::uint32_t kEasyAlive = 0x6d634561;   // "mcEa"
inline constexpr std::uint32_t kMultiAlive = 0x6d634d75;  // "mcMu"
inline constexpr std::uint32_t kShareAlive = 0x6d635368;  // "mcSh"
inline constexpr std::uint32_t kDead = 0xdead10cc;

}  // namespace mcurl::api

struct Curl_easy {
  std::uint32_t magic = mcurl::api::kEasyAlive;
  mcurl::Transfer engine;
};

struct Curl_multi {
  std::uint32_t magic = mcurl::api::kMultiAlive;
  mcurl::Multi engine;
};

struct Curl_share {
  std::uint32_t magic = mcurl::api::kShareAlive;
  mcurl::Share engine;
};

namespace mcurl::api {

// Returns the shell behind `p` if its magic says it is a live handle of kind Shell, else
// nullptr (NULL, another kind, or a handle already cleaned up). Debug builds abort on a
// non-NULL pointer with a wrong magic: it is always an application bug.
template <class Shell>
inline Shell* shell_from(void* p, std::uint32_t alive) noexcept {
  // No base class and no virtual function: the magic is the first byte of every shell.
  static_assert(!std::is_polymorphic_v<Shell>, "magic must sit at offset 0");
  if (p == nullptr) return nullptr;
  auto* s = static_cast<Shell*>(p);
  if (s->magic == alive) return s;
  MCURL_DEBUG_FAIL("stale or foreign libcurl handle");
  return nullptr;
}

inline Curl_easy* easy_shell(void* p) noexcept { return shell_from<Curl_easy>(p, kEasyAlive); }
inline Curl_multi* multi_shell(void* p) noexcept { return shell_from<Curl_multi>(p, kMultiAlive); }
inline Curl_share* share_shell(void* p) noexcept { return shell_from<Curl_share>(p, kShareAlive); }

// Poisons the magic and frees the shell (and so its engine object).
template <class Shell>
inline void destroy_shell(Shell* s) noexcept {
  *static_cast<volatile std::uint32_t*>(&s->magic) = kDead;
  delete s;
}

}  // namespace mcurl::api

#endif  // MCURL_API_HANDLES_H
