/* Whether the connection survives a transfer that ended early: a 404 read whole (kept),
 * FAILONERROR on a 404 with a body (closed), a write callback error in the middle of a
 * 100 KB body (closed), an xferinfo abort (closed), NOBODY on a large body (kept), a
 * RANGE the server ignores (the whole body is read, kept). NUM_CONNECTS of the transfer
 * after each. Keep-alive reuse after errors (issue 4). */
/* server: httpd */
#include <stdio.h>

#include "support/conf.h"

static int abort_progress(void *p, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  (void)p;
  (void)dt;
  (void)ut;
  (void)un;
  return dn > 0;
}

static void after(conf_xfer *x, const char *label, CURLcode rc) {
  long conns = -1;
  printf("%s: perform = %d (%s)\n", label, (int)rc, curl_easy_strerror(rc));
  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/5"));
  x->fail_at_write = 0;
  curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 0L);
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 1L);
  curl_easy_setopt(x->easy, CURLOPT_RANGE, NULL);
  curl_easy_setopt(x->easy, CURLOPT_HTTPGET, 1L);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_NUM_CONNECTS, &conns);
  printf("  next transfer: perform = %d num_connects %ld\n", (int)rc, conns);
}

int main(int argc, char **argv) {
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("e", conf_url("/"));
  x->print_headers = 0;
  after(x, "warm-up", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/status/404"));
  after(x, "404 read", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/status/404"));
  curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 1L);
  after(x, "404 failonerror", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/100000"));
  x->write_calls = 0;
  x->fail_at_write = 1;
  after(x, "write error", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/100000"));
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, abort_progress);
  after(x, "xferinfo abort", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/100000"));
  curl_easy_setopt(x->easy, CURLOPT_NOBODY, 1L);
  after(x, "nobody", curl_easy_perform(x->easy));

  curl_easy_setopt(x->easy, CURLOPT_URL, conf_url("/bytes/1000"));
  curl_easy_setopt(x->easy, CURLOPT_RANGE, "0-9");
  after(x, "range ignored", curl_easy_perform(x->easy));
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
