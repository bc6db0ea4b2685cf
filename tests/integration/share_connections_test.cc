// Connections shared through a CURLSH with CURL_LOCK_DATA_CONNECT: handles in several
// threads reuse each other's connections under the application's lock, and a shared
// connection closed while a multi's transfer uses it is removed from that multi's socket
// callback before it closes. (Comparisons with 7.88.1: tests/conformance/s_share_conn_*.c.)
#include <gtest/gtest.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>

#include "httpd_process.h"

namespace mcurl::itest {
namespace {

struct Locks {
  std::array<std::mutex, CURL_LOCK_DATA_LAST> m;
  std::array<std::atomic<int>, CURL_LOCK_DATA_LAST> held{};
  std::atomic<int> overlaps{0};
  std::atomic<int> calls{0};
};

void lock_cb(CURL*, curl_lock_data d, curl_lock_access, void* u) {
  auto* l = static_cast<Locks*>(u);
  l->m[d].lock();
  if (l->held[d]++ != 0) ++l->overlaps;
  ++l->calls;
}

void unlock_cb(CURL*, curl_lock_data d, void* u) {
  auto* l = static_cast<Locks*>(u);
  --l->held[d];
  l->m[d].unlock();
}

std::size_t sink(char*, std::size_t sz, std::size_t n, void* u) {
  *static_cast<std::size_t*>(u) += sz * n;
  return sz * n;
}

std::string url(int port, const std::string& path) {
  return "http://127.0.0.1:" + std::to_string(port) + path;
}

TEST(ShareConnections, ThreadsReuseEachOthersConnectionsUnderTheLock) {
  Httpd httpd;
  ASSERT_NE(httpd.port(), 0) << "mcurl_httpd did not start";
  Locks locks;
  CURLSH* sh = curl_share_init();
  ASSERT_NE(sh, nullptr);
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb), CURLSHE_OK);
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb), CURLSHE_OK);
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_USERDATA, &locks), CURLSHE_OK);
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT), CURLSHE_OK);
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS), CURLSHE_OK);
  constexpr int kThreads = 3;
  constexpr int kRounds = 25;
  std::atomic<int> failures{0};
  std::atomic<long> connects{0};
  std::atomic<long> bytes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        // A new handle each round, as the curl tool makes one per URL.
        CURL* e = curl_easy_init();
        std::size_t got = 0;
        std::string u = url(httpd.port(), "/bytes/" + std::to_string(100 + t));
        curl_easy_setopt(e, CURLOPT_URL, u.c_str());
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &got);
        curl_easy_setopt(e, CURLOPT_SHARE, sh);
        curl_easy_setopt(e, CURLOPT_TIMEOUT, 20L);
        if (curl_easy_perform(e) != CURLE_OK || got != static_cast<std::size_t>(100 + t)) {
          ++failures;
        }
        long n = 0;
        curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &n);
        connects += n;
        bytes += static_cast<long>(got);
        curl_easy_cleanup(e);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(bytes.load(), kRounds * (100 + 101 + 102));
  // At most kThreads transfers run at once, so (connections staying open) at most
  // kThreads connections are ever made; without sharing there would be 75.
  EXPECT_GE(connects.load(), 1);
  EXPECT_LE(connects.load(), kThreads);
  EXPECT_EQ(locks.overlaps.load(), 0);
  EXPECT_GT(locks.calls.load(), kThreads * kRounds);
  EXPECT_EQ(curl_share_cleanup(sh), CURLSHE_OK);
}

struct SocketLog {
  std::vector<std::pair<curl_socket_t, int>> calls;
  std::vector<curl_socket_t> closed;
  std::vector<curl_socket_t> open_at_remove;  // REMOVE seen while the fd was still open
};

int socket_cb(CURL*, curl_socket_t s, int what, void* u, void*) {
  auto* log = static_cast<SocketLog*>(u);
  log->calls.emplace_back(s, what);
  if (what == CURL_POLL_REMOVE && ::fcntl(s, F_GETFD) != -1) log->open_at_remove.push_back(s);
  return 0;
}

int close_cb(void* u, curl_socket_t s) {
  static_cast<SocketLog*>(u)->closed.push_back(s);
  return ::close(s);
}

TEST(ShareConnections, SharedConnectionAbortedInAMultiIsRemovedThereBeforeItCloses) {
  Httpd httpd;
  ASSERT_NE(httpd.port(), 0) << "mcurl_httpd did not start";
  CURLSH* sh = curl_share_init();
  ASSERT_EQ(curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT), CURLSHE_OK);
  SocketLog log;
  // e0 makes the connection with curl_easy_perform and leaves it in the share.
  CURL* e0 = curl_easy_init();
  std::size_t got = 0;
  std::string u0 = url(httpd.port(), "/bytes/10");
  curl_easy_setopt(e0, CURLOPT_URL, u0.c_str());
  curl_easy_setopt(e0, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e0, CURLOPT_WRITEDATA, &got);
  curl_easy_setopt(e0, CURLOPT_SHARE, sh);
  curl_easy_setopt(e0, CURLOPT_CLOSESOCKETFUNCTION, close_cb);
  curl_easy_setopt(e0, CURLOPT_CLOSESOCKETDATA, &log);
  ASSERT_EQ(curl_easy_perform(e0), CURLE_OK);
  curl_socket_t first = CURL_SOCKET_BAD;
  ASSERT_EQ(curl_easy_getinfo(e0, CURLINFO_ACTIVESOCKET, &first), CURLE_OK);
  EXPECT_NE(first, CURL_SOCKET_BAD);  // found in the share's pool
  // e1, in a multi, takes it for a slow answer and is removed halfway.
  CURLM* m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, socket_cb);
  curl_multi_setopt(m, CURLMOPT_SOCKETDATA, &log);
  CURL* e1 = curl_easy_init();
  std::string u1 = url(httpd.port(), "/slow/3000");
  curl_easy_setopt(e1, CURLOPT_URL, u1.c_str());
  curl_easy_setopt(e1, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e1, CURLOPT_WRITEDATA, &got);
  curl_easy_setopt(e1, CURLOPT_SHARE, sh);
  ASSERT_EQ(curl_multi_add_handle(m, e1), CURLM_OK);
  int running = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (log.calls.empty() && std::chrono::steady_clock::now() < deadline) {
    curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
    pollfd p{first, POLLIN, 0};
    ::poll(&p, 1, 10);
  }
  ASSERT_FALSE(log.calls.empty());
  long nc = -1;
  curl_easy_getinfo(e1, CURLINFO_NUM_CONNECTS, &nc);
  EXPECT_EQ(nc, 0);
  EXPECT_EQ(log.calls[0].first, first);  // the shared connection, announced to this multi
  EXPECT_EQ(log.calls[0].second, CURL_POLL_IN);
  ASSERT_EQ(curl_multi_remove_handle(m, e1), CURLM_OK);
  // The unfinished connection is closed: REMOVE first (while open), then the close.
  ASSERT_EQ(log.calls.size(), 2u);
  EXPECT_EQ(log.calls[1], std::make_pair(first, static_cast<int>(CURL_POLL_REMOVE)));
  EXPECT_EQ(log.open_at_remove, std::vector<curl_socket_t>{first});
  EXPECT_EQ(log.closed, std::vector<curl_socket_t>{first});
  curl_easy_cleanup(e1);
  curl_multi_cleanup(m);
  curl_easy_cleanup(e0);
  EXPECT_EQ(curl_share_cleanup(sh), CURLSHE_OK);
  EXPECT_EQ(log.closed.size(), 1u);  // nothing else was left in the share
}

}  // namespace
}  // namespace mcurl::itest
