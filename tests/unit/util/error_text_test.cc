// Tests for src/util/error_text.h (the full table is checked against libcurl by
// tests/conformance/strerror.c).
#include "util/error_text.h"

#include <gtest/gtest.h>

#include <string>

namespace mcurl {
namespace {

TEST(ErrorText, KnownAndUnknownCodes) {
  EXPECT_EQ(std::string(easy_error_text(0)), "No error");
  EXPECT_EQ(std::string(easy_error_text(93)), "API function called from within callback");
  EXPECT_EQ(std::string(easy_error_text(20)), "Unknown error");  // retired number
  EXPECT_EQ(std::string(easy_error_text(-1)), "Unknown error");
  EXPECT_EQ(std::string(easy_error_text(100)), "Unknown error");
  EXPECT_EQ(std::string(multi_error_text(-1)), "Please call curl_multi_perform() soon");
  EXPECT_EQ(std::string(multi_error_text(13)), "Unknown error");
  EXPECT_EQ(std::string(share_error_text(6)), "CURLSHcode unknown");
  EXPECT_EQ(std::string(url_error_text(31)), "CURLUcode unknown");
  EXPECT_EQ(std::string(url_error_text(30)), "libcurl lacks IDN support");
}

}  // namespace
}  // namespace mcurl
