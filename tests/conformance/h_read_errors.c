/* Read callback failures on a PUT with Expect disabled: CURL_READFUNC_ABORT at the first
 * call (CURLE_ABORTED_BY_CALLBACK), returning more than the buffer size
 * (CURLE_READ_ERROR), CURL_READFUNC_PAUSE with nothing to unpause it and a TIMEOUT_MS
 * (CURLE_OPERATION_TIMEDOUT), and an early end of data with INFILESIZE 10 but 4 bytes
 * given (the transfer waits for the server until TIMEOUT_MS). Result and read calls.
 * Errors from read callbacks (issue 4). */
/* server: scripts/h_read_errors.script */
/* requests: not compared */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

typedef struct rd {
  int mode;
  int calls;
} rd;

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  rd *r = (rd *)u;
  r->calls++;
  switch (r->mode) {
    case 0:
      return CURL_READFUNC_ABORT;
    case 1:
      return sz * n + 1;
    case 2:
      return CURL_READFUNC_PAUSE;
    default:
      if (r->calls > 1) return 0;
      memcpy(buf, "four", 4);
      return 4;
  }
}

int main(int argc, char **argv) {
  int i;
  struct curl_slist *no_expect = curl_slist_append(NULL, "Expect:");
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("rd", conf_url("/r"));
    rd r;
    CURLcode rc;
    r.mode = i;
    r.calls = 0;
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
    curl_easy_setopt(x->easy, CURLOPT_READDATA, &r);
    curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, no_expect);
    curl_easy_setopt(x->easy, CURLOPT_INFILESIZE, 10L);
    curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 500L);
    rc = curl_easy_perform(x->easy);
    printf("mode %d: perform = %d (%s) read calls %s\n", i, (int)rc, curl_easy_strerror(rc),
           i == 2         ? (r.calls >= 1 ? ">=1" : "0")
           : r.calls == 1 ? "1"
           : r.calls == 2 ? "2"
                          : "other");
    conf_xfer_free(x);
  }
  curl_slist_free_all(no_expect);
  curl_global_cleanup();
  return 0;
}
