/* curl_multi_setopt: every CURLMOPT_* option with a row of values of its type (negative,
 * zero, small, large, the extremes), each on a fresh multi; every other number in the
 * four option-type ranges (0..199 above each base) answers CURLM_UNKNOWN_OPTION; and a
 * multi whose limits were set to odd values still runs a transfer. */
/* server: scripts/get_200.script */
#include <limits.h>
#include <stdio.h>

#include "support/conf.h"

static int sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  (void)e;
  (void)s;
  (void)what;
  (void)u;
  (void)sp;
  return 0;
}

static const long longs[] = {0,     1,           2,        3,  100, 65535,
                             65536, 0x7fffffffL, LONG_MAX, -1, -2,  LONG_MIN};
static const curl_off_t offs[] = {0, 1, 65536, 0x7fffffffffffffffLL, -1, -100};

struct mo {
  const char *name;
  CURLMoption id;
  int type; /* 0 long, 1 off_t, 2 pointer, 3 function */
};

#define M(x, t) {#x, x, t},
static const struct mo opts[] = {
    M(CURLMOPT_PIPELINING, 0) M(CURLMOPT_MAXCONNECTS, 0) M(CURLMOPT_MAX_HOST_CONNECTIONS, 0)
        M(CURLMOPT_MAX_PIPELINE_LENGTH, 0) M(CURLMOPT_MAX_TOTAL_CONNECTIONS, 0)
            M(CURLMOPT_MAX_CONCURRENT_STREAMS, 0) M(CURLMOPT_CONTENT_LENGTH_PENALTY_SIZE, 1)
                M(CURLMOPT_CHUNK_LENGTH_PENALTY_SIZE, 1) M(CURLMOPT_SOCKETDATA, 2) M(
                    CURLMOPT_TIMERDATA, 2) M(CURLMOPT_PUSHDATA, 2) M(CURLMOPT_PIPELINING_SITE_BL, 2)
                    M(CURLMOPT_PIPELINING_SERVER_BL, 2) M(CURLMOPT_SOCKETFUNCTION, 3)
                        M(CURLMOPT_TIMERFUNCTION, 3) M(CURLMOPT_PUSHFUNCTION, 3)};

int main(int argc, char **argv) {
  size_t i, j;
  int base, n;
  static const char *bl[] = {"Server: x", NULL};
  CURLM *m;
  conf_xfer *x;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < sizeof opts / sizeof opts[0]; i++) {
    printf("%s (%d):", opts[i].name, (int)opts[i].id);
    if (opts[i].type == 0) {
      for (j = 0; j < sizeof longs / sizeof longs[0]; j++) {
        m = curl_multi_init();
        printf(" %ld=%d", longs[j], (int)curl_multi_setopt(m, opts[i].id, longs[j]));
        curl_multi_cleanup(m);
      }
    } else if (opts[i].type == 1) {
      for (j = 0; j < sizeof offs / sizeof offs[0]; j++) {
        m = curl_multi_init();
        printf(" %lld=%d", (long long)offs[j], (int)curl_multi_setopt(m, opts[i].id, offs[j]));
        curl_multi_cleanup(m);
      }
    } else if (opts[i].type == 2) {
      m = curl_multi_init();
      printf(" NULL=%d", (int)curl_multi_setopt(m, opts[i].id, NULL));
      if (opts[i].id == CURLMOPT_PIPELINING_SITE_BL || opts[i].id == CURLMOPT_PIPELINING_SERVER_BL)
        printf(" list=%d", (int)curl_multi_setopt(m, opts[i].id, bl));
      else
        printf(" ptr=%d", (int)curl_multi_setopt(m, opts[i].id, &n));
      curl_multi_cleanup(m);
    } else {
      m = curl_multi_init();
      printf(" NULL=%d", (int)curl_multi_setopt(m, opts[i].id, NULL));
      if (opts[i].id != CURLMOPT_PUSHFUNCTION)
        printf(" fn=%d", (int)curl_multi_setopt(m, opts[i].id, sock_cb));
      printf(" NULL again=%d", (int)curl_multi_setopt(m, opts[i].id, NULL));
      curl_multi_cleanup(m);
    }
    printf("\n");
  }
  m = curl_multi_init();
  for (base = 0; base <= 30000; base += 10000) {
    printf("range %d known:", base);
    for (n = base; n < base + 200; n++) {
      CURLMcode rc = base == 30000 ? curl_multi_setopt(m, (CURLMoption)n, (curl_off_t)0)
                                   : curl_multi_setopt(m, (CURLMoption)n, 0L);
      if (rc != CURLM_UNKNOWN_OPTION) printf(" %d=%d", n, (int)rc);
    }
    printf("\n");
  }
  printf("odd numbers: %d %d %d\n", (int)curl_multi_setopt(m, (CURLMoption)-1, 0L),
         (int)curl_multi_setopt(m, (CURLMoption)40000, 0L),
         (int)curl_multi_setopt(m, (CURLMoption)0x7fffffff, 0L));
  /* Odd but accepted limits: the transfer still runs. */
  curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 0L);
  curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
  curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);
  curl_multi_setopt(m, CURLMOPT_PIPELINING, 0L);
  x = conf_xfer_new("e1", conf_url("/m"));
  x->print_headers = 0;
  curl_multi_add_handle(m, x->easy);
  for (i = 0, n = 1; i < 500 && n; ++i) {
    int k;
    curl_multi_perform(m, &n);
    if (n) curl_multi_wait(m, NULL, 0, 100, &k);
  }
  conf_drain_messages(m, 1);
  conf_xfer_print(x);
  conf_xfer_free(x);
  curl_multi_cleanup(m);
  curl_global_cleanup();
  return 0;
}
