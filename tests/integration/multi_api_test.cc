// The multi interface itself (not parameterised): re-entrancy answers from inside the
// socket and timer callbacks, callbacks failing with -1 (the dead multi), removing and
// cleaning up handles mid-transfer, curl_multi_cleanup with handles added, connection
// limits with pending transfers, the message queue, wakeup, timeout and fdset.
// Expected values are 7.88.1's (BEHAVIOUR.md B-O).
#include <sys/select.h>

#include <atomic>

#include "harness.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // curl_multi_socket_all

namespace mcurl::itest {
namespace {

using Clock = std::chrono::steady_clock;

const char kOk[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

long ms_since(Clock::time_point t) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

class MultiApi : public Harness {
 public:
  void relax_socket_checks() { check_loop_ = false; }

 protected:
  // Drives by hand until `pred` holds; false (and a failure) after `limit`.
  template <class Pred>
  bool pump_until(Pred pred, Ms limit = 10s) {
    auto deadline = Clock::now() + limit;
    while (!pred()) {
      if (Clock::now() > deadline) {
        ADD_FAILURE() << "condition not reached within " << limit.count() << " ms\n" << trace();
        return false;
      }
      EXPECT_EQ(pump(), CURLM_OK);
    }
    return true;
  }
};

// What every multi function answers when called from inside a callback.
struct Answers {
  bool taken = false;
  CURLMcode add = CURLM_LAST, remove = CURLM_LAST, perform = CURLM_LAST, socket_action = CURLM_LAST,
            socket_all = CURLM_LAST, timeout = CURLM_LAST, setopt = CURLM_LAST, fdset = CURLM_LAST,
            wait = CURLM_LAST, poll = CURLM_LAST, cleanup = CURLM_LAST, assign = CURLM_LAST,
            wakeup = CURLM_LAST;
  bool info_null = false;
  int msgs = -1;
};

int g_marker;

Answers probe(CURLM* m, CURL* added, CURL* spare, curl_socket_t fd) {
  Answers a;
  a.taken = true;
  int running = -1;
  a.add = curl_multi_add_handle(m, spare);
  a.remove = curl_multi_remove_handle(m, added);
  a.perform = curl_multi_perform(m, &running);
  a.socket_action = curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
  a.socket_all = curl_multi_socket_all(m, &running);
  long t = -7;
  a.timeout = curl_multi_timeout(m, &t);
  a.setopt = curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 7L);
  fd_set r, w, e;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&e);
  int max_fd = -2;
  a.fdset = curl_multi_fdset(m, &r, &w, &e, &max_fd);
  int n = -1;
  a.wait = curl_multi_wait(m, nullptr, 0, 0, &n);
  a.poll = curl_multi_poll(m, nullptr, 0, 0, &n);
  a.cleanup = curl_multi_cleanup(m);
  a.msgs = 99;
  a.info_null = curl_multi_info_read(m, &a.msgs) == nullptr;
  if (fd != CURL_SOCKET_BAD) a.assign = curl_multi_assign(m, fd, &g_marker);
  a.wakeup = curl_multi_wakeup(m);
  return a;
}

void expect_recursive(const Answers& a, bool with_assign) {
  ASSERT_TRUE(a.taken);
  EXPECT_EQ(a.add, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.remove, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.perform, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.socket_action, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.socket_all, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.timeout, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.setopt, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.fdset, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.wait, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.poll, CURLM_RECURSIVE_API_CALL);
  EXPECT_EQ(a.cleanup, CURLM_RECURSIVE_API_CALL);
  EXPECT_TRUE(a.info_null);
  EXPECT_EQ(a.msgs, 0);
  if (with_assign) {
    EXPECT_EQ(a.assign, CURLM_OK);
  }
  EXPECT_EQ(a.wakeup, CURLM_OK);
}

TEST_F(MultiApi, EasyPerformOfTheAddedHandleFromItsCallback) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/w"));
  CURLcode inside = CURLE_OK;
  bool called = false;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) {
    if (!called) {
      called = true;
      inside = curl_easy_perform(self.get());
    }
    self.body.append(p, n);
    return n;
  };
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_TRUE(called);
  // The handle is in a multi: 7.88.1 checks that first ("easy handle already used in
  // multi handle").
  EXPECT_EQ(inside, CURLE_FAILED_INIT);
}

TEST_F(MultiApi, ReentrancyFromTheSocketCallback) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/r"));
  Easy& spare = make_easy(s.url("/never"));
  Answers a;
  curl_socket_t probed = CURL_SOCKET_BAD;
  socket_hook = [&](CURL*, curl_socket_t fd, int what) {
    if (!a.taken && what != CURL_POLL_REMOVE) {
      probed = fd;
      a = probe(multi(), e.get(), spare.get(), fd);
    }
    return 0;
  };
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  expect_recursive(a, true);
  // The assigned pointer comes back in the later calls for that socket.
  bool later = false;
  for (const auto& c : loop().socket_calls()) {
    if (c.fd != probed) continue;
    if (later) {
      EXPECT_EQ(c.socketp, &g_marker) << "what=" << c.what;
    }
    later = true;
  }
  EXPECT_TRUE(later);
  // The spare handle was never added: it can be added now.
  socket_hook = nullptr;
  EXPECT_EQ(curl_multi_remove_handle(multi(), spare.get()), CURLM_OK);
  EXPECT_EQ(s.request_count(), 1u);
}

TEST_F(MultiApi, ReentrancyFromTheTimerCallback) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/t"));
  Easy& spare = make_easy(s.url("/never"));
  Answers a;
  timer_hook = [&](long) {
    if (!a.taken) a = probe(multi(), e.get(), spare.get(), CURL_SOCKET_BAD);
    return 0;
  };
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  expect_recursive(a, false);
  EXPECT_EQ(e.body, "ok");
}

TEST_F(MultiApi, ReentrancyFromTheWriteCallback) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/w"));
  Easy& spare = make_easy(s.url("/never"));
  Answers a;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) {
    if (!a.taken) a = probe(multi(), self.get(), spare.get(), CURL_SOCKET_BAD);
    self.body.append(p, n);
    return n;
  };
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  expect_recursive(a, false);
  EXPECT_EQ(e.body, "ok");
}

TEST_F(MultiApi, StrayActionsAndAssignOnUnknownSockets) {
  int running = -1;
  EXPECT_EQ(curl_multi_socket_action(multi(), 12345, CURL_CSELECT_IN, &running), CURLM_OK);
  EXPECT_EQ(running, 0);
  if (is_mcurl()) {  // 7.88.1 dereferences a NULL running_handles (BEHAVIOUR.md item 59)
    EXPECT_EQ(curl_multi_socket_action(multi(), CURL_SOCKET_TIMEOUT, 0, nullptr), CURLM_OK);
  }
  EXPECT_EQ(curl_multi_assign(multi(), 12345, &g_marker), CURLM_BAD_SOCKET);
  Easy& e = make_easy("http://127.0.0.1:1/");
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);  // never added
  EXPECT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  EXPECT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_ADDED_ALREADY);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);  // twice
  mark_all_done();
}

// A socket callback that fails at call `n`: the call that triggered it answers
// CURLM_ABORTED_BY_CALLBACK, the multi is dead (add_handle refused) until every handle
// is removed; a transfer that runs again ends with CURLE_ABORTED_BY_CALLBACK.
void socket_failure_case(MultiApi& t, ScriptedServer& s, std::size_t n) {
  // The socket contract after the failure is checked by DeadMultiStillRemovesSockets.
  if (is_mcurl()) t.relax_socket_checks();
  Easy& e = t.make_easy(s.url("/dead"));
  Easy& other = t.make_easy(s.url("/other"));
  t.loop().fail_socket_call(n);
  ASSERT_EQ(curl_multi_add_handle(t.multi(), e.get()), CURLM_OK);
  CURLMcode failed = CURLM_OK;
  auto deadline = Clock::now() + 10s;
  while (failed == CURLM_OK && Clock::now() < deadline) failed = t.pump();
  ASSERT_EQ(failed, CURLM_ABORTED_BY_CALLBACK);
  EXPECT_EQ(t.loop().socket_calls().size(), n);
  EXPECT_EQ(curl_multi_add_handle(t.multi(), other.get()), CURLM_ABORTED_BY_CALLBACK);
  long tmo = -5;
  EXPECT_EQ(curl_multi_timeout(t.multi(), &tmo), CURLM_OK);
  EXPECT_EQ(tmo, 0);  // a dead multi wants to be called at once
  // Keep driving: the transfer fails with ABORTED_BY_CALLBACK and completes.
  int running = -1;
  CURLMsg* msg = nullptr;
  deadline = Clock::now() + 10s;
  while (msg == nullptr && Clock::now() < deadline) {
    curl_multi_socket_action(t.multi(), CURL_SOCKET_TIMEOUT, 0, &running);
    int left = 0;
    msg = curl_multi_info_read(t.multi(), &left);
    if (msg == nullptr) t.pump(10ms);
  }
  ASSERT_NE(msg, nullptr);
  EXPECT_EQ(msg->easy_handle, e.get());
  EXPECT_EQ(msg->data.result, CURLE_ABORTED_BY_CALLBACK);
  EXPECT_EQ(running, 0);
  EXPECT_EQ(curl_multi_remove_handle(t.multi(), e.get()), CURLM_OK);
  // Every handle removed: the multi takes transfers again.
  t.loop().fail_socket_call(0);
  EXPECT_EQ(curl_multi_add_handle(t.multi(), other.get()), CURLM_OK);
  EXPECT_EQ(curl_multi_remove_handle(t.multi(), other.get()), CURLM_OK);
  t.mark_all_done();
}

TEST_F(MultiApi, SocketCallbackFailsAtSecondCall) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  socket_failure_case(*this, s, 2);
}

TEST_F(MultiApi, SocketCallbackFailsAtFirstCall) {
  // 7.88.1 closes the connecting socket of the aborted transfer without the close
  // callback and without REMOVE: the oracle run checks only the answers.
  if (!is_mcurl()) check_loop_ = check_fds_ = false;
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  socket_failure_case(*this, s, 1);
}

TEST_F(MultiApi, DeadMultiStillRemovesSockets) {
  // After a socket callback returned -1, removing the transfer closes its socket: the
  // application must still hear REMOVE first (7.88.1 keeps calling the socket callback).
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/dead"));
  loop().fail_socket_call(2);
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  CURLMcode failed = CURLM_OK;
  auto deadline = Clock::now() + 10s;
  while (failed == CURLM_OK && Clock::now() < deadline) failed = pump();
  ASSERT_EQ(failed, CURLM_ABORTED_BY_CALLBACK);
  loop().fail_socket_call(0);
  ASSERT_EQ(loop().announced().size(), 1u);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  EXPECT_TRUE(loop().announced().empty()) << trace();
  EXPECT_TRUE(loop().violations().empty()) << trace();
  mark_all_done();
}

TEST_F(MultiApi, TimerCallbackFailsInsideAddHandle) {
  if (!is_mcurl()) {
    // 7.88.1 returns from add_handle before linking the handle: it stays half-added
    // (ADDED_ALREADY, yet not alive, so the multi is not kept dead). mcurl follows the
    // documented contract (BEHAVIOUR.md items 13, 69, 128).
    GTEST_SKIP() << "7.88.1 leaves the handle half-added";
  }
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/t1"));
  Easy& other = make_easy(s.url("/t2"));
  loop().fail_timer_call(1);
  EXPECT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_ABORTED_BY_CALLBACK);
  EXPECT_EQ(loop().timer_calls().size(), 1u);
  // The handle is added nonetheless (the failure came after); the multi is dead.
  EXPECT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_ADDED_ALREADY);
  EXPECT_EQ(curl_multi_add_handle(multi(), other.get()), CURLM_ABORTED_BY_CALLBACK);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  loop().fail_timer_call(0);
  // Revived: a new transfer runs normally.
  ASSERT_EQ(run1(other), CURLE_OK) << other.error();
  EXPECT_EQ(other.body, "ok");
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].target, "/t2");
}

TEST_F(MultiApi, TimerCallbackFailsAtSecondCall) {
  // 7.88.1 sends the REMOVE after closing the socket (and not through the close
  // callback): the oracle run checks only the answers; on mcurl the socket contract
  // is checked by DeadMultiStillRemovesSockets.
  if (!is_mcurl()) check_loop_ = check_fds_ = false;
  if (is_mcurl()) check_loop_ = false;
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/t"));
  loop().fail_timer_call(2);
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  CURLMcode failed = CURLM_OK;
  auto deadline = Clock::now() + 10s;
  while (failed == CURLM_OK && Clock::now() < deadline) failed = pump();
  EXPECT_EQ(failed, CURLM_ABORTED_BY_CALLBACK);
  EXPECT_EQ(loop().timer_calls().size(), 2u);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  mark_all_done();
}

TEST_F(MultiApi, RemoveHandleMidTransfer) {
  ScriptedServer s(std::vector<test::Script>{
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart"),
       Step::hold()},
      {Step::expect_request(), Step::send(kOk), Step::expect_close()}});
  Easy& e = make_easy(s.url("/mid"));
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  ASSERT_TRUE(pump_until([&] { return e.body == "part"; }));
  ASSERT_EQ(loop().announced().size(), 1u);
  int fd = loop().announced().begin()->first;
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  EXPECT_TRUE(loop().announced().empty()) << "no REMOVE for the removed transfer's socket";
  EXPECT_EQ(loop().whats_for(fd).back(), CURL_POLL_REMOVE);
  int left = -1;
  EXPECT_EQ(curl_multi_info_read(multi(), &left), nullptr) << "a message for a removed handle";
  EXPECT_EQ(left, 0);
  // A partial response: the connection is closed, not pooled.
  EXPECT_TRUE(open_sockets().empty());
  // The next transfer on this multi uses a new connection.
  e.body.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "ok");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 1);
  EXPECT_EQ(s.connection_count(), 2u);
}

TEST_F(MultiApi, EasyCleanupOfAnAddedHandle) {
  if (!is_mcurl()) {
    GTEST_SKIP() << "7.88.1 pools the connection with the abandoned response and sends the "
                    "next request on it (curl issue #17578, BEHAVIOUR.md item 133)";
  }
  ScriptedServer s(std::vector<test::Script>{
      {Step::expect_request(), Step::send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart"),
       Step::hold()},
      {Step::expect_request(), Step::send(kOk), Step::expect_close()}});
  Easy& e = make_easy(s.url("/gone"));
  Easy& next = make_easy(s.url("/next"));
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  ASSERT_TRUE(pump_until([&] { return e.body == "part"; }));
  e.cleanup();  // implicitly removed (BEHAVIOUR.md item 34)
  EXPECT_TRUE(loop().announced().empty());
  int left = -1;
  EXPECT_EQ(curl_multi_info_read(multi(), &left), nullptr);
  // The multi goes on; the abandoned response is never seen by the next transfer.
  ASSERT_EQ(run1(next), CURLE_OK) << next.error();
  EXPECT_EQ(next.body, "ok");
  EXPECT_EQ(next.info_long(CURLINFO_NUM_CONNECTS), 1);
}

TEST_F(MultiApi, MultiCleanupWithHandlesStillAdded) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart"),
                    Step::hold()});
  Easy& a = make_easy(s.url("/a"));
  Easy& b = make_easy(s.url("/b"));
  ASSERT_EQ(curl_multi_add_handle(multi(), a.get()), CURLM_OK);
  ASSERT_EQ(curl_multi_add_handle(multi(), b.get()), CURLM_OK);
  ASSERT_TRUE(pump_until([&] { return a.body == "part" && b.body == "part"; }));
  EXPECT_EQ(loop().announced().size(), 2u);
  EXPECT_EQ(curl_multi_cleanup(multi_), CURLM_OK);
  multi_ = nullptr;
  mark_all_done();
  EXPECT_TRUE(loop().announced().empty()) << "cleanup did not REMOVE the sockets";
  EXPECT_TRUE(open_sockets().empty());
  // The handles are the application's again: usable with curl_easy_perform.
  a.cleanup();
  b.set(CURLOPT_TIMEOUT_MS, 100L);
  EXPECT_EQ(curl_easy_perform(b.get()), CURLE_OPERATION_TIMEDOUT);
  s.stop();
}

TEST_F(MultiApi, MaxTotalConnectionsQueuesTransfers) {
  // Every connection serves any number of requests; each answer comes after 20 ms, so
  // transfers overlap and the limit matters.
  ScriptedServer s([](std::size_t) {
    test::Script sc;
    for (int i = 0; i < 12; ++i) {
      sc.push_back(Step::expect_request());
      sc.push_back(Step::delay(20));
      sc.push_back(Step::send(kOk));
    }
    return sc;
  });
  curl_multi_setopt(multi(), CURLMOPT_MAX_TOTAL_CONNECTIONS, 2L);
  std::vector<Easy*> list;
  for (int i = 0; i < 8; ++i) list.push_back(&make_easy(s.url("/q" + std::to_string(i))));
  std::size_t peak = 0;
  list[0]->tick = [&](Easy&) { peak = std::max(peak, s.active_connections()); };
  auto results = run(list);
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], CURLE_OK) << i;
    EXPECT_EQ(list[i]->body, "ok") << i;
  }
  EXPECT_LE(s.connection_count(), 2u);
  EXPECT_LE(peak, 2u);
  EXPECT_EQ(s.request_count(), 8u);
}

TEST_F(MultiApi, MaxHostConnectionsPerHost) {
  auto script = [](std::size_t) {
    test::Script sc;
    for (int i = 0; i < 8; ++i) {
      sc.push_back(Step::expect_request());
      sc.push_back(Step::delay(10));
      sc.push_back(Step::send(kOk));
    }
    return sc;
  };
  ScriptedServer s1(script), s2(script);
  curl_multi_setopt(multi(), CURLMOPT_MAX_HOST_CONNECTIONS, 1L);
  std::vector<Easy*> list;
  for (int i = 0; i < 4; ++i) {
    list.push_back(&make_easy(s1.url("/h1")));
    list.push_back(&make_easy(s2.url("/h2")));
  }
  auto results = run(list);
  for (std::size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i], CURLE_OK) << i;
  EXPECT_EQ(s1.connection_count(), 1u);
  EXPECT_EQ(s2.connection_count(), 1u);
  EXPECT_EQ(s1.request_count(), 4u);
  EXPECT_EQ(s2.request_count(), 4u);
}

TEST_F(MultiApi, PendingTransfersCountAsRunning) {
  ScriptedServer s([](std::size_t) {
    return test::Script{Step::expect_request(), Step::delay(30), Step::send(kOk),
                        Step::expect_request(), Step::send(kOk), Step::expect_close()};
  });
  curl_multi_setopt(multi(), CURLMOPT_MAX_TOTAL_CONNECTIONS, 1L);
  Easy& a = make_easy(s.url("/1"));
  Easy& b = make_easy(s.url("/2"));
  ASSERT_EQ(curl_multi_add_handle(multi(), a.get()), CURLM_OK);
  ASSERT_EQ(curl_multi_add_handle(multi(), b.get()), CURLM_OK);
  int running = -1;
  ASSERT_EQ(curl_multi_socket_action(multi(), CURL_SOCKET_TIMEOUT, 0, &running), CURLM_OK);
  EXPECT_EQ(running, 2);
  std::map<CURL*, CURLcode> done;
  ASSERT_TRUE(drive({a.get(), b.get()}, done, 10s));
  mark_all_done();
  EXPECT_EQ(done[a.get()], CURLE_OK);
  EXPECT_EQ(done[b.get()], CURLE_OK);
  EXPECT_EQ(s.connection_count(), 1u);
  EXPECT_EQ(b.info_long(CURLINFO_NUM_CONNECTS), 0);  // it waited and reused a's
}

TEST_F(MultiApi, InfoReadIsFifoWithCounts) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send(kOk), Step::expect_request(), Step::send(kOk),
                    Step::expect_close()});
  Easy& a = make_easy(s.url("/a"));
  Easy& b = make_easy(s.url("/b"));
  Easy& c = make_easy(s.url("/c"));
  // One after the other, without reading messages: they queue in completion order.
  for (Easy* e : {&a, &b, &c}) {
    ASSERT_EQ(curl_multi_add_handle(multi(), e->get()), CURLM_OK);
    int running = 1;
    auto deadline = Clock::now() + 10s;
    while (running != 0 && Clock::now() < deadline) pump(50ms, &running);
    ASSERT_EQ(running, 0);
  }
  int left = -1;
  for (Easy* e : {&a, &b, &c}) {
    CURLMsg* m = curl_multi_info_read(multi(), &left);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->msg, CURLMSG_DONE);
    EXPECT_EQ(m->easy_handle, e->get());
    EXPECT_EQ(m->data.result, CURLE_OK);
    EXPECT_EQ(left, e == &a ? 2 : e == &b ? 1 : 0);
  }
  left = -1;
  EXPECT_EQ(curl_multi_info_read(multi(), &left), nullptr);
  EXPECT_EQ(left, 0);
  // Removing a handle drops its unread message; re-adding allows a new one.
  for (Easy* e : {&a, &b, &c}) EXPECT_EQ(curl_multi_remove_handle(multi(), e->get()), CURLM_OK);
  mark_all_done();
}

TEST_F(MultiApi, RemoveDropsAnUnreadMessage) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_request(),
                    Step::send(kOk), Step::expect_close()});
  Easy& a = make_easy(s.url("/a"));
  Easy& b = make_easy(s.url("/b"));
  for (Easy* e : {&a, &b}) {
    ASSERT_EQ(curl_multi_add_handle(multi(), e->get()), CURLM_OK);
    int running = 1;
    auto deadline = Clock::now() + 10s;
    while (running != 0 && Clock::now() < deadline) pump(50ms, &running);
    ASSERT_EQ(running, 0);
  }
  EXPECT_EQ(curl_multi_remove_handle(multi(), a.get()), CURLM_OK);
  int left = -1;
  CURLMsg* m = curl_multi_info_read(multi(), &left);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->easy_handle, b.get());
  EXPECT_EQ(left, 0);
  EXPECT_EQ(curl_multi_info_read(multi(), &left), nullptr);
  EXPECT_EQ(curl_multi_remove_handle(multi(), b.get()), CURLM_OK);
  mark_all_done();
}

TEST_F(MultiApi, WakeupFromAnotherThreadEndsPoll) {
  mode_ = DriveMode::MultiPerform;
  CURLM* m = multi();
  std::atomic<bool> started{false};
  std::thread waker([&] {
    while (!started.load()) std::this_thread::yield();
    EXPECT_EQ(curl_multi_wakeup(m), CURLM_OK);
  });
  auto t0 = Clock::now();
  started = true;
  int n = -1;
  EXPECT_EQ(curl_multi_poll(m, nullptr, 0, 10000, &n), CURLM_OK);
  EXPECT_LT(ms_since(t0), 5000) << "curl_multi_wakeup did not end curl_multi_poll";
  EXPECT_EQ(n, 0);
  waker.join();
}

TEST_F(MultiApi, WakeupsCoalesceAndBadArguments) {
  mode_ = DriveMode::MultiPerform;
  CURLM* m = multi();
  EXPECT_EQ(curl_multi_wakeup(m), CURLM_OK);
  EXPECT_EQ(curl_multi_wakeup(m), CURLM_OK);
  auto t0 = Clock::now();
  int n = -1;
  EXPECT_EQ(curl_multi_poll(m, nullptr, 0, 5000, &n), CURLM_OK);
  EXPECT_LT(ms_since(t0), 1000);
  t0 = Clock::now();
  EXPECT_EQ(curl_multi_poll(m, nullptr, 0, 100, &n), CURLM_OK);  // consumed: waits
  EXPECT_GE(ms_since(t0), 90);
  EXPECT_EQ(curl_multi_poll(m, nullptr, 0, -1, &n), CURLM_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(curl_multi_wait(m, nullptr, 0, -1, &n), CURLM_BAD_FUNCTION_ARGUMENT);
  // curl_multi_wait with nothing to wait on returns at once.
  t0 = Clock::now();
  EXPECT_EQ(curl_multi_wait(m, nullptr, 0, 2000, &n), CURLM_OK);
  EXPECT_LT(ms_since(t0), 1000);
}

TEST_F(MultiApi, PollReportsExtraFds) {
  mode_ = DriveMode::MultiPerform;
  CURLM* m = multi();
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  ASSERT_EQ(::write(p[1], "x", 1), 1);
  curl_waitfd w[2] = {{p[0], CURL_WAIT_POLLIN, 0}, {p[1], CURL_WAIT_POLLIN, 0}};
  int n = -1;
  EXPECT_EQ(curl_multi_poll(m, w, 2, 1000, &n), CURLM_OK);
  EXPECT_EQ(n, 1);
  EXPECT_EQ(w[0].revents, CURL_WAIT_POLLIN);
  EXPECT_EQ(w[1].revents, 0);
  ::close(p[0]);
  ::close(p[1]);
}

TEST_F(MultiApi, TimeoutValues) {
  ScriptedServer s({Step::expect_request(), Step::hold()});
  long t = -5;
  EXPECT_EQ(curl_multi_timeout(multi(), &t), CURLM_OK);
  EXPECT_EQ(t, -1);  // nothing to do
  Easy& e = make_easy(s.url("/held"));
  e.set(CURLOPT_TIMEOUT_MS, 5000L);
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  EXPECT_EQ(curl_multi_timeout(multi(), &t), CURLM_OK);
  EXPECT_EQ(t, 0);  // a new transfer wants to run now
  ASSERT_TRUE(s.wait_for_requests(0, 1s));
  ASSERT_TRUE(pump_until([&] { return s.request_count() == 1; }));
  // Waiting for the response: the next deadline is the transfer's timeout (or sooner).
  EXPECT_EQ(curl_multi_timeout(multi(), &t), CURLM_OK);
  EXPECT_GT(t, 0);
  EXPECT_LE(t, 5000);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  mark_all_done();
  EXPECT_EQ(curl_multi_timeout(multi(), &t), CURLM_OK);
  EXPECT_EQ(t, -1);
  s.stop();
}

TEST_F(MultiApi, FdsetReportsTheTransferSocket) {
  mode_ = DriveMode::MultiPerform;
  ScriptedServer s({Step::expect_request(), Step::hold()});
  CURLM* m = multi();
  fd_set r, w, x;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  FD_SET(0, &r);  // fdset only adds bits
  int max_fd = 77;
  EXPECT_EQ(curl_multi_fdset(m, &r, &w, &x, &max_fd), CURLM_OK);
  EXPECT_EQ(max_fd, -1);
  EXPECT_TRUE(FD_ISSET(0, &r));
  Easy& e = make_easy(s.url("/fd"));
  ASSERT_EQ(curl_multi_add_handle(m, e.get()), CURLM_OK);
  int running = -1;
  auto deadline = Clock::now() + 10s;
  while (s.request_count() == 0 && Clock::now() < deadline) {
    EXPECT_EQ(curl_multi_perform(m, &running), CURLM_OK);
    int n;
    curl_multi_poll(m, nullptr, 0, 20, &n);
  }
  ASSERT_EQ(s.request_count(), 1u);
  EXPECT_EQ(curl_multi_perform(m, &running), CURLM_OK);
  EXPECT_EQ(running, 1);
  ASSERT_EQ(open_sockets().size(), 1u);
  int fd = *open_sockets().begin();
  FD_ZERO(&r);
  FD_ZERO(&w);
  max_fd = -5;
  EXPECT_EQ(curl_multi_fdset(m, &r, &w, &x, &max_fd), CURLM_OK);
  EXPECT_EQ(max_fd, fd);
  EXPECT_TRUE(FD_ISSET(fd, &r));  // waiting for the response
  EXPECT_FALSE(FD_ISSET(fd, &w));
  EXPECT_EQ(curl_multi_remove_handle(m, e.get()), CURLM_OK);
  s.stop();
}

TEST_F(MultiApi, ManyConcurrentTransfersOnOneMulti) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  std::vector<Easy*> list;
  for (int i = 0; i < 50; ++i) list.push_back(&make_easy(s.url("/m" + std::to_string(i))));
  auto results = run(list);
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i], CURLE_OK) << i;
    EXPECT_EQ(list[i]->body, "ok");
  }
  EXPECT_EQ(s.request_count(), 50u);
}

TEST_F(MultiApi, PerformOnlyWithCallbacksInstalledCompletes) {
  // BEHAVIOUR.md item 62: the callbacks are set, but the application drives with
  // curl_multi_perform alone.
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  CURLM* m = multi();  // SocketAction mode: callbacks installed
  Easy& e = make_easy(s.url("/p"));
  ASSERT_EQ(curl_multi_add_handle(m, e.get()), CURLM_OK);
  int running = 1;
  auto deadline = Clock::now() + 10s;
  while (running != 0 && Clock::now() < deadline) {
    EXPECT_EQ(curl_multi_perform(m, &running), CURLM_OK);
    int n;
    if (running != 0) curl_multi_poll(m, nullptr, 0, 20, &n);
  }
  EXPECT_EQ(running, 0);
  int left;
  CURLMsg* msg = curl_multi_info_read(m, &left);
  ASSERT_NE(msg, nullptr);
  EXPECT_EQ(msg->data.result, CURLE_OK);
  EXPECT_EQ(e.body, "ok");
  EXPECT_EQ(curl_multi_remove_handle(m, e.get()), CURLM_OK);
  mark_all_done();
}

TEST_F(MultiApi, EasyToMultiToEasy) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/x"));
  EXPECT_EQ(curl_easy_perform(e.get()), CURLE_OK);
  EXPECT_EQ(run1(e), CURLE_OK);
  EXPECT_EQ(curl_easy_perform(e.get()), CURLE_OK);
  EXPECT_EQ(e.body, "okokok");
  EXPECT_EQ(s.request_count(), 3u);
}

TEST_F(MultiApi, EasyPerformOfAnAddedHandleFails) {
  Easy& e = make_easy("http://127.0.0.1:1/");
  ASSERT_EQ(curl_multi_add_handle(multi(), e.get()), CURLM_OK);
  EXPECT_EQ(curl_easy_perform(e.get()), CURLE_FAILED_INIT);
  EXPECT_EQ(curl_multi_remove_handle(multi(), e.get()), CURLM_OK);
  mark_all_done();
}

}  // namespace
}  // namespace mcurl::itest

namespace mcurl::itest {
namespace {

TEST_F(MultiApi, ConnectionChurnReusesFdNumbersCleanly) {
  // BEHAVIOUR.md items 121, 122: FORBID_REUSE, sequential transfers; every socket gets
  // a pointer assigned on its announcement, and a reused fd number must be announced
  // afresh with socketp NULL (RecordingLoop checks), with REMOVE before each close.
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  socket_hook = [&](CURL*, curl_socket_t fd, int what) {
    if (what != CURL_POLL_REMOVE) {
      EXPECT_EQ(curl_multi_assign(multi(), fd, &g_marker), CURLM_OK);
    }
    return 0;
  };
  Easy& e = make_easy(s.url("/churn"));
  e.set(CURLOPT_FORBID_REUSE, 1L);
  for (int i = 0; i < 200; ++i) ASSERT_EQ(run1(e), CURLE_OK) << i << ": " << e.error();
  std::set<int> fds;
  for (const auto& c : loop().socket_calls()) fds.insert(c.fd);
  EXPECT_EQ(e.body.size(), 400u);
  EXPECT_EQ(sockets_opened(), 200u);
  EXPECT_LT(fds.size(), 10u) << "fd numbers were expected to be reused";
  EXPECT_EQ(loop().removes(), loop().announcements());
  EXPECT_TRUE(loop().violations().empty());
}

TEST_F(MultiApi, NoZeroTimerStorm) {
  // BEHAVIOUR.md item 131: 0 ms timer requests do not repeat without I/O.
  ScriptedServer s({Step::expect_request(),
                    Step::send_slowly("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n"
                                      "01234567890123456789",
                                      7, 5),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/z"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_LE(loop().max_zero_streak(), 3u) << trace();
  // And the loop did not spin: a handful of wakeups per server write at most.
  EXPECT_LT(loop().driver().wakeups(), 200u);
}

}  // namespace
}  // namespace mcurl::itest
