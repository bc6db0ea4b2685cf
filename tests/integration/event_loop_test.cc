// Event-loop behaviours of the socket interface (SocketAction only): an edge-triggered
// loop (BEHAVIOUR.md items 53, 127), a paused transfer without a busy loop and resumed
// without new network activity (items 97, 126), timeouts driven by timers alone.
#include "harness.h"

namespace mcurl::itest {
namespace {

using Clock = std::chrono::steady_clock;

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

class EventLoop : public Harness {};

TEST_F(EventLoop, EdgeTriggeredLargeBody) {
  if (!is_mcurl()) GTEST_SKIP() << "7.88.1 reads once per event and stalls under EPOLLET";
  const std::string big = pattern(3 << 20);
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(big.size()) +
                               "\r\n\r\n" + big),
                    Step::expect_close()});
  loop().driver().set_edge_triggered(true);
  Easy& e = make_easy(s.url("/et"));
  ASSERT_EQ(run1(e, 20s), CURLE_OK) << e.error();
  EXPECT_TRUE(e.body == big) << e.body.size();
}

TEST_F(EventLoop, EdgeTriggeredManySmallResponsesOnOneConnection) {
  if (!is_mcurl()) GTEST_SKIP() << "7.88.1 reads once per event and stalls under EPOLLET";
  test::Script sc;
  for (int i = 0; i < 20; ++i) {
    sc.push_back(Step::expect_request());
    sc.push_back(
        Step::send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "3\r\nabc\r\n0\r\n\r\n"));
  }
  ScriptedServer s(sc);
  loop().driver().set_edge_triggered(true);
  Easy& e = make_easy(s.url("/et2"));
  for (int i = 0; i < 20; ++i) ASSERT_EQ(run1(e, 5s), CURLE_OK) << i << e.error();
  EXPECT_EQ(e.body.size(), 60u);
  EXPECT_EQ(s.connection_count(), 1u);
}

TEST_F(EventLoop, PausedTransferDoesNotSpinAndResumes) {
  const std::string big = pattern(1 << 20);
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(big.size()) +
                               "\r\n\r\n" + big),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/pause"));
  bool paused = false;
  bool was_paused = false;
  Clock::time_point paused_at;
  std::size_t actions_at_pause = 0;
  std::size_t actions_at_resume = 0;
  std::string refused;
  std::string again;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) -> std::size_t {
    if (!was_paused) {
      was_paused = paused = true;
      paused_at = Clock::now();
      refused.assign(p, n);
      return CURL_WRITEFUNC_PAUSE;
    }
    if (again.empty()) again.assign(p, std::min(n, refused.size()));
    self.body.append(p, n);
    return n;
  };
  auto count_actions = [&] {
    std::size_t n = 0;
    std::string t = trace();
    for (std::size_t pos = 0; (pos = t.find("socket_action fd=", pos)) != std::string::npos; ++pos)
      ++n;
    return n;
  };
  e.tick = [&](Easy& self) {
    if (paused && actions_at_pause == 0) actions_at_pause = count_actions() + 1;
    if (paused && Clock::now() - paused_at >= 300ms) {
      paused = false;
      actions_at_resume = count_actions() + 1;
      EXPECT_EQ(curl_easy_pause(self.get(), CURLPAUSE_CONT), CURLE_OK);
    }
  };
  ASSERT_EQ(run1(e, 20s), CURLE_OK) << e.error();
  EXPECT_TRUE(was_paused);
  EXPECT_EQ(again, refused);
  EXPECT_TRUE(e.body == big) << e.body.size();
  // While paused for 300 ms, the paused socket was not reported over and over.
  EXPECT_LE(actions_at_resume - actions_at_pause, 3u) << "busy loop while paused";
}

TEST_F(EventLoop, UnpauseAfterEverythingArrivedDeliversWithoutNetworkActivity) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabcdef"),
                    Step::hold()});
  Easy& e = make_easy(s.url("/held"));
  bool paused = false;
  int calls = 0;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) -> std::size_t {
    if (++calls == 1) {
      paused = true;
      return CURL_WRITEFUNC_PAUSE;
    }
    self.body.append(p, n);
    return n;
  };
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  auto deadline = Clock::now() + 10s;
  while (!paused && Clock::now() < deadline) pump();
  ASSERT_TRUE(paused);
  // Everything has arrived; the server sends nothing more. Unpausing must lead to the
  // delivery through a timer (0 ms) alone.
  EXPECT_EQ(curl_easy_pause(e.get(), CURLPAUSE_CONT), CURLE_OK);
  std::map<CURL*, CURLcode> done;
  ASSERT_TRUE(drive({e.get()}, done, 5s));
  mark_all_done();
  EXPECT_EQ(done[e.get()], CURLE_OK);
  EXPECT_EQ(e.body, "abcdef");
  s.stop();
}

TEST_F(EventLoop, LowSpeedLimitFiresThroughTimers) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nabc"),
                    Step::hold()});
  Easy& e = make_easy(s.url("/lowspeed"));
  e.set(CURLOPT_LOW_SPEED_LIMIT, 100L);
  e.set(CURLOPT_LOW_SPEED_TIME, 1L);
  auto t0 = Clock::now();
  EXPECT_EQ(run1(e), CURLE_OPERATION_TIMEDOUT);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  EXPECT_GE(ms, 900);
  EXPECT_LE(ms, 3000);
  EXPECT_EQ(e.error(),
            "Operation too slow. Less than 100 bytes/sec transferred the last 1 seconds");
  s.stop();
}

}  // namespace
}  // namespace mcurl::itest
