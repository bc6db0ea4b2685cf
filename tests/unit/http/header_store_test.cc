// Tests for src/http/header_store.h (checked against libcurl through the conformance
// suite as well).
#include "http/header_store.h"

#include <gtest/gtest.h>

#include <string>

namespace mcurl {
namespace {

TEST(HeaderStore, FindsByNameIndexOriginAndRequest) {
  HeaderStore s;
  curl_header* h = nullptr;
  EXPECT_EQ(s.find("a", 0, CURLH_HEADER, -1, &h), CURLHE_NOHEADERS);
  s.next_request();
  s.add("Location", "/x", CURLH_HEADER, false);
  s.next_request();
  s.add("Set-Cookie", "a=1", CURLH_HEADER, false);
  s.add("set-cookie", "b=2", CURLH_HEADER, false);
  s.add("", "more", CURLH_HEADER, true);  // folded continuation
  s.add("X-T", "t", CURLH_TRAILER, false);
  ASSERT_EQ(s.find("SET-COOKIE", 1, CURLH_HEADER, -1, &h), CURLHE_OK);
  EXPECT_EQ(std::string(h->value), "b=2 more");
  EXPECT_EQ(h->amount, 2u);
  EXPECT_EQ(h->index, 1u);
  EXPECT_EQ(s.find("set-cookie", 2, CURLH_HEADER, -1, &h), CURLHE_BADINDEX);
  EXPECT_EQ(s.find("location", 0, CURLH_HEADER, -1, &h), CURLHE_MISSING);
  ASSERT_EQ(s.find("location", 0, CURLH_HEADER, 0, &h), CURLHE_OK);
  EXPECT_EQ(std::string(h->value), "/x");
  EXPECT_EQ(s.find("location", 0, CURLH_HEADER, 2, &h), CURLHE_NOREQUEST);
  EXPECT_EQ(s.find("x-t", 0, CURLH_HEADER, -1, &h), CURLHE_MISSING);
  EXPECT_EQ(s.find("x-t", 0, CURLH_TRAILER, -1, &h), CURLHE_OK);
}

TEST(HeaderStore, IteratesInOrderWithinScope) {
  HeaderStore s;
  s.next_request();
  s.add("A", "1", CURLH_HEADER, false);
  s.add("B", "2", CURLH_HEADER, false);
  s.add("a", "3", CURLH_HEADER, false);
  std::string seen;
  for (curl_header* h = s.next(CURLH_HEADER, -1, nullptr); h != nullptr;
       h = s.next(CURLH_HEADER, -1, h)) {
    seen += std::string(h->name) + "=" + h->value + "/" + std::to_string(h->index) + " ";
  }
  EXPECT_EQ(seen, "A=1/0 B=2/0 a=3/1 ");
  s.clear();
  EXPECT_EQ(s.next(CURLH_HEADER, -1, nullptr), nullptr);
}

}  // namespace
}  // namespace mcurl
