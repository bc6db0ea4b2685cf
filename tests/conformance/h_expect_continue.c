/* Expect: 100-continue on uploads: a 3000-byte PUT from a read callback answered with
 * 100 Continue (the 100 head goes to the header callback), the same with a server that
 * never sends 100 (the body goes after EXPECT_100_TIMEOUT_MS), a 2000-byte POSTFIELDS
 * (no Expect: 7.88.1 asks only for large POSTs), and a PUT with "Expect:" removed. Request heads
 * and bodies via the server log; the header lines and header_size of each. Expect 100-continue
 * (issue 4). */
/* server: scripts/h_expect_continue.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static char big[2000];

static size_t reader(char *buf, size_t sz, size_t n, void *u) {
  size_t *left = (size_t *)u;
  size_t max = sz * n, take = *left < max ? *left : max;
  memset(buf, 'u', take);
  *left -= take;
  return take;
}

int main(int argc, char **argv) {
  int i;
  size_t left;
  struct curl_slist *no_expect = curl_slist_append(NULL, "Expect:");
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  memset(big, 'p', sizeof big);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("ex", conf_url("/up"));
    printf("== case %d\n", i + 1);
    if (i == 2) {
      curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, big);
      curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE, (long)sizeof big);
    } else {
      left = 3000;
      curl_easy_setopt(x->easy, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt(x->easy, CURLOPT_READFUNCTION, reader);
      curl_easy_setopt(x->easy, CURLOPT_READDATA, &left);
      curl_easy_setopt(x->easy, CURLOPT_INFILESIZE, 3000L);
      curl_easy_setopt(x->easy, CURLOPT_EXPECT_100_TIMEOUT_MS, 200L);
      if (i == 3) curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, no_expect);
    }
    conf_perform_print(x);
    conf_xfer_free(x);
  }
  curl_slist_free_all(no_expect);
  curl_global_cleanup();
  return 0;
}
