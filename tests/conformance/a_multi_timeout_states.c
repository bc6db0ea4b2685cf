/* curl_multi_timeout through a transfer's life, driven by curl_multi_perform and
 * curl_multi_wait against a server that never answers, with CURLOPT_TIMEOUT_MS 600:
 * -1 on an empty multi, 0 right after add_handle, then a positive value never above the
 * transfer's remaining time, and -1 once it ended (CURLE_OPERATION_TIMEDOUT); a handle
 * that fails at once (refused) leaves -1 too; removing a waiting handle makes it -1.
 * Values printed in buckets, a line only when the bucket changes. BEHAVIOUR.md items
 * 115, 116. */
/* server: scripts/hold.script */
/* requests: not compared */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static const char *bucket(long t) {
  /* 0 and small values share a bucket: a deadline may pass between perform and the
   * timeout call on a loaded machine (with either library). */
  return t < 0 ? "-1" : t <= 600 ? "0..600" : ">600";
}

static void show(CURLM *m, const char *label, const char **last) {
  long t = -7;
  CURLMcode rc = curl_multi_timeout(m, &t);
  if (*last && !strcmp(*last, bucket(t)) && rc == CURLM_OK) return;
  *last = bucket(t);
  printf("%s: rc=%d timeout %s\n", label, (int)rc, *last);
}

static void drive(CURLM *m, const char *label) {
  int running = 1, i, n;
  const char *last = NULL;
  for (i = 0; i < 1000 && running; ++i) {
    curl_multi_perform(m, &running);
    show(m, label, &last);
    if (running) curl_multi_wait(m, NULL, 0, 50, &n);
  }
  conf_drain_messages(m, 1);
  last = NULL;
  show(m, "after the end", &last);
}

int main(int argc, char **argv) {
  CURLM *m;
  conf_xfer *x;
  const char *last = NULL;
  char url[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  show(m, "empty", &last);
  x = conf_xfer_new("e1", conf_url("/never"));
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 600L);
  curl_multi_add_handle(m, x->easy);
  {
    long t = -7;
    printf("after add: rc=%d", (int)curl_multi_timeout(m, &t));
    printf(" timeout %ld\n", t);
  }
  drive(m, "waiting");
  conf_xfer_free(x);

  snprintf(url, sizeof url, "http://127.0.0.1:%d/", conf_closed_port());
  x = conf_xfer_new("e2", url);
  curl_multi_add_handle(m, x->easy);
  drive(m, "refused");
  conf_xfer_free(x);

  x = conf_xfer_new("e3", conf_url("/never"));
  curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 600L);
  curl_multi_add_handle(m, x->easy);
  {
    int running, n, i;
    for (i = 0; i < 3; ++i) {
      curl_multi_perform(m, &running);
      curl_multi_wait(m, NULL, 0, 20, &n);
    }
  }
  last = NULL;
  show(m, "e3 in progress", &last);
  curl_multi_remove_handle(m, x->easy);
  last = NULL;
  show(m, "e3 removed", &last);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
