/* CURLOPT_DEBUGFUNCTION with VERBOSE: the bytes of each type joined per transfer
 * (HEADER_OUT: the request head; DATA_OUT: the body as sent; HEADER_IN: the response
 * heads and trailers; DATA_IN: the body as received, chunk framing removed or not), and
 * a debug callback that returns non-zero (ignored: the transfer completes). TEXT lines
 * are counted only as "some" (their wording is not part of the ABI).
 * Errors from debug callbacks, request bytes (issue 4). */
/* server: scripts/h_debug_callback.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

typedef struct dbg {
  char buf[7][2048];
  size_t len[7];
  int ret;
} dbg;

static int on_debug(CURL *e, curl_infotype t, char *p, size_t n, void *u) {
  dbg *d = (dbg *)u;
  (void)e;
  if ((unsigned)t < 7) {
    size_t room = sizeof d->buf[t] - d->len[t];
    size_t take = n < room ? n : room;
    memcpy(d->buf[t] + d->len[t], p, take);
    d->len[t] += take;
  }
  return d->ret;
}

static void show(dbg *d) {
  static const char *names[] = {"TEXT", "HEADER_IN", "HEADER_OUT", "DATA_IN", "DATA_OUT"};
  int t;
  printf("  TEXT: %s\n", d->len[CURLINFO_TEXT] ? "some" : "none");
  for (t = 1; t < 5; ++t) {
    char pre[32];
    snprintf(pre, sizeof pre, "  %s: ", names[t]);
    conf_print_escaped(pre, d->buf[t], d->len[t]);
  }
  memset(d->len, 0, sizeof d->len);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  static dbg d;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("dbg", conf_url("/d"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(x->easy, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(x->easy, CURLOPT_DEBUGDATA, &d);
  curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 0L);
  curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, "0123456789");
  {
    struct curl_slist *h = curl_slist_append(NULL, "Expect: 100-continue");
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, h);
    printf("post: perform = %d\n", (int)curl_easy_perform(x->easy));
    show(&d);
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(h);
  }
  d.ret = 1;
  curl_easy_setopt(x->easy, CURLOPT_HTTPGET, 1L);
  x->body_bytes = 0;
  {
    CURLcode rc = curl_easy_perform(x->easy);
    printf("get, callback returns 1: perform = %d body %lu\n", (int)rc,
           (unsigned long)x->body_bytes);
  }
  show(&d);
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
