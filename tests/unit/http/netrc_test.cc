// Tests for src/http/netrc.h; the expectations were measured with libcurl 7.88.1 and
// CURLOPT_NETRC_FILE on the same file.
#include "http/netrc.h"

#include <gtest/gtest.h>

#include <string>

namespace mcurl {
namespace {

const char kFile[] =
    "machine other login o password op\n"
    "macdef init\n"
    "machine 127.0.0.1 login bad\n"
    "\n"
    "machine 127.0.0.1 login \"q u\" password \"p\\\"w\"\n"
    "machine 127.0.0.1 login second password sp\n"
    "default login dl password dp\n";

TEST(Netrc, FirstMachineAfterMacdef) {
  auto m = netrc_lookup(kFile, "127.0.0.1", std::nullopt);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->login.value_or(""), "q u");
  EXPECT_EQ(m->password.value_or(""), "p\"w");
}

TEST(Netrc, LoginPicksEntry) {
  auto m = netrc_lookup(kFile, "127.0.0.1", std::string("second"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->password.value_or(""), "sp");
  // An unknown login gets the default entry's password.
  auto d = netrc_lookup(kFile, "127.0.0.1", std::string("nobody"));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->password.value_or(""), "dp");
}

TEST(Netrc, HostIsCaseInsensitiveAndDefaultCatchesTheRest) {
  auto m = netrc_lookup(kFile, "OTHER", std::nullopt);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->login.value_or(""), "o");
  auto d = netrc_lookup(kFile, "localhost", std::nullopt);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->login.value_or(""), "dl");
  EXPECT_FALSE(netrc_lookup("machine a login b password c\n", "x", std::nullopt));
}

TEST(Netrc, MissingFile) {
  EXPECT_FALSE(netrc_find(std::string("/nonexistent/mcurl-netrc"), "h", std::nullopt));
}

}  // namespace
}  // namespace mcurl
