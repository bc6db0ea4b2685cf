/* CURLOPT_TIMEOUT_MS 300 while the body (Content-Length, chunked) or the head is still
 * arriving: CURLE_OPERATION_TIMEDOUT on time, with the bytes that did arrive delivered
 * and counted; CONNECTTIMEOUT_MS 100 set as well never fires once connected.
 * Timeouts during the body (issue 4). */
/* server: scripts/h_timeout_body.script */
#include <stdio.h>
#include <sys/time.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 3; ++i) {
    conf_xfer *x = conf_xfer_new("tb", conf_url("/t"));
    struct timeval t0, t1;
    long ms, code = -1, hs = -1;
    curl_off_t dl = -1, cl = -2;
    CURLcode rc;
    x->print_headers = 0;
    x->print_body = 1;
    curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 300L);
    curl_easy_setopt(x->easy, CURLOPT_CONNECTTIMEOUT_MS, 100L);
    gettimeofday(&t0, NULL);
    rc = curl_easy_perform(x->easy);
    gettimeofday(&t1, NULL);
    ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_usec - t0.tv_usec) / 1000;
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(x->easy, CURLINFO_HEADER_SIZE, &hs);
    curl_easy_getinfo(x->easy, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    curl_easy_getinfo(x->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
    printf(
        "case %d: perform = %d (%s) %s; code %ld header_size %ld size_download %lld "
        "content_length %lld\n",
        i + 1, (int)rc, curl_easy_strerror(rc),
        ms < 290   ? "too early"
        : ms > 600 ? "too late"
                   : "on time",
        code, hs, (long long)dl, (long long)cl);
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
