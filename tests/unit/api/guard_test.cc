// Tests for src/api/guard.h: handle checks, re-entrancy rules, exception mapping.
#include "api/guard.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace mcurl::api {
namespace {

TEST(Guard, MapsBadAllocToOutOfMemoryPerReturnType) {
  auto oom = []() -> int { throw std::bad_alloc(); };
  EXPECT_EQ(guarded<CURLcode>([&] {
              oom();
              return CURLE_OK;
            }),
            CURLE_OUT_OF_MEMORY);
  EXPECT_EQ(guarded<CURLMcode>([&] {
              oom();
              return CURLM_OK;
            }),
            CURLM_OUT_OF_MEMORY);
  EXPECT_EQ(guarded<CURLSHcode>([&] {
              oom();
              return CURLSHE_OK;
            }),
            CURLSHE_NOMEM);
  EXPECT_EQ(guarded<CURLUcode>([&] {
              oom();
              return CURLUE_OK;
            }),
            CURLUE_OUT_OF_MEMORY);
  EXPECT_EQ(guarded<char*>([&]() -> char* {
              oom();
              return nullptr;
            }),
            nullptr);
}

#ifdef NDEBUG  // debug builds abort on an unexpected exception, by design
TEST(Guard, MapsOtherExceptionsToTheFallback) {
  auto boom = []() -> int { throw std::runtime_error("x"); };
  EXPECT_EQ(guarded<CURLcode>([&] {
              boom();
              return CURLE_OK;
            }),
            CURLE_FAILED_INIT);
  EXPECT_EQ(guarded<CURLMcode>([&] {
              boom();
              return CURLM_OK;
            }),
            CURLM_INTERNAL_ERROR);
  guarded<void>([&] { boom(); });  // swallowed
}
#endif

TEST(Guard, PassesResultsThrough) {
  EXPECT_EQ(guarded<CURLcode>([] { return CURLE_URL_MALFORMAT; }), CURLE_URL_MALFORMAT);
}

TEST(Guard, RejectsNullAndForeignHandles) {
  auto* multi = new Curl_multi;
  bool ran = false;
  auto body = [&](Curl_easy&) {
    ran = true;
    return CURLE_OK;
  };
  EXPECT_EQ(enter_easy(nullptr, EasyFn::Setopt, CURLE_BAD_FUNCTION_ARGUMENT, body),
            CURLE_BAD_FUNCTION_ARGUMENT);
#ifdef NDEBUG
  // A multi handle passed as an easy handle reads the multi's magic and is refused.
  EXPECT_EQ(
      enter_easy(static_cast<CURL*>(multi), EasyFn::Setopt, CURLE_BAD_FUNCTION_ARGUMENT, body),
      CURLE_BAD_FUNCTION_ARGUMENT);
#endif
  EXPECT_FALSE(ran);
  destroy_shell(multi);
}

TEST(Guard, MultiRulesFollow7881InsideCallbacks) {
  auto* m = new Curl_multi;
  auto ok = [](Curl_multi&) { return CURLM_OK; };
  {
    Multi::CallbackScope in_cb(m->engine);
    EXPECT_EQ(enter_multi(m, MultiFn::Timeout, CURLM_BAD_HANDLE, ok), CURLM_RECURSIVE_API_CALL);
    EXPECT_EQ(enter_multi(m, MultiFn::SocketAction, CURLM_BAD_HANDLE, ok),
              CURLM_RECURSIVE_API_CALL);
    EXPECT_EQ(enter_multi(m, MultiFn::Assign, CURLM_BAD_HANDLE, ok), CURLM_OK);
    EXPECT_EQ(enter_multi(m, MultiFn::Wakeup, CURLM_BAD_HANDLE, ok), CURLM_OK);
    {
      Multi::CallbackScope nested(m->engine);
      EXPECT_EQ(enter_multi(m, MultiFn::Perform, CURLM_BAD_HANDLE, ok), CURLM_RECURSIVE_API_CALL);
    }
    EXPECT_TRUE(m->engine.in_callback());  // the outer scope is still open
  }
  EXPECT_FALSE(m->engine.in_callback());
  EXPECT_EQ(enter_multi(m, MultiFn::Timeout, CURLM_BAD_HANDLE, ok), CURLM_OK);
  destroy_shell(m);
}

TEST(Guard, EasyRulesDenySendButAllowSetoptInsideCallbacks) {
  auto* m = new Curl_multi;
  auto* e = new Curl_easy;
  e->engine.set_multi(&m->engine);
  auto ok = [](Curl_easy&) { return CURLE_OK; };
  {
    Multi::CallbackScope in_cb(m->engine);
    EXPECT_EQ(enter_easy(e, EasyFn::Send, CURLE_BAD_FUNCTION_ARGUMENT, ok),
              CURLE_RECURSIVE_API_CALL);
    EXPECT_EQ(enter_easy(e, EasyFn::Recv, CURLE_BAD_FUNCTION_ARGUMENT, ok),
              CURLE_RECURSIVE_API_CALL);
    EXPECT_EQ(enter_easy(e, EasyFn::Setopt, CURLE_BAD_FUNCTION_ARGUMENT, ok), CURLE_OK);
    EXPECT_EQ(enter_easy(e, EasyFn::Pause, CURLE_BAD_FUNCTION_ARGUMENT, ok), CURLE_OK);
  }
  EXPECT_EQ(enter_easy(e, EasyFn::Send, CURLE_BAD_FUNCTION_ARGUMENT, ok), CURLE_OK);
  e->engine.set_multi(nullptr);
  destroy_shell(e);
  destroy_shell(m);
}

}  // namespace
}  // namespace mcurl::api
