#include "util/global.h"

#include <mutex>

namespace mcurl::global {
namespace {

std::mutex g_lock;
long g_count = 0;  // guarded by g_lock

}  // namespace

bool init(long /*flags*/) noexcept {
  std::lock_guard<std::mutex> hold(g_lock);
  ++g_count;
  return true;
}

bool init_mem(long /*flags*/, const alloc::Hooks& hooks) noexcept {
  std::lock_guard<std::mutex> hold(g_lock);
  if (g_count++ == 0) alloc::set_hooks(hooks);
  return true;
}

void cleanup() noexcept {
  std::lock_guard<std::mutex> hold(g_lock);
  if (g_count == 0) return;
  if (--g_count == 0) alloc::reset_hooks();
}

void ensure_init() noexcept {
  std::lock_guard<std::mutex> hold(g_lock);
  if (g_count == 0) ++g_count;
}

}  // namespace mcurl::global
