// The API guards: the one place where the facade checks handles, applies libcurl
// 7.88.1's re-entrancy answers and stops C++ exceptions at the C ABI.
//
// Every exported function's body is one call to a noexcept guard. The guard
//   1. checks the handle's magic (a bad one gets the call's documented code),
//   2. looks up the function's rule: if the handle's multi is inside an application
//      callback and the rule denies the call, it returns the "recursive" answer
//      (CURLM_RECURSIVE_API_CALL, CURLE_RECURSIVE_API_CALL, NULL for info_read),
//   3. runs the body inside try: std::bad_alloc becomes the call's out-of-memory code,
//      anything else fails hard in debug builds and becomes a per-type fallback.
// docs/internals/GUARDS.md has the tables and why they are what they are.
#ifndef MCURL_API_GUARD_H
#define MCURL_API_GUARD_H

#include <cstddef>
#include <iterator>
#include <new>
#include <type_traits>

#include <curl/curl.h>

#include "api/handles.h"
#include "util/debug.h"

namespace mcurl::api {

// What a call returns when the engine threw. Specialised per return type.
template <class R>
struct Failure {
  static_assert(std::is_pointer_v<R>, "add a Failure<> specialisation for this type");
  static R oom() noexcept { return nullptr; }
  static R internal() noexcept { return nullptr; }
  static R recursive() noexcept { return nullptr; }
};
template <>
struct Failure<CURLcode> {
  static CURLcode oom() noexcept { return CURLE_OUT_OF_MEMORY; }
  // Documented fallback for an unexpected internal failure of an easy call.
  static CURLcode internal() noexcept { return CURLE_FAILED_INIT; }
  static CURLcode recursive() noexcept { return CURLE_RECURSIVE_API_CALL; }
};
template <>
struct Failure<CURLMcode> {
  static CURLMcode oom() noexcept { return CURLM_OUT_OF_MEMORY; }
  static CURLMcode internal() noexcept { return CURLM_INTERNAL_ERROR; }
  static CURLMcode recursive() noexcept { return CURLM_RECURSIVE_API_CALL; }
};
template <>
struct Failure<CURLSHcode> {
  static CURLSHcode oom() noexcept { return CURLSHE_NOMEM; }
  static CURLSHcode internal() noexcept { return CURLSHE_INVALID; }
  static CURLSHcode recursive() noexcept { return CURLSHE_INVALID; }
};
template <>
struct Failure<CURLUcode> {
  static CURLUcode oom() noexcept { return CURLUE_OUT_OF_MEMORY; }
  static CURLUcode internal() noexcept { return CURLUE_OUT_OF_MEMORY; }
  static CURLUcode recursive() noexcept { return CURLUE_OUT_OF_MEMORY; }
};
template <>
struct Failure<CURLHcode> {
  static CURLHcode oom() noexcept { return CURLHE_OUT_OF_MEMORY; }
  static CURLHcode internal() noexcept { return CURLHE_BAD_ARGUMENT; }
  static CURLHcode recursive() noexcept { return CURLHE_BAD_ARGUMENT; }
};
template <>
struct Failure<CURLsslset> {
  static CURLsslset oom() noexcept { return CURLSSLSET_UNKNOWN_BACKEND; }
  static CURLsslset internal() noexcept { return CURLSSLSET_UNKNOWN_BACKEND; }
  static CURLsslset recursive() noexcept { return CURLSSLSET_UNKNOWN_BACKEND; }
};
template <>
struct Failure<int> {  // curl_formget, curl_m*printf, curl_strequal
  static int oom() noexcept { return -1; }
  static int internal() noexcept { return -1; }
  static int recursive() noexcept { return -1; }
};
template <>
struct Failure<CURLFORMcode> {  // curl_formadd
  static CURLFORMcode oom() noexcept { return CURL_FORMADD_MEMORY; }
  static CURLFORMcode internal() noexcept { return CURL_FORMADD_MEMORY; }
  static CURLFORMcode recursive() noexcept { return CURL_FORMADD_MEMORY; }
};
template <>
struct Failure<time_t> {  // curl_getdate
  static time_t oom() noexcept { return -1; }
  static time_t internal() noexcept { return -1; }
  static time_t recursive() noexcept { return -1; }
};

// Runs `body` and maps any exception to Failure<R>. For void bodies an exception is
// swallowed (after failing hard in debug builds).
template <class R, class Body>
R guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    if constexpr (std::is_void_v<R>) {
      return;
    } else {
      return Failure<R>::oom();
    }
  } catch (...) {
    MCURL_DEBUG_FAIL("exception escaped the engine");
    if constexpr (std::is_void_v<R>) {
      return;
    } else {
      return Failure<R>::internal();
    }
  }
}

// --- re-entrancy rules (BEHAVIOUR.md section I, 7.88.1's answers) -----------------

struct FnRule {
  bool allowed_in_callback;
};

enum class EasyFn : unsigned char {
  Setopt,
  Getinfo,
  Perform,
  Reset,
  Duphandle,
  Pause,
  Recv,
  Send,
  Upkeep,
  Header,
  Cleanup,
  kCount
};

// 7.88.1: setopt, getinfo, pause and the header API are fine inside callbacks;
// perform, recv and send answer CURLE_RECURSIVE_API_CALL (test 1555); reset,
// duphandle, upkeep and cleanup have no check.
inline constexpr FnRule kEasyRules[] = {
    /* Setopt    */ {true},
    /* Getinfo   */ {true},
    /* Perform   */ {true},  // checked in curl_easy_perform, after "in a multi"
    /* Reset     */ {true},
    /* Duphandle */ {true},
    /* Pause     */ {true},
    /* Recv      */ {false},
    /* Send      */ {false},
    /* Upkeep    */ {true},
    /* Header    */ {true},
    /* Cleanup   */ {true},
};
static_assert(std::size(kEasyRules) == std::size_t(EasyFn::kCount));

enum class MultiFn : unsigned char {
  AddHandle,
  RemoveHandle,
  Setopt,
  Perform,
  SocketAction,
  Socket,
  SocketAll,
  Timeout,
  Fdset,
  Wait,
  Poll,
  Wakeup,
  Cleanup,
  InfoRead,
  Assign,
  kCount
};

// 7.88.1 (item 74-76): everything that drives or reshapes the multi is denied inside a
// callback; assign and wakeup are allowed; info_read answers NULL.
inline constexpr FnRule kMultiRules[] = {
    /* AddHandle    */ {true},  // checked in the facade, after the easy handle checks
    /* RemoveHandle */ {true},  // (7.88.1's order)
    /* Setopt       */ {false},
    /* Perform      */ {false},
    /* SocketAction */ {false},
    /* Socket       */ {false},
    /* SocketAll    */ {false},
    /* Timeout      */ {false},
    /* Fdset        */ {false},
    /* Wait         */ {false},
    /* Poll         */ {false},
    /* Wakeup       */ {true},
    /* Cleanup      */ {false},
    /* InfoRead     */ {false},
    /* Assign       */ {true},
};
static_assert(std::size(kMultiRules) == std::size_t(MultiFn::kCount));

constexpr const FnRule& rule(EasyFn fn) { return kEasyRules[std::size_t(fn)]; }
constexpr const FnRule& rule(MultiFn fn) { return kMultiRules[std::size_t(fn)]; }

// Easy calls. `bad_handle` is what the call answers for NULL or a non-easy pointer.
template <class R, class Body>
R enter_easy(CURL* h, EasyFn fn, R bad_handle, Body&& body) noexcept {
  Curl_easy* s = easy_shell(h);
  if (s == nullptr) return bad_handle;
  if (!rule(fn).allowed_in_callback && s->engine.in_callback()) return Failure<R>::recursive();
  return guarded<R>([&]() -> R { return body(*s); });
}

// Multi calls; a bad multi handle answers CURLM_BAD_HANDLE unless told otherwise.
template <class R, class Body>
R enter_multi(CURLM* h, MultiFn fn, R bad_handle, Body&& body) noexcept {
  Curl_multi* s = multi_shell(h);
  if (s == nullptr) return bad_handle;
  if (!rule(fn).allowed_in_callback && s->engine.in_callback()) return Failure<R>::recursive();
  return guarded<R>([&]() -> R { return body(*s); });
}

// Share calls: no re-entrancy rule in 7.88.1; a bad handle answers CURLSHE_INVALID.
template <class R, class Body>
R enter_share(CURLSH* h, R bad_handle, Body&& body) noexcept {
  Curl_share* s = share_shell(h);
  if (s == nullptr) return bad_handle;
  return guarded<R>([&]() -> R { return body(*s); });
}

}  // namespace mcurl::api

#endif  // MCURL_API_GUARD_H
