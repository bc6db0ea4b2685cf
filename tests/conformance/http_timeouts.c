/* curl_easy_perform against a silent server: CURLOPT_TIMEOUT_MS ends it with
 * CURLE_OPERATION_TIMEDOUT on time; a low-speed limit also ends it with
 * CURLE_OPERATION_TIMEDOUT; an unresolvable host gives CURLE_COULDNT_RESOLVE_HOST; a
 * refused port CURLE_COULDNT_CONNECT. The unresolvable name has a 64-byte label: glibc
 * refuses to build a DNS query for it, so nothing leaves the machine (a name like
 * "nonexistent.invalid" would be sent to the configured name server). Timeouts, refused connections, unknown hosts
 * (issue 4); BEHAVIOUR.md item 73. */
/* server: scripts/hold.script */
#include <stdio.h>
#include <sys/time.h>

#include "support/conf.h"

static long since(struct timeval *t0) {
  struct timeval t1;
  gettimeofday(&t1, NULL);
  return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_usec - t0->tv_usec) / 1000;
}

int main(int argc, char **argv) {
  conf_xfer *x;
  struct timeval t0;
  long ms;
  CURLcode rc;
  char url[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  x = conf_xfer_new("timeout", conf_url("/t"));
  curl_easy_setopt(x->easy, CURLOPT_TIMEOUT_MS, 300L);
  gettimeofday(&t0, NULL);
  rc = curl_easy_perform(x->easy);
  ms = since(&t0);
  printf("timeout perform = %d (%s) %s\n", (int)rc, curl_easy_strerror(rc),
         ms < 290   ? "too early"
         : ms > 500 ? "too late"
                    : "on time");
  conf_print_info(x->easy, "timeout");
  conf_xfer_free(x);

  x = conf_xfer_new("lowspeed", conf_url("/t"));
  curl_easy_setopt(x->easy, CURLOPT_LOW_SPEED_LIMIT, 1000L);
  curl_easy_setopt(x->easy, CURLOPT_LOW_SPEED_TIME, 1L);
  gettimeofday(&t0, NULL);
  rc = curl_easy_perform(x->easy);
  ms = since(&t0);
  printf("lowspeed perform = %d (%s) %s\n", (int)rc, curl_easy_strerror(rc),
         ms < 900    ? "too early"
         : ms > 2500 ? "too late"
                     : "on time");
  conf_xfer_free(x);

  /* 64 'a's: longer than a DNS label may be, so no query is ever sent. */
  x = conf_xfer_new("nohost",
                    "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.invalid/");
  rc = curl_easy_perform(x->easy);
  printf("nohost perform = %d (%s)\n", (int)rc, curl_easy_strerror(rc));
  conf_print_info(x->easy, "nohost");
  conf_xfer_free(x);

  conf_set_port(conf_closed_port());
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", conf_port());
  x = conf_xfer_new("refused", url);
  rc = curl_easy_perform(x->easy);
  printf("refused perform = %d (%s)\n", (int)rc, curl_easy_strerror(rc));
  conf_print_info(x->easy, "refused");
  conf_xfer_free(x);
  curl_global_cleanup();
  return 0;
}
