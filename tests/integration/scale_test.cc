// Scale: 10,000 concurrent transfers on one multi in SocketAction mode against
// tools/mcurl_httpd (a subprocess), with no failure, the socket/timer contract checked
// for every socket, and the process's open descriptors back to the baseline after
// cleanup. Suite name Scale (ctest: give it the label `scale` and a longer TIMEOUT).
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "harness.h"
#include "httpd_process.h"

namespace mcurl::itest {
namespace {

using Clock = std::chrono::steady_clock;

std::size_t open_fd_count() {
  std::size_t n = 0;
  DIR* d = ::opendir("/proc/self/fd");
  if (d == nullptr) return 0;
  while (dirent* e = ::readdir(d)) {
    if (e->d_name[0] != '.') ++n;
  }
  ::closedir(d);
  return n - 1;  // the directory's own descriptor
}

class Scale : public Harness {
 protected:
  Scale() { watchdog_limit_ = 150s; }
};

TEST_F(Scale, TenThousandConcurrentTransfersOnOneMulti) {
  constexpr int kTransfers = 10000;
  rlimit rl{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &rl), 0);
  rl.rlim_cur = rl.rlim_max;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &rl), 0);
  if (rl.rlim_cur < static_cast<rlim_t>(kTransfers + 200)) {
    GTEST_SKIP() << "RLIMIT_NOFILE hard limit " << rl.rlim_max << " is too low";
  }
  Httpd httpd;
  ASSERT_NE(httpd.port(), 0) << "mcurl_httpd did not start";
  std::size_t baseline = open_fd_count();

  std::string base = "http://127.0.0.1:" + std::to_string(httpd.port()) + "/bytes/";
  std::vector<Easy*> list;
  list.reserve(kTransfers);
  for (int i = 0; i < kTransfers; ++i) {
    Easy& e = make_easy(base + std::to_string(100 + i % 50));
    list.push_back(&e);
  }
  auto t0 = Clock::now();
  std::vector<CURLcode> results = run(list, 120s);
  auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  std::size_t failed = 0;
  std::map<CURLcode, std::size_t> by_code;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i] != CURLE_OK) {
      ++failed;
      ++by_code[results[i]];
      continue;
    }
    std::size_t want = 100 + i % 50;
    if (list[i]->body.size() != want || list[i]->info_long(CURLINFO_RESPONSE_CODE) != 200) {
      ++failed;
    }
  }
  std::string codes;
  for (auto [c, n] : by_code) codes += " " + std::to_string(c) + "x" + std::to_string(n);
  EXPECT_EQ(failed, 0u) << "failures by CURLcode:" << codes;
  std::printf("[ scale    ] %d transfers in %lld ms, %zu sockets opened, %zu announced\n",
              kTransfers, static_cast<long long>(secs), sockets_opened(), loop().announcements());
  // Concurrency: the transfers really overlapped (more than one connection).
  EXPECT_GT(sockets_opened(), 1000u);

  // Clean up now and compare the descriptors with the baseline.
  easies_.clear();
  EXPECT_EQ(curl_multi_cleanup(multi_), CURLM_OK);
  multi_ = nullptr;
  EXPECT_TRUE(open_sockets().empty()) << open_sockets().size() << " sockets not closed";
  EXPECT_EQ(open_fd_count(), baseline) << "descriptors leaked";
}

}  // namespace
}  // namespace mcurl::itest
