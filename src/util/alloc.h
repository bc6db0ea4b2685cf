// Memory handed to the application.
//
// Everything the application later releases with curl_free, curl_slist_free_all,
// curl_url_cleanup, curl_formfree and similar is allocated through these functions,
// which call the hooks installed by curl_global_init_mem (the C library's malloc family
// by default). Engine-internal memory uses new/delete and std containers instead.
//
// Thread affinity: the hooks are set by curl_global_init_mem, which (as in libcurl) is
// not thread-safe and must run before other threads use the library; reading them is
// safe from any thread afterwards.
#ifndef MCURL_UTIL_ALLOC_H
#define MCURL_UTIL_ALLOC_H

#include <cstddef>

namespace mcurl::alloc {

using MallocFn = void* (*)(std::size_t);
using FreeFn = void (*)(void*);
using ReallocFn = void* (*)(void*, std::size_t);
using StrdupFn = char* (*)(const char*);
using CallocFn = void* (*)(std::size_t, std::size_t);

struct Hooks {
  MallocFn malloc_fn;
  FreeFn free_fn;
  ReallocFn realloc_fn;
  StrdupFn strdup_fn;
  CallocFn calloc_fn;
};

// Installs `hooks` (all five must be non-null; the caller checks).
void set_hooks(const Hooks& hooks) noexcept;
// Back to the C library's functions.
void reset_hooks() noexcept;

// Thin wrappers over the current hooks. They return nullptr on failure and never throw.
void* malloc(std::size_t n) noexcept;
void* calloc(std::size_t n, std::size_t size) noexcept;
void* realloc(void* p, std::size_t n) noexcept;
void free(void* p) noexcept;
char* strdup(const char* s) noexcept;

// Returns a NUL-terminated copy of `n` bytes at `p` (which may contain NULs), allocated
// with the hooks, or nullptr when out of memory. The caller releases it with free().
char* dup_bytes(const char* p, std::size_t n) noexcept;

}  // namespace mcurl::alloc

#endif  // MCURL_UTIL_ALLOC_H
