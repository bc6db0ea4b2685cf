// Tests for src/transfer/option_table.h: shape of the table and the three look-ups.
#include "transfer/option_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>

namespace mcurl::option_table {
namespace {

TEST(OptionTable, HasAll316EntriesSortedByName) {
  const auto all = entries();
  ASSERT_EQ(all.size(), 316u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(std::strcmp(all[i - 1].name, all[i].name), 0) << all[i].name;
  }
}

TEST(OptionTable, TypeMatchesTheNumberRange) {
  for (const auto& o : entries()) {
    const int id = o.id;
    switch (o.type) {
      case CURLOT_LONG:
      case CURLOT_VALUES:
        EXPECT_LT(id, CURLOPTTYPE_OBJECTPOINT) << o.name;
        break;
      case CURLOT_OBJECT:
      case CURLOT_STRING:
      case CURLOT_SLIST:
      case CURLOT_CBPTR:
        EXPECT_GE(id, CURLOPTTYPE_OBJECTPOINT) << o.name;
        EXPECT_LT(id, CURLOPTTYPE_FUNCTIONPOINT) << o.name;
        break;
      case CURLOT_FUNCTION:
        EXPECT_GE(id, CURLOPTTYPE_FUNCTIONPOINT) << o.name;
        EXPECT_LT(id, CURLOPTTYPE_OFF_T) << o.name;
        break;
      case CURLOT_OFF_T:
        EXPECT_GE(id, CURLOPTTYPE_OFF_T) << o.name;
        EXPECT_LT(id, CURLOPTTYPE_BLOB) << o.name;
        break;
      case CURLOT_BLOB:
        EXPECT_GE(id, CURLOPTTYPE_BLOB) << o.name;
        break;
    }
  }
}

TEST(OptionTable, EveryIdHasExactlyOneNonAliasEntry) {
  std::set<int> seen;
  for (const auto& o : entries()) {
    if ((o.flags & CURLOT_FLAG_ALIAS) != 0) continue;
    EXPECT_TRUE(seen.insert(o.id).second) << o.name;
  }
  for (const auto& o : entries()) {
    EXPECT_TRUE(seen.count(o.id) == 1) << o.name << " is an alias of nothing";
  }
}

TEST(OptionTable, ByNameIgnoresCaseAndNeedsTheWholeName) {
  ASSERT_NE(by_name("URL"), nullptr);
  EXPECT_EQ(by_name("url"), by_name("URL"));
  EXPECT_EQ(by_name("uRl")->id, CURLOPT_URL);
  EXPECT_EQ(by_name("CURLOPT_URL"), nullptr);
  EXPECT_EQ(by_name("UR"), nullptr);
  EXPECT_EQ(by_name("URLX"), nullptr);
  EXPECT_EQ(by_name(""), nullptr);
  EXPECT_EQ(by_name(nullptr), nullptr);
}

TEST(OptionTable, AliasesAreFoundByNameButNotById) {
  const curl_easyoption* alias = by_name("ENCODING");
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->flags & CURLOT_FLAG_ALIAS, unsigned(CURLOT_FLAG_ALIAS));
  const curl_easyoption* real = by_id(alias->id);
  ASSERT_NE(real, nullptr);
  EXPECT_STREQ(real->name, "ACCEPT_ENCODING");
  EXPECT_STREQ(by_id(CURLOPT_WRITEDATA)->name, "WRITEDATA");    // not FILE
  EXPECT_STREQ(by_id(CURLOPT_HTTPHEADER)->name, "HTTPHEADER");  // not RTSPHEADER
  EXPECT_STREQ(by_id(CURLOPT_KEYPASSWD)->name, "KEYPASSWD");
}

TEST(OptionTable, ByIdRejectsUnknownNumbers) {
  EXPECT_EQ(by_id(CURLoption(0)), nullptr);
  EXPECT_EQ(by_id(CURLoption(10040)), nullptr);  // OBSOLETE40
  EXPECT_EQ(by_id(CURLoption(-1)), nullptr);
  EXPECT_EQ(by_id(CURLOPT_LASTENTRY), nullptr);
  EXPECT_TRUE(is_known(CURLOPT_URL));
  EXPECT_FALSE(is_known(CURLoption(99999)));
}

TEST(OptionTable, NextWalksEveryEntryOnceThenStops) {
  std::size_t n = 0;
  const curl_easyoption* last = nullptr;
  for (const curl_easyoption* o = next(nullptr); o != nullptr; o = next(o)) {
    EXPECT_EQ(o, &entries()[n]);
    last = o;
    ++n;
  }
  EXPECT_EQ(n, entries().size());
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(next(last), nullptr);
  EXPECT_STREQ(last->name, "XOAUTH2_BEARER");
}

}  // namespace
}  // namespace mcurl::option_table
