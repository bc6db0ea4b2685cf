/* The re-entrancy table (BEHAVIOUR.md section I and the 7.88.1 facts of section Z):
 * every multi and easy call tried from inside one kind of callback, answers printed.
 *
 * A case installs one callback kind on a transfer and calls conf_reentry_try() from
 * its first invocation; conf_reentry_run() runs the transfer twice, driven by
 * curl_multi_perform + curl_multi_wait on an application multi and by
 * curl_easy_perform, and prints the result of each. */
#ifndef MCURL_CONFORMANCE_REENTRY_H
#define MCURL_CONFORMANCE_REENTRY_H

#include "conf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The handles of the current run, for the callbacks. */
typedef struct conf_reentry {
  CURLM *multi; /* the application's multi (NULL in the easy_perform run) */
  CURLM *spare; /* a multi not inside any callback */
  CURL *self;   /* the transfer whose callback runs */
  CURL *other;  /* a handle that was never added */
  int tried;    /* conf_reentry_try ran in this run */
  int calls;    /* how often the callback ran in this run */
} conf_reentry;

extern conf_reentry conf_re;

/* Tries every call once per run (later calls only count); prints one block. */
void conf_reentry_try(const char *where);
/* Runs x (already set up with the callback) once in a multi and once with
 * curl_easy_perform; prints "multi run: result" / "easy run: result" and body sizes.
 * setup(x) is called before each run (may be NULL). */
void conf_reentry_run(const char *label, CURL *easy, void (*setup)(CURL *));

/* Runs easy in a multi driven by curl_multi_socket_action from a small poll loop whose
 * socket callback (try_in == 1) or timer callback (try_in == 2) calls
 * conf_reentry_try(); prints the result. */
void conf_reentry_run_events(const char *label, CURL *easy, int try_in);

#ifdef __cplusplus
}
#endif
#endif
