// Tests for src/util/alloc.h: memory for the application goes through the hooks.
#include "util/alloc.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

namespace mcurl::alloc {
namespace {

int g_calls = 0;
void* counting_malloc(std::size_t n) {
  ++g_calls;
  return std::malloc(n);
}
char* counting_strdup(const char* s) {
  ++g_calls;
  return ::strdup(s);
}

TEST(Alloc, UsesInstalledHooksAndResets) {
  set_hooks({&counting_malloc, &std::free, &std::realloc, &counting_strdup, &std::calloc});
  g_calls = 0;
  char* a = strdup("abc");
  char* b = dup_bytes("x\0y", 3);
  EXPECT_EQ(g_calls, 2);
  EXPECT_STREQ(a, "abc");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(std::memcmp(b, "x\0y\0", 4), 0);
  free(a);
  free(b);
  reset_hooks();
  g_calls = 0;
  free(malloc(8));
  EXPECT_EQ(g_calls, 0);
}

TEST(Alloc, DupBytesOfNothingIsAnEmptyString) {
  char* p = dup_bytes(nullptr, 0);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p[0], '\0');
  free(p);
}

}  // namespace
}  // namespace mcurl::alloc
