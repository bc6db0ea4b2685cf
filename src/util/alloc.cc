#include "util/alloc.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace mcurl::alloc {
namespace {

char* libc_strdup(const char* s) { return ::strdup(s); }

constexpr Hooks kLibc{&std::malloc, &std::free, &std::realloc, &libc_strdup, &std::calloc};

// Written only by curl_global_init_mem (documented as not thread-safe); the relaxed
// atomic keeps concurrent readers free of data races in the sanitizer builds.
std::atomic<const Hooks*> g_hooks{&kLibc};
Hooks g_custom{};

}  // namespace

void set_hooks(const Hooks& hooks) noexcept {
  g_custom = hooks;
  g_hooks.store(&g_custom, std::memory_order_release);
}

void reset_hooks() noexcept { g_hooks.store(&kLibc, std::memory_order_release); }

void* malloc(std::size_t n) noexcept {
  return g_hooks.load(std::memory_order_acquire)->malloc_fn(n);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
  return g_hooks.load(std::memory_order_acquire)->calloc_fn(n, size);
}
void* realloc(void* p, std::size_t n) noexcept {
  return g_hooks.load(std::memory_order_acquire)->realloc_fn(p, n);
}
void free(void* p) noexcept { g_hooks.load(std::memory_order_acquire)->free_fn(p); }
char* strdup(const char* s) noexcept {
  return g_hooks.load(std::memory_order_acquire)->strdup_fn(s);
}

char* dup_bytes(const char* p, std::size_t n) noexcept {
  auto* out = static_cast<char*>(malloc(n + 1));
  if (out == nullptr) return nullptr;
  if (n != 0) std::memcpy(out, p, n);
  out[n] = '\0';
  return out;
}

}  // namespace mcurl::alloc
