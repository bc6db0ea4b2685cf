/* A small poll() loop behind CURLMOPT_SOCKETFUNCTION / TIMERFUNCTION whose dispatch
 * call is chosen by the case: curl_multi_socket_action, the deprecated
 * curl_multi_socket (no event mask), or curl_multi_socket_all (everything re-checked).
 * Socket announcements are printed with conf_sock_name(); timers are only counted. */
#ifndef MCURL_CONFORMANCE_PLAIN_LOOP_H
#define MCURL_CONFORMANCE_PLAIN_LOOP_H

#include "conf.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { PLAIN_SOCKET_ACTION = 0, PLAIN_SOCKET = 1, PLAIN_SOCKET_ALL = 2 };

/* Installs the callbacks on m; runs until no transfer is left or max_ms passed; prints
 * each announcement and a summary. Returns the number of dispatch calls made. */
int plain_loop_run(CURLM *m, int mode, long max_ms, int print_sockets);
/* Sockets watched right now. */
int plain_loop_watched(void);

#ifdef __cplusplus
}
#endif
#endif
