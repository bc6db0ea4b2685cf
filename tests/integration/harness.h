// The integration-test harness: runs easy handles through the C ABI of libcurl.so.4 in
// one of three drive modes and checks the socket/timer contract afterwards.
//
//   EasyPerform   curl_easy_perform, one handle after the other
//   MultiPerform  curl_multi_perform + curl_multi_poll (no socket/timer callbacks)
//   SocketAction  curl_multi_socket_action on an epoll loop (RecordingLoop) implementing
//                 CURLMOPT_SOCKETFUNCTION and CURLMOPT_TIMERFUNCTION
//
// Every run is bounded (a failed expectation, never a hang); a watchdog ends the process
// when a test as a whole overruns (a blocking curl_easy_perform cannot be interrupted).
// TearDown (SocketAction) asserts what STYLE.md §7 lists: every announced socket got one
// REMOVE before its close, no REMOVE for a never-announced fd, no repeated `what`, the last
// timer call -1 (or none), no fd left in epoll; and in every mode that every socket
// opened through CURLOPT_OPENSOCKETFUNCTION was closed through CLOSESOCKETFUNCTION.
//
// Header-only (inline): every *_test.cc in tests/integration includes it.
#pragma once

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <curl/curl.h>

#include "support/recording_loop.h"
#include "support/scripted_server.h"

namespace mcurl::itest {

using namespace std::chrono_literals;
using Ms = std::chrono::milliseconds;
using test::ScriptedServer;
using test::Step;

enum class DriveMode { EasyPerform, MultiPerform, SocketAction };

inline const char* mode_name(DriveMode m) {
  switch (m) {
    case DriveMode::EasyPerform:
      return "EasyPerform";
    case DriveMode::MultiPerform:
      return "MultiPerform";
    case DriveMode::SocketAction:
      return "SocketAction";
  }
  return "?";
}

struct ModeName {
  std::string operator()(const ::testing::TestParamInfo<DriveMode>& i) const {
    return mode_name(i.param);
  }
};

// Ends the process when a test runs longer than its limit (the last line of defence:
// the drive loops have their own bounds).
class Watchdog {
 public:
  explicit Watchdog(Ms limit) : thread_([this, limit] { run(limit); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  void run(Ms limit) {
    std::unique_lock<std::mutex> lk(mu_);
    if (cv_.wait_for(lk, limit, [this] { return done_; })) return;
    const ::testing::TestInfo* ti = ::testing::UnitTest::GetInstance()->current_test_info();
    std::fprintf(stderr, "\nWATCHDOG: %s.%s ran longer than %lld ms: aborting\n",
                 ti ? ti->test_suite_name() : "?", ti ? ti->name() : "?",
                 static_cast<long long>(limit.count()));
    std::fflush(stderr);
    ::_exit(97);
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread thread_;
};

class Harness;

// One easy handle with the recording callbacks installed.
class Easy {
 public:
  explicit Easy(Harness* owner);
  // Takes over `adopted` (from curl_easy_duphandle, say) and installs the callbacks.
  Easy(Harness* owner, CURL* adopted);
  ~Easy() {
    if (h_ != nullptr) curl_easy_cleanup(h_);
  }
  Easy(const Easy&) = delete;
  Easy& operator=(const Easy&) = delete;

  CURL* get() const { return h_; }
  // curl_easy_cleanup now (the handle may still be in a multi).
  void cleanup() {
    if (h_ != nullptr) curl_easy_cleanup(h_);
    h_ = nullptr;
  }

  template <class T>
  void set(CURLoption opt, T value) {
    CURLcode rc = curl_easy_setopt(h_, opt, value);
    EXPECT_EQ(rc, CURLE_OK) << "setopt " << static_cast<int>(opt);
  }
  void url(const std::string& u) { set(CURLOPT_URL, u.c_str()); }

  long info_long(CURLINFO i) const {
    long v = -12345;
    EXPECT_EQ(curl_easy_getinfo(h_, i, &v), CURLE_OK);
    return v;
  }
  curl_off_t info_off(CURLINFO i) const {
    curl_off_t v = -12345;
    EXPECT_EQ(curl_easy_getinfo(h_, i, &v), CURLE_OK);
    return v;
  }
  std::string info_str(CURLINFO i) const {
    char* v = nullptr;
    EXPECT_EQ(curl_easy_getinfo(h_, i, &v), CURLE_OK);
    return v != nullptr ? std::string(v) : std::string("(null)");
  }
  std::string error() const { return errbuf; }
  std::string headers_joined() const {
    std::string s;
    for (const std::string& h : headers) s += h;
    return s;
  }

  // What the callbacks saw.
  std::string body;
  std::vector<std::string> headers;  // one entry per header-callback call
  std::vector<std::size_t> write_sizes;
  std::size_t write_calls = 0;
  std::size_t xferinfo_calls = 0;
  char errbuf[CURL_ERROR_SIZE + 1] = {};

  // Optional behaviour. write_fn returns what the write callback returns (it may keep
  // the data itself or let the default keep it by returning n after appending).
  std::function<std::size_t(Easy&, const char*, std::size_t)> write_fn;
  std::function<int(Easy&, curl_off_t, curl_off_t, curl_off_t, curl_off_t)> xferinfo_fn;
  // Called by the multi drive loops between events (outside every callback).
  std::function<void(Easy&)> tick;

  // (Re)installs the recording callbacks (after curl_easy_reset, say).
  void install_callbacks();
  // Installs the XFERINFOFUNCTION trampoline (NOPROGRESS 0).
  void enable_xferinfo();

  Harness* owner() const { return owner_; }

 private:
  static std::size_t write_cb(char* p, std::size_t size, std::size_t n, void* ud) {
    Easy* e = static_cast<Easy*>(ud);
    std::size_t len = size * n;
    ++e->write_calls;
    if (e->write_fn) return e->write_fn(*e, p, len);
    e->body.append(p, len);
    e->write_sizes.push_back(len);
    return len;
  }
  static std::size_t header_cb(char* p, std::size_t size, std::size_t n, void* ud) {
    Easy* e = static_cast<Easy*>(ud);
    e->headers.emplace_back(p, size * n);
    return size * n;
  }
  static int xferinfo_cb(void* ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
    Easy* e = static_cast<Easy*>(ud);
    ++e->xferinfo_calls;
    return e->xferinfo_fn ? e->xferinfo_fn(*e, dt, dn, ut, un) : 0;
  }

  Harness* owner_;
  CURL* h_;
};

// The fixture base. Derive, or use ModeTest for TEST_P over the three modes.
class Harness : public ::testing::Test {
 public:
  // Appends one CURLcode per handle, in the order given; CURL_LAST when the bound
  // elapsed first (the test has failed then).
  std::vector<CURLcode> run(const std::vector<Easy*>& list, Ms limit = 15s) {
    std::vector<CURLcode> out;
    if (mode_ == DriveMode::EasyPerform) {
      for (Easy* e : list) out.push_back(curl_easy_perform(e->get()));
      return out;
    }
    CURLM* m = multi();
    for (Easy* e : list) {
      loop_.note("add_handle");
      CURLMcode mc = curl_multi_add_handle(m, e->get());
      EXPECT_EQ(mc, CURLM_OK) << "add_handle";
    }
    std::map<CURL*, CURLcode> done;
    std::set<CURL*> waiting;
    for (Easy* e : list) waiting.insert(e->get());
    drive(waiting, done, limit);
    mark_all_done();
    for (Easy* e : list) {
      auto it = done.find(e->get());
      out.push_back(it == done.end() ? CURL_LAST : it->second);
    }
    return out;
  }
  CURLcode run1(Easy& e, Ms limit = 15s) { return run({&e}, limit)[0]; }

  // Drives the multi until every handle in `waiting` has produced its DONE message;
  // each is then removed (as an application does) and its result stored in `done`.
  // Returns false when `limit` elapsed first (and records a failure).
  bool drive(std::set<CURL*> waiting, std::map<CURL*, CURLcode>& done, Ms limit,
             bool remove_done = true) {
    CURLM* m = multi();
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (!waiting.empty()) {
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << mode_name(mode_) << ": transfers not done within " << limit.count()
                      << " ms (" << waiting.size() << " left)\n"
                      << trace();
        return false;
      }
      for (auto& e : easies_) {
        if (e->tick) e->tick(*e);
      }
      if (mode_ == DriveMode::SocketAction) {
        test::EventDriver::Events ev = loop_.driver().wait(max_wait_);
        for (auto [fd, bits] : ev.ready) {
          loop_.note_io();
          int running = -1;
          loop_.note("socket_action fd=" + std::to_string(fd) + " ev=" + std::to_string(bits));
          CURLMcode mc = curl_multi_socket_action(m, fd, bits, &running);
          EXPECT_EQ(mc, CURLM_OK) << "socket_action fd " << fd;
          last_running_ = running;
        }
        if (ev.timer_fired) {
          int running = -1;
          loop_.note("socket_action TIMEOUT");
          CURLMcode mc = curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running);
          EXPECT_EQ(mc, CURLM_OK) << "socket_action timeout";
          last_running_ = running;
        }
      } else {
        int running = -1;
        CURLMcode mc = curl_multi_perform(m, &running);
        EXPECT_EQ(mc, CURLM_OK) << "multi_perform";
        last_running_ = running;
      }
      drain_messages(waiting, done, remove_done);
      if (waiting.empty()) break;
      if (mode_ == DriveMode::MultiPerform) {
        int n = 0;
        CURLMcode mc = curl_multi_poll(m, nullptr, 0, static_cast<int>(max_wait_.count()), &n);
        EXPECT_EQ(mc, CURLM_OK) << "multi_poll";
      }
    }
    return true;
  }

  // SocketAction mode, by hand: one wait of the loop (at most `max_wait`) and the
  // socket_action calls for what it saw. Returns the first result that was not
  // CURLM_OK (or CURLM_OK).
  CURLMcode pump(Ms max_wait = 50ms, int* running = nullptr) {
    CURLM* m = multi();
    CURLMcode first = CURLM_OK;
    int r = -1;
    test::EventDriver::Events ev = loop_.driver().wait(max_wait);
    for (auto [fd, bits] : ev.ready) {
      loop_.note_io();
      loop_.note("socket_action fd=" + std::to_string(fd) + " ev=" + std::to_string(bits));
      CURLMcode mc = curl_multi_socket_action(m, fd, bits, &r);
      if (mc != CURLM_OK && first == CURLM_OK) first = mc;
    }
    if (ev.timer_fired) {
      loop_.note("socket_action TIMEOUT");
      CURLMcode mc = curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &r);
      if (mc != CURLM_OK && first == CURLM_OK) first = mc;
    }
    if (running != nullptr && r >= 0) *running = r;
    return first;
  }

  void drain_messages(std::set<CURL*>& waiting, std::map<CURL*, CURLcode>& done, bool remove_done) {
    CURLM* m = multi();
    int left = -1;
    while (CURLMsg* msg = curl_multi_info_read(m, &left)) {
      EXPECT_EQ(msg->msg, CURLMSG_DONE);
      CURL* e = msg->easy_handle;
      CURLcode r = msg->data.result;
      completion_order_.push_back(e);
      if (done.count(e) != 0) ADD_FAILURE() << "two DONE messages for one handle";
      done[e] = r;
      waiting.erase(e);
      loop_.note("DONE result=" + std::to_string(r) + (remove_done ? " (removing)" : ""));
      if (remove_done) {
        EXPECT_EQ(curl_multi_remove_handle(m, e), CURLM_OK);
      }
    }
    EXPECT_EQ(left, 0);
  }

  // The multi of this test (created on first use). In SocketAction mode its socket and
  // timer callbacks feed loop_.
  CURLM* multi() {
    if (multi_ == nullptr) {
      multi_ = curl_multi_init();
      EXPECT_NE(multi_, nullptr);
      if (mode_ == DriveMode::SocketAction) {
        curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &Harness::socket_cb);
        curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
        curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &Harness::timer_cb);
        curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
      }
    }
    return multi_;
  }

  // A new easy handle with the recording callbacks (owned by the fixture).
  Easy& make_easy(const std::string& url = "") {
    easies_.push_back(std::make_unique<Easy>(this));
    Easy& e = *easies_.back();
    if (!url.empty()) e.url(url);
    return e;
  }

  // curl_easy_duphandle of `src`, owned by the fixture, writing into its own Easy.
  Easy& dup_easy(Easy& src) {
    easies_.push_back(std::make_unique<Easy>(this, curl_easy_duphandle(src.get())));
    return *easies_.back();
  }

  test::RecordingLoop& loop() { return loop_; }
  // Every transfer has ended and was removed: from here on the timer may only be
  // deleted (checked by TearDown). run() calls it; hand-driven tests call it themselves.
  void mark_all_done() { all_done_seq_ = loop_.seq(); }
  DriveMode mode() const { return mode_; }
  const std::vector<CURL*>& completion_order() const { return completion_order_; }
  int last_running() const { return last_running_; }
  std::size_t sockets_opened() const { return opened_total_; }
  const std::set<int>& open_sockets() const { return open_fds_; }

  // Hooks run inside the socket / timer callbacks after recording (re-entrancy tests).
  // Their return value, when not 0, replaces the callback's.
  std::function<int(CURL*, curl_socket_t, int)> socket_hook;
  std::function<int(long)> timer_hook;

  std::string trace() const { return loop_.trace(); }

  static int socket_cb(CURL* e, curl_socket_t s, int what, void* clientp, void* socketp) {
    Harness* h = static_cast<Harness*>(clientp);
    int rc = h->loop_.on_socket(e, s, what, socketp);
    if (h->socket_hook) {
      int r = h->socket_hook(e, s, what);
      if (r != 0) rc = r;
    }
    return rc;
  }
  static int timer_cb(CURLM* /*m*/, long ms, void* clientp) {
    Harness* h = static_cast<Harness*>(clientp);
    int rc = h->loop_.on_timer(ms);
    if (h->timer_hook) {
      int r = h->timer_hook(ms);
      if (r != 0) rc = r;
    }
    return rc;
  }
  static curl_socket_t open_cb(void* clientp, curlsocktype /*purpose*/, curl_sockaddr* a) {
    Harness* h = static_cast<Harness*>(clientp);
    int fd = ::socket(a->family, a->socktype, a->protocol);
    if (fd >= 0) {
      h->open_fds_.insert(fd);
      ++h->opened_total_;
      h->loop_.on_open(fd);
    }
    return fd;
  }
  static int close_cb(void* clientp, curl_socket_t fd) {
    Harness* h = static_cast<Harness*>(clientp);
    h->loop_.on_close(fd);
    if (h->open_fds_.erase(fd) == 0) h->bad_closes_.push_back(fd);
    return ::close(fd);
  }

 protected:
  void SetUp() override { watchdog_ = std::make_unique<Watchdog>(watchdog_limit_); }

  void TearDown() override {
    if (multi_ != nullptr) {
      for (auto& e : easies_) {
        if (e->get() != nullptr) {
          EXPECT_EQ(curl_multi_remove_handle(multi_, e->get()), CURLM_OK);
        }
      }
    }
    easies_.clear();
    if (multi_ != nullptr) {
      loop_.note("multi_cleanup");
      EXPECT_EQ(curl_multi_cleanup(multi_), CURLM_OK);
      multi_ = nullptr;
    }
    if (mode_ == DriveMode::SocketAction && check_loop_) {
      for (const std::string& v : loop_.violations()) {
        ADD_FAILURE() << "socket contract: " << v << "\n" << trace();
      }
      EXPECT_TRUE(loop_.announced().empty())
          << loop_.announced().size() << " socket(s) announced and never REMOVEd";
      EXPECT_TRUE(loop_.driver().watched().empty()) << "fds still registered in epoll";
      // After every transfer ended and was removed, the timer may only be deleted.
      long last_after = -1;
      bool any_after = false;
      for (const auto& t : loop_.timer_calls()) {
        if (t.seq >= all_done_seq_) {
          any_after = true;
          last_after = t.ms;
        }
      }
      if (any_after) {
        EXPECT_EQ(last_after, -1) << "a timer set after all transfers were removed\n" << trace();
      }
    }
    if (check_fds_) {
      EXPECT_TRUE(open_fds_.empty()) << open_fds_.size() << " socket(s) never closed";
      EXPECT_TRUE(bad_closes_.empty()) << "close callback for an fd it did not open";
    }
    watchdog_.reset();
  }

  DriveMode mode_ = DriveMode::SocketAction;
  Ms watchdog_limit_ = 60s;
  Ms max_wait_ = 50ms;      // the longest single wait of a drive loop (ticks run between)
  bool check_loop_ = true;  // TearDown checks the socket/timer contract (SocketAction)
  bool check_fds_ = true;   // TearDown checks that every opened socket was closed
  CURLM* multi_ = nullptr;
  test::RecordingLoop loop_;
  std::vector<std::unique_ptr<Easy>> easies_;
  std::set<int> open_fds_;
  std::vector<int> bad_closes_;
  std::size_t opened_total_ = 0;
  std::vector<CURL*> completion_order_;
  int last_running_ = -1;
  std::size_t all_done_seq_ = static_cast<std::size_t>(-1);
  std::unique_ptr<Watchdog> watchdog_;
};

inline Easy::Easy(Harness* owner) : owner_(owner), h_(curl_easy_init()) {
  EXPECT_NE(h_, nullptr);
  install_callbacks();
}

inline Easy::Easy(Harness* owner, CURL* adopted) : owner_(owner), h_(adopted) {
  EXPECT_NE(h_, nullptr);
  install_callbacks();
}

inline void Easy::install_callbacks() {
  set(CURLOPT_WRITEFUNCTION, &Easy::write_cb);
  set(CURLOPT_WRITEDATA, this);
  set(CURLOPT_HEADERFUNCTION, &Easy::header_cb);
  set(CURLOPT_HEADERDATA, this);
  set(CURLOPT_ERRORBUFFER, errbuf);
  set(CURLOPT_OPENSOCKETFUNCTION, &Harness::open_cb);
  set(CURLOPT_OPENSOCKETDATA, owner_);
  set(CURLOPT_CLOSESOCKETFUNCTION, &Harness::close_cb);
  set(CURLOPT_CLOSESOCKETDATA, owner_);
  set(CURLOPT_NOSIGNAL, 1L);
}

inline void Easy::enable_xferinfo() {
  set(CURLOPT_XFERINFOFUNCTION, &Easy::xferinfo_cb);
  set(CURLOPT_XFERINFODATA, this);
  set(CURLOPT_NOPROGRESS, 0L);
}

class ModeTest : public Harness, public ::testing::WithParamInterface<DriveMode> {
 protected:
  void SetUp() override {
    mode_ = GetParam();
    Harness::SetUp();
  }
};

#define MCURL_ALL_MODES                                       \
  ::testing::Values(::mcurl::itest::DriveMode::EasyPerform,   \
                    ::mcurl::itest::DriveMode::MultiPerform,  \
                    ::mcurl::itest::DriveMode::SocketAction), \
      ::mcurl::itest::ModeName()

// True when the library under test is mcurl (the suite also runs on the system's
// libcurl 7.88.1 through LD_LIBRARY_PATH, as the oracle of its expectations); guards
// the few checks of mcurl's documented extensions, e.g. arguments 7.88.1 crashes on.
inline bool is_mcurl() { return std::strstr(curl_version(), "mcurl") != nullptr; }

// A test that shows a known engine bug: skipped on mcurl unless MCURL_RUN_KNOWN_BUGS is
// set in the environment (then it runs, and fails until the bug is fixed). On the
// system libcurl it always runs.
#define MCURL_KNOWN_ENGINE_BUG(text)                                                    \
  do {                                                                                  \
    if (::mcurl::itest::is_mcurl() && std::getenv("MCURL_RUN_KNOWN_BUGS") == nullptr) { \
      GTEST_SKIP() << "engine bug: " << (text);                                         \
    }                                                                                   \
  } while (0)

// The request head libcurl 7.88.1 sends for a plain transfer.
inline std::string plain_request(const std::string& method, const std::string& target,
                                 const ScriptedServer& s, const std::string& extra = "") {
  return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(s.port()) +
         "\r\nAccept: */*\r\n" + extra + "\r\n";
}

}  // namespace mcurl::itest
