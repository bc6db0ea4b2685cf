// Tests for src/multi/share.h.
#include "multi/share.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <vector>

namespace mcurl {
namespace {

TEST(Share, AcceptsTheKindsLibcurlShares) {
  Share s;
  for (int kind : {CURL_LOCK_DATA_COOKIE, CURL_LOCK_DATA_DNS, CURL_LOCK_DATA_SSL_SESSION,
                   CURL_LOCK_DATA_CONNECT, CURL_LOCK_DATA_HSTS}) {
    EXPECT_EQ(s.share(kind), CURLSHE_OK) << kind;
    EXPECT_TRUE(s.is_shared(static_cast<curl_lock_data>(kind)));
    EXPECT_EQ(s.unshare(kind), CURLSHE_OK) << kind;
    EXPECT_FALSE(s.is_shared(static_cast<curl_lock_data>(kind)));
  }
  EXPECT_EQ(s.share(CURL_LOCK_DATA_PSL), CURLSHE_OK);
  EXPECT_EQ(s.unshare(CURL_LOCK_DATA_PSL), CURLSHE_BAD_OPTION);  // as 7.88.1
  for (int kind : std::initializer_list<int>{-1, CURL_LOCK_DATA_NONE, CURL_LOCK_DATA_SHARE,
                                             CURL_LOCK_DATA_LAST, 31, 99}) {
    EXPECT_EQ(s.share(kind), CURLSHE_BAD_OPTION) << kind;
    EXPECT_EQ(s.unshare(kind), CURLSHE_BAD_OPTION) << kind;
  }
}

TEST(Share, RefusesChangesWhileInUse) {
  Share s;
  s.attach();
  s.attach();
  EXPECT_TRUE(s.in_use());
  EXPECT_EQ(s.share(CURL_LOCK_DATA_DNS), CURLSHE_IN_USE);
  EXPECT_EQ(s.set_user_data(nullptr), CURLSHE_IN_USE);
  s.detach();
  EXPECT_EQ(s.share(CURL_LOCK_DATA_DNS), CURLSHE_IN_USE);
  s.detach();
  s.detach();  // an extra detach must not wrap the count
  EXPECT_FALSE(s.in_use());
  EXPECT_EQ(s.share(CURL_LOCK_DATA_DNS), CURLSHE_OK);
}

struct Calls {
  std::vector<int> locks, unlocks;
};

TEST(Share, CallsTheApplicationsLocks) {
  Share s;
  Calls calls;
  s.lock(nullptr, CURL_LOCK_DATA_DNS, CURL_LOCK_ACCESS_SHARED);  // no callback: nothing
  ASSERT_EQ(s.set_lock_function([](CURL*, curl_lock_data d, curl_lock_access, void* u) {
    static_cast<Calls*>(u)->locks.push_back(d);
  }),
            CURLSHE_OK);
  ASSERT_EQ(s.set_unlock_function([](CURL*, curl_lock_data d, void* u) {
    static_cast<Calls*>(u)->unlocks.push_back(d);
  }),
            CURLSHE_OK);
  ASSERT_EQ(s.set_user_data(&calls), CURLSHE_OK);
  s.lock(nullptr, CURL_LOCK_DATA_DNS, CURL_LOCK_ACCESS_SHARED);
  s.unlock(nullptr, CURL_LOCK_DATA_DNS);
  EXPECT_EQ(calls.locks, std::vector<int>{CURL_LOCK_DATA_DNS});
  EXPECT_EQ(calls.unlocks, std::vector<int>{CURL_LOCK_DATA_DNS});
}

}  // namespace
}  // namespace mcurl
