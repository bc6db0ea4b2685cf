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

namespace mcurl {

class Multi {
 public:
  Multi() = default;
  Multi(const Multi&) = delete;
  Multi& operator=(const Multi&) = delete;

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
  unsigned callback_depth_ = 0;
};

}  // namespace mcurl

#endif  // MCURL_MULTI_MULTI_H
