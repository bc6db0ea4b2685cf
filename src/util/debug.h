// Invariant checks that fail hard in debug builds and compile away in release builds.
// Never use these for input from the network or the application (STYLE.md §6).
#ifndef MCURL_UTIL_DEBUG_H
#define MCURL_UTIL_DEBUG_H

#include <cstdio>
#include <cstdlib>

#ifdef NDEBUG
#define MCURL_DEBUG_FAIL(msg) ((void)0)
#else
#define MCURL_DEBUG_FAIL(msg) \
  (std::fprintf(stderr, "mcurl: %s:%d: %s\n", __FILE__, __LINE__, (msg)), std::abort())
#endif

#endif  // MCURL_UTIL_DEBUG_H
