// class Multi: the engine behind a CURLM* handle.
//
// This is the foundation's shell: it carries the re-entrancy state that the API guards
// consult. The engine issue fills in the socket registry, timers, the message queue and
// the connection pool (see docs/ARCHITECTURE.md).
//
// Thread affinity: a Multi and every Transfer added to it are used by one thread at a
// time (libcurl-thread.3).
#ifndef MCURL_MULTI_MULTI_H
#define MCURL_MULTI_MULTI_H

#include <curl/curl.h>

namespace mcurl {

// What curl_multi_setopt stores (CURLMOPT_*), with 7.88.1's defaults.
struct MultiOptions {
  curl_socket_callback socket_fn = nullptr;
  void* socket_data = nullptr;
  curl_multi_timer_callback timer_fn = nullptr;
  void* timer_data = nullptr;
  curl_push_callback push_fn = nullptr;
  void* push_data = nullptr;
  long pipelining = CURLPIPE_MULTIPLEX;
  long max_connects = 0;  // 0: four times the number of added handles
  long max_host_connections = 0;
  long max_total_connections = 0;
  long max_concurrent_streams = 100;
};

class Multi {
 public:
  Multi() = default;
  Multi(const Multi&) = delete;
  Multi& operator=(const Multi&) = delete;

  MultiOptions& options() noexcept { return options_; }

  // True while the application is inside any callback this multi made (socket, timer,
  // write, header, read, progress, debug, …), at any nesting depth.
  bool in_callback() const noexcept { return callback_depth_ > 0; }

  // RAII marker around every call into the application; nesting is counted, so an early
  // return or an exception can never leave the flag set (docs/internals/GUARDS.md).
  class CallbackScope {
   public:
    explicit CallbackScope(Multi& m) noexcept : m_(m) { ++m_.callback_depth_; }
    ~CallbackScope() { --m_.callback_depth_; }
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;

   private:
    Multi& m_;
  };

 private:
  MultiOptions options_;
  unsigned callback_depth_ = 0;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_MULTI_H
