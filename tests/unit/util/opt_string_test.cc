// Tests for src/util/opt_string.h: an optional string in one pointer.
#include "util/opt_string.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace mcurl {
namespace {

TEST(OptString, OnePointerAndUnsetByDefault) {
  static_assert(sizeof(OptString) == sizeof(void*));
  OptString s;
  EXPECT_FALSE(s.has_value());
  EXPECT_FALSE(s);
  EXPECT_TRUE(s == std::nullopt);
  EXPECT_EQ(s.c_str_or_null(), nullptr);
  EXPECT_EQ(s.value_or("fallback"), "fallback");
  EXPECT_FALSE(s.to_optional().has_value());
}

TEST(OptString, EmptyIsSetAndDiffersFromUnset) {
  OptString s;
  s.emplace("");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->empty());
  EXPECT_STREQ(s.c_str_or_null(), "");
  EXPECT_FALSE(s == std::nullopt);
  EXPECT_EQ(s.value_or("fallback"), "");
}

TEST(OptString, AssignEmplaceResetReadLikeOptional) {
  OptString s;
  s = "abc";
  EXPECT_EQ(*s, "abc");
  EXPECT_TRUE(s == "abc");
  s = std::string("defg");
  EXPECT_EQ(s->size(), 4u);
  const std::string* held = &*s;
  s.emplace("xy", 1);  // reuses the held string
  EXPECT_EQ(&*s, held);
  EXPECT_EQ(s.value(), "x");
  s = std::optional<std::string>("opt");
  EXPECT_EQ(*s, "opt");
  s = std::optional<std::string>();
  EXPECT_FALSE(s);
  s = "again";
  s = std::nullopt;
  EXPECT_FALSE(s);
  s = "x";
  s.reset();
  EXPECT_FALSE(s);
}

TEST(OptString, CopiesAreDeepMovesTakeThePointer) {
  OptString a;
  a = "value";
  OptString b(a);
  ASSERT_TRUE(b);
  EXPECT_NE(&*a, &*b);
  b->append("!");
  EXPECT_EQ(*a, "value");
  EXPECT_EQ(*b, "value!");
  OptString unset;
  b = unset;
  EXPECT_FALSE(b);
  EXPECT_TRUE(a);
  const std::string* held = &*a;
  OptString c(std::move(a));
  EXPECT_EQ(&*c, held);
  OptString d;
  d = c;
  EXPECT_EQ(*d, "value");
  d = d;  // self-assignment keeps the value
  EXPECT_EQ(*d, "value");
  std::optional<std::string> o = d.to_optional();
  ASSERT_TRUE(o);
  EXPECT_EQ(*o, "value");
}

}  // namespace
}  // namespace mcurl
