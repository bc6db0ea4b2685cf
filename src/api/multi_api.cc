// curl_multi_*: the multi interface.
//
// Foundation stage: the handle, its options, its validation and every answer that needs
// no transfer are real; the transfer engine (add_handle that runs transfers, the socket
// and timer callbacks, messages) lands with the engine issue. Until then add_handle
// answers CURLM_INTERNAL_ERROR for a valid pair of handles (docs/COMPATIBILITY.md).
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
    return static_cast<CURLM*>(new Curl_multi);
  });
}
MCURL_SYMVER(curl_multi_init);

MCURL_EXPORT CURLMcode curl_multi_cleanup(CURLM* h) {
  return enter_multi(h, MultiFn::Cleanup, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
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
    (void)m;
    return CURLM_INTERNAL_ERROR;  // no transfer engine yet
  });
}
MCURL_SYMVER(curl_multi_add_handle);

MCURL_EXPORT CURLMcode curl_multi_remove_handle(CURLM* h, CURL* easy) {
  return enter_multi(h, MultiFn::RemoveHandle, CURLM_BAD_HANDLE, [&](Curl_multi& m) {
    Curl_easy* e = mcurl::api::easy_shell(easy);
    if (e == nullptr) return CURLM_BAD_EASY_HANDLE;
    if (e->engine.multi() == nullptr) return CURLM_OK;  // not added anywhere: fine
    if (e->engine.multi() != &m.engine) return CURLM_BAD_EASY_HANDLE;
    return CURLM_OK;
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
  return enter_multi(h, MultiFn::Perform, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    if (running != nullptr) *running = 0;
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_perform);

MCURL_EXPORT CURLMcode curl_multi_socket_action(CURLM* h, curl_socket_t /*s*/, int /*ev*/,
                                                int* running) {
  return enter_multi(h, MultiFn::SocketAction, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    if (running != nullptr) *running = 0;
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_socket_action);

MCURL_EXPORT CURLMcode curl_multi_socket(CURLM* h, curl_socket_t s, int* running) {
  return curl_multi_socket_action(h, s, 0, running);
}
MCURL_SYMVER(curl_multi_socket);

MCURL_EXPORT CURLMcode curl_multi_socket_all(CURLM* h, int* running) {
  return enter_multi(h, MultiFn::SocketAll, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    if (running != nullptr) *running = 0;
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_socket_all);

MCURL_EXPORT CURLMcode curl_multi_timeout(CURLM* h, long* timeout_ms) {
  return enter_multi(h, MultiFn::Timeout, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    if (timeout_ms == nullptr) return CURLM_BAD_FUNCTION_ARGUMENT;
    *timeout_ms = -1;  // nothing scheduled
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_timeout);

MCURL_EXPORT CURLMcode curl_multi_fdset(CURLM* h, fd_set* /*r*/, fd_set* /*w*/, fd_set* /*e*/,
                                        int* max_fd) {
  return enter_multi(h, MultiFn::Fdset, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    if (max_fd != nullptr) *max_fd = -1;
    return CURLM_OK;
  });
}
MCURL_SYMVER(curl_multi_fdset);

namespace {

// Waits on the application's extra fds only (no transfer has a socket yet).
CURLMcode wait_extra(curl_waitfd* fds, unsigned n, int timeout_ms, int* numfds) {
  if (timeout_ms < 0) return CURLM_BAD_FUNCTION_ARGUMENT;
  pollfd pfds[64];
  if (n > 64) n = 64;
  for (unsigned i = 0; i < n; ++i) {
    pfds[i].fd = fds[i].fd;
    pfds[i].events = static_cast<short>(((fds[i].events & CURL_WAIT_POLLIN) ? POLLIN : 0) |
                                        ((fds[i].events & CURL_WAIT_POLLPRI) ? POLLPRI : 0) |
                                        ((fds[i].events & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
    pfds[i].revents = 0;
  }
  int r = ::poll(pfds, n, timeout_ms);
  if (r < 0) r = 0;
  for (unsigned i = 0; i < n; ++i) {
    fds[i].revents = static_cast<short>(((pfds[i].revents & POLLIN) ? CURL_WAIT_POLLIN : 0) |
                                        ((pfds[i].revents & POLLPRI) ? CURL_WAIT_POLLPRI : 0) |
                                        ((pfds[i].revents & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
  }
  if (numfds != nullptr) *numfds = r;
  return CURLM_OK;
}

}  // namespace

MCURL_EXPORT CURLMcode curl_multi_wait(CURLM* h, struct curl_waitfd* fds, unsigned int n,
                                       int timeout_ms, int* numfds) {
  return enter_multi(h, MultiFn::Wait, CURLM_BAD_HANDLE,
                     [&](Curl_multi&) { return wait_extra(fds, n, timeout_ms, numfds); });
}
MCURL_SYMVER(curl_multi_wait);

MCURL_EXPORT CURLMcode curl_multi_poll(CURLM* h, struct curl_waitfd* fds, unsigned int n,
                                       int timeout_ms, int* numfds) {
  return enter_multi(h, MultiFn::Poll, CURLM_BAD_HANDLE,
                     [&](Curl_multi&) { return wait_extra(fds, n, timeout_ms, numfds); });
}
MCURL_SYMVER(curl_multi_poll);

MCURL_EXPORT CURLMcode curl_multi_wakeup(CURLM* h) {
  return enter_multi(h, MultiFn::Wakeup, CURLM_BAD_HANDLE, [&](Curl_multi&) {
    return CURLM_OK;  // nothing can be waiting yet: poll has no wakeup pipe until the engine
  });
}
MCURL_SYMVER(curl_multi_wakeup);

MCURL_EXPORT CURLMsg* curl_multi_info_read(CURLM* h, int* msgs_in_queue) {
  // 7.88.1 zeroes the count before it looks at the handle (BEHAVIOUR.md item 8).
  if (msgs_in_queue != nullptr) *msgs_in_queue = 0;
  return enter_multi(h, MultiFn::InfoRead, static_cast<CURLMsg*>(nullptr),
                     [&](Curl_multi&) -> CURLMsg* { return nullptr; });
}
MCURL_SYMVER(curl_multi_info_read);

MCURL_EXPORT CURLMcode curl_multi_assign(CURLM* h, curl_socket_t /*s*/, void* /*p*/) {
  return enter_multi(h, MultiFn::Assign, CURLM_BAD_HANDLE,
                     [&](Curl_multi&) { return CURLM_BAD_SOCKET; });  // no socket is known
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
