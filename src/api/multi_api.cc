// curl_multi_*: the multi interface. Each function checks its handles and the
// re-entrancy rule in the guard and calls one engine method (src/multi/multi.h).
// Keep curl_multi_socket a function here: multi.h maps it to socket_action otherwise.
#define CURL_ALLOW_OLD_MULTI_SOCKET 1

#include <poll.h>

#include <cstdarg>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/global.h"

using mcurl::api::enter_multi;
using mcurl::api::MultiFn;

extern "C" {

MCURL_EXPORT CURLM* curl_multi_init(void) {
  return mcurl::api::guarded<CURLM*>([] {
    mcurl::global::ensure_init();
    auto* m = new Curl_multi;
    m->engine.set_handle(m);
    return static_cast<CURLM*>(m);
  });
}
MCURL_SYMVER(curl_multi_init);

MCURL_EXPORT CURLMcode curl_multi_cleanup(CURLM* h) {
  return enter_multi(h, MultiFn::Cleanup, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    // Added handles are detached, not freed: they stay the application's (item 31).
    m.engine.shutdown();
    mcurl::api::destroy_shell(&m);
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_cleanup);

MCURL_EXPORT CURLMcode curl_multi_add_handle(CURLM* h, CURL* easy) {
  return enter_multi(h, MultiFn::AddHandle, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    Curl_easy* e = mcurl::api::easy_shell(easy);
    if (e == nullptr) return CURLM_BAD_EASY_HANDLE;
    if (e->engine.multi() != nullptr) return CURLM_ADDED_ALREADY;
    if (m.engine.in_callback()) return CURLM_RECURSIVE_API_CALL;
    return m.engine.add(e->engine);
  });
}
MCURL_SYMVER(curl_multi_add_handle);

MCURL_EXPORT CURLMcode curl_multi_remove_handle(CURLM* h, CURL* easy) {
  return enter_multi(h, MultiFn::RemoveHandle, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    Curl_easy* e = mcurl::api::easy_shell(easy);
    if (e == nullptr) return CURLM_BAD_EASY_HANDLE;
    if (e->engine.multi() == nullptr) return CURLM_OK;  // not added anywhere: fine
    if (e->engine.multi() != &m.engine) return CURLM_BAD_EASY_HANDLE;
    if (m.engine.in_callback()) return CURLM_RECURSIVE_API_CALL;
    return m.engine.remove(e->engine);
  });
}
MCURL_SYMVER(curl_multi_remove_handle);

MCURL_EXPORT CURLMcode curl_multi_setopt(CURLM* h, CURLMoption option, ...) {
  va_list ap;
  va_start(ap, option);
  CURLMcode mresult = enter_multi(h, MultiFn::Setopt, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    mcurl::MultiOptions& o = m.engine.options();
    // The argument type follows the option number's range, as for curl_easy_setopt.
    switch (option) {
      case CURLMOPT_SOCKETFUNCTION:
        o.socket_fn = va_arg(ap, curl_socket_callback);
        break;
      case CURLMOPT_SOCKETDATA:
        o.socket_data = va_arg(ap, void*);
        break;
      case CURLMOPT_TIMERFUNCTION:
        o.timer_fn = va_arg(ap, curl_multi_timer_callback);
        break;
      case CURLMOPT_TIMERDATA:
        o.timer_data = va_arg(ap, void*);
        break;
      case CURLMOPT_PUSHFUNCTION:
        o.push_fn = va_arg(ap, curl_push_callback);
        break;
      case CURLMOPT_PUSHDATA:
        o.push_data = va_arg(ap, void*);
        break;
      case CURLMOPT_PIPELINING:
        o.pipelining = va_arg(ap, long);
        break;
      case CURLMOPT_MAXCONNECTS:
        o.max_connects = va_arg(ap, long);
        break;
      case CURLMOPT_MAX_HOST_CONNECTIONS:
        o.max_host_connections = va_arg(ap, long);
        break;
      case CURLMOPT_MAX_TOTAL_CONNECTIONS:
        o.max_total_connections = va_arg(ap, long);
        break;
      case CURLMOPT_MAX_CONCURRENT_STREAMS: {
        long n = va_arg(ap, long);
        o.max_concurrent_streams = n < 1 ? 100 : n;  // 7.88.1: below 1 means the default
        break;
      }
      // Accepted and ignored by 7.88.1 (HTTP/1 pipelining is gone).
      case CURLMOPT_MAX_PIPELINE_LENGTH:
        (void)va_arg(ap, long);
        break;
      case CURLMOPT_CONTENT_LENGTH_PENALTY_SIZE:
      case CURLMOPT_CHUNK_LENGTH_PENALTY_SIZE:
        (void)va_arg(ap, curl_off_t);
        break;
      case CURLMOPT_PIPELINING_SITE_BL:
      case CURLMOPT_PIPELINING_SERVER_BL:
        (void)va_arg(ap, char**);
        break;
      default:
        return CURLM_UNKNOWN_OPTION;
    }
    return CURLM_OK;
  });
  va_end(ap);
  return mresult;
}
MCURL_SYMVER(curl_multi_setopt);

MCURL_EXPORT CURLMcode curl_multi_perform(CURLM* h, int* running) {
  return enter_multi(h, MultiFn::Perform, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.perform(running); });
}
MCURL_SYMVER(curl_multi_perform);

MCURL_EXPORT CURLMcode curl_multi_socket_action(CURLM* h, curl_socket_t s, int ev, int* running) {
  return enter_multi(h, MultiFn::SocketAction, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.socket_action(s, ev, running); });
}
MCURL_SYMVER(curl_multi_socket_action);

MCURL_EXPORT CURLMcode curl_multi_socket(CURLM* h, curl_socket_t s, int* running) {
  return curl_multi_socket_action(h, s, 0, running);
}
MCURL_SYMVER(curl_multi_socket);

MCURL_EXPORT CURLMcode curl_multi_socket_all(CURLM* h, int* running) {
  return enter_multi(h, MultiFn::SocketAll, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.socket_all(running); });
}
MCURL_SYMVER(curl_multi_socket_all);

MCURL_EXPORT CURLMcode curl_multi_timeout(CURLM* h, long* timeout_ms) {
  return enter_multi(h, MultiFn::Timeout, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.timeout(timeout_ms); });
}
MCURL_SYMVER(curl_multi_timeout);

MCURL_EXPORT CURLMcode curl_multi_fdset(CURLM* h, fd_set* r, fd_set* w, fd_set* e, int* max_fd) {
  return enter_multi(h, MultiFn::Fdset, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.fdset(r, w, e, max_fd); });
}
MCURL_SYMVER(curl_multi_fdset);

MCURL_EXPORT CURLMcode curl_multi_wait(CURLM* h, struct curl_waitfd* fds, unsigned int n,
                                       int timeout_ms, int* numfds) {
  return enter_multi(h, MultiFn::Wait, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    return m.engine.wait(fds, n, timeout_ms, numfds, false);
  });
}
MCURL_SYMVER(curl_multi_wait);

MCURL_EXPORT CURLMcode curl_multi_poll(CURLM* h, struct curl_waitfd* fds, unsigned int n,
                                       int timeout_ms, int* numfds) {
  return enter_multi(h, MultiFn::Poll, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    return m.engine.wait(fds, n, timeout_ms, numfds, true);
  });
}
MCURL_SYMVER(curl_multi_poll);

MCURL_EXPORT CURLMcode curl_multi_wakeup(CURLM* h) {
  return enter_multi(h, MultiFn::Wakeup, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.wakeup(); });
}
MCURL_SYMVER(curl_multi_wakeup);

MCURL_EXPORT CURLMsg* curl_multi_info_read(CURLM* h, int* msgs_in_queue) {
  // 7.88.1 zeroes the count before it looks at the handle (BEHAVIOUR.md item 8).
  if (msgs_in_queue != nullptr) *msgs_in_queue = 0;
  return enter_multi(h, MultiFn::InfoRead, static_cast<CURLMsg*>(nullptr),
                     [&](Curl_multi& m) { return m.engine.info_read(msgs_in_queue); });
}
MCURL_SYMVER(curl_multi_info_read);

MCURL_EXPORT CURLMcode curl_multi_assign(CURLM* h, curl_socket_t s, void* p) {
  return enter_multi(h, MultiFn::Assign, CURLM_BAD_HANDLE,
                     [&](Curl_multi& m) { return m.engine.assign(s, p); });
}
MCURL_SYMVER(curl_multi_assign);

MCURL_EXPORT char* curl_pushheader_bynum(struct curl_pushheaders* /*h*/, size_t /*num*/) {
  return nullptr;  // only meaningful inside an HTTP/2 push callback, which mcurl never makes
}
MCURL_SYMVER(curl_pushheader_bynum);

MCURL_EXPORT char* curl_pushheader_byname(struct curl_pushheaders* /*h*/, const char* /*name*/) {
  return nullptr;
}
MCURL_SYMVER(curl_pushheader_byname);

}  // extern "C"
