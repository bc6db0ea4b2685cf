// Process-wide library state: curl_global_init's reference count and what it sets up.
//
// libcurl 7.88.1 is built "threadsafe": curl_global_init and curl_global_cleanup may be
// called from several threads; the count is kept under a lock. OpenSSL 3 initialises
// itself, so init does little more than count, and curl_easy_init calls ensure_init() as
// libcurl does when the application skipped curl_global_init.
#ifndef MCURL_UTIL_GLOBAL_H
#define MCURL_UTIL_GLOBAL_H

#include "util/alloc.h"

namespace mcurl::global {

// curl_global_init(flags). Returns true on success (always, today).
bool init(long flags) noexcept;
// curl_global_init_mem: on the first init only, installs the allocator hooks, as libcurl
// ignores them when the library is already initialised.
bool init_mem(long flags, const alloc::Hooks& hooks) noexcept;
// curl_global_cleanup: the last matching call restores the default allocator.
void cleanup() noexcept;
// Initialises with CURL_GLOBAL_DEFAULT if nothing has yet (curl_easy_init does this).
void ensure_init() noexcept;

}  // namespace mcurl::global

#endif  // MCURL_UTIL_GLOBAL_H
