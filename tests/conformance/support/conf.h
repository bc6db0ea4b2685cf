/* Shared helpers for conformance cases (C99, built against the system's curl headers).
 *
 * A case is started by run_case.sh as
 *     PROGRAM [PORT] [epoll|poll]
 * PORT is there when the case declares a server; the loop name when CMake registered
 * the case once per event loop. conf_init() parses both.
 *
 * Recording is normalised so that two runs (and two libraries) print the same lines:
 *   - sockets are named by first appearance: s1, s2, ... (the name stays with the fd
 *     number, so a reused number keeps its name; conf_sock_name() gives it);
 *   - easy handles are named by CURLOPT_PRIVATE (a string) or "e?";
 *   - timer values are bucketed: -1, 0, <100 (1..99 ms), >=100.
 * Lines starting with "~" are informational and not compared by the runner. */
#ifndef MCURL_CONFORMANCE_CONF_H
#define MCURL_CONFORMANCE_CONF_H

#include <stddef.h>

#ifndef CURL_DISABLE_DEPRECATION
#define CURL_DISABLE_DEPRECATION
#endif
#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { CONF_LOOP_NONE = 0, CONF_LOOP_EPOLL = 1, CONF_LOOP_POLL = 2 };

/* Parses argv; prints nothing. */
void conf_init(int argc, char **argv);
int conf_port(void);
/* Sets the port that printing normalises to PORT (e.g. a closed port). */
void conf_set_port(int port);
int conf_loop_kind(void); /* CONF_LOOP_EPOLL when no loop was named */
const char *conf_loop_name(void);
/* "http://127.0.0.1:PORT" + path, in a static buffer per call slot (4 slots). */
const char *conf_url(const char *path);
/* A port on 127.0.0.1 nobody listens on (bound, then closed). */
int conf_closed_port(void);

/* ---- the event loop ---------------------------------------------------------------- */
typedef struct conf_loop conf_loop;

/* Per-loop knobs the cases set before running. */
typedef struct conf_loop_opts {
  int print_sockets;      /* print every socket callback (default 1) */
  int print_timers;       /* print every timer callback (default 1) */
  int collapse_timers;    /* print a timer line only when the bucket changes (default 0) */
  int socket_fail_at;     /* return -1 from the Nth socket callback (1-based; 0: never) */
  int timer_fail_at;      /* return -1 from the Nth timer callback (1-based; 0: never) */
  int assign_on_announce; /* curl_multi_assign a pointer at each first announcement */
  int print_reentry;      /* try multi calls from inside callbacks and print the codes */
  int zero_bitmask;       /* pass ev_bitmask 0 to every socket_action */
  int edge_triggered;     /* epoll loop: EPOLLET (the application never re-polls a socket
                             that libcurl left data on) */
  int max_zero_timer_run; /* longest run of consecutive 0 ms timer calls (output) */
  int coarse_timers;      /* buckets -1, 0, >0 only (libcurl's internal 200 ms happy-eyeballs
                             timer re-arms at timing-dependent moments) */
} conf_loop_opts;

/* Installs CURLMOPT_SOCKETFUNCTION/DATA and TIMERFUNCTION/DATA on m. */
conf_loop *conf_loop_new(CURLM *m, int kind);
conf_loop_opts *conf_loop_options(conf_loop *l);
/* Runs the loop until *running reaches 0 after at least one action, or max_ms passed.
 * Returns the first non-OK CURLMcode of a socket_action call (the loop stops then), or
 * CURLM_OK. Prints "loop: timed out" when max_ms passes. */
CURLMcode conf_loop_run(conf_loop *l, long max_ms);
/* Runs the loop for about ms milliseconds whatever happens (for idle checks). */
CURLMcode conf_loop_run_for(conf_loop *l, long ms);
/* The kickstart: socket_action(CURL_SOCKET_TIMEOUT); prints rc and running. */
CURLMcode conf_loop_kick(conf_loop *l);
/* One dispatch round: waits at most max_ms for a socket or the timer, then acts. */
CURLMcode conf_loop_step(conf_loop *l, long max_ms);
int conf_loop_running(conf_loop *l);
/* Number of sockets the loop currently watches (announced, not removed). */
int conf_loop_watched(conf_loop *l);
/* Timer state: -1 none, else ms until it fires (0 when due). */
long conf_loop_timer(conf_loop *l);
/* Counters. */
int conf_loop_socket_calls(conf_loop *l);
int conf_loop_timer_calls(conf_loop *l);
int conf_loop_wakeups(conf_loop *l);
/* Frees the loop; does not touch the multi (call it after curl_multi_cleanup, which
 * may still call the socket callback). */
void conf_loop_free(conf_loop *l);

/* The fd of socket sN (1-based), or -1. */
curl_socket_t conf_sock_fd(int n);
/* What the loop watches socket sN for (CURL_POLL_*), or -1 when not watched. */
int conf_loop_what(conf_loop *l, int n);
/* Name of a socket by its fd ("s1"...); assigns a new name if unseen. */
const char *conf_sock_name(curl_socket_t s);
const char *conf_easy_name(CURL *e);
const char *conf_what(int what);
const char *conf_bucket(long ms);

/* ---- transfers --------------------------------------------------------------------- */
/* A recording easy handle: body bytes counted and hashed, header lines printed
 * (when print_headers), named by CURLOPT_PRIVATE. */
typedef struct conf_xfer {
  CURL *easy;
  char name[16];
  size_t body_bytes;
  unsigned long body_hash;
  int header_lines;
  int print_headers;
  int print_body; /* print body text (escaped) as it arrives */
  int write_calls;
  int pause_at_write; /* return CURL_WRITEFUNC_PAUSE from this write call (1-based) */
  int fail_at_write;  /* return 0 (error) from this write call */
  int print_reentry;  /* try multi calls from inside the write callback */
  CURLM *multi;       /* for print_reentry */
} conf_xfer;

conf_xfer *conf_xfer_new(const char *name, const char *url);
void conf_xfer_free(conf_xfer *x);
/* Prints "NAME: body N bytes hash H, K header lines". */
void conf_xfer_print(conf_xfer *x);
/* Prints getinfo values that do not depend on timing (codes, counts, sizes, URL...). */
void conf_print_info(CURL *e, const char *name);
/* Reads all messages and prints "msg NAME DONE result=N (text)"; returns the count.
 * With remove set, removes each finished handle from m. */
int conf_drain_messages(CURLM *m, int remove);
/* curl_easy_perform, then prints the result, the body summary and conf_print_info. */
CURLcode conf_perform_print(conf_xfer *x);
/* Escaped printing of bytes. */
void conf_print_escaped(const char *prefix, const char *p, size_t n);

/* ---- nginx (cases marked server: nginx) ------------------------------------------- */
/* The fixture's directory (CONF_NGINX_DIR); exits with a FAIL line when it is not set. */
const char *conf_nginx_dir(void);
/* The port of a server block ("good", "tls12", "gzip_https"... see TEST_SERVERS.md),
 * from CONF_PORT_<NAME>; exits with a FAIL line when the block is unknown. */
int conf_nginx_port(const char *block);
/* "https://localhost:PORT" + path for that block ("http://" for http and gzip_http), in a
 * static buffer per call slot (4 slots). */
const char *conf_nginx_url(const char *block, const char *path);
/* The same with another host name in place of "localhost" (e.g. "127.0.0.1"). */
const char *conf_nginx_url_host(const char *block, const char *host, const char *path);
/* The path of a certificate file, "$CONF_NGINX_DIR/certs/" + file (4 slots). */
const char *conf_cert(const char *file);
/* Reads a whole file into a malloc'ed buffer (NUL-terminated; *len without the NUL when
 * len is set); exits with a FAIL line when it cannot. Caller frees. */
char *conf_read_file(const char *path, size_t *len);
/* Replaces, in place, the fixture directory by "DIR" and every fixture port by "PORT". */
void conf_normalise_text(char *text, size_t cap);
/* A recording handle for TLS cases: conf_xfer_new() plus CURLOPT_IPRESOLVE v4 (the
 * fixture listens on 127.0.0.1 only) and CURLOPT_ERRORBUFFER into errbuf. */
typedef struct conf_tls {
  conf_xfer *x;
  char errbuf[CURL_ERROR_SIZE];
} conf_tls;
conf_tls *conf_tls_new(const char *name, const char *url);
void conf_tls_free(conf_tls *t);
/* curl_easy_perform; prints "NAME perform = N (strerror)", the body summary when it
 * succeeded, the response code and CURLINFO_SSL_VERIFYRESULT; with print_error set, also
 * "NAME error: TEXT" (the error buffer, normalised) when it failed. */
CURLcode conf_tls_perform(conf_tls *t, int print_error);

#ifdef __cplusplus
}
#endif
#endif
