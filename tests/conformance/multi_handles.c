/* The multi interface's answers that need no transfer: bad handles, options, the
 * empty multi (BEHAVIOUR.md sections A, B, C, E, O). */
#include <stdio.h>

#include <curl/curl.h>

static int sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp) {
  (void)e; (void)s; (void)what; (void)u; (void)sp;
  return 0;
}
static int timer_cb(CURLM *m, long ms, void *u) {
  (void)m; (void)ms; (void)u;
  return 0;
}

int main(void) {
  CURLM *m, *m2;
  CURL *easy;
  int running = 42, n = 42, i;
  long t = 42;
  CURLMsg *msg;
  fd_set r, w, x;
  int maxfd = 42;

  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  m2 = curl_multi_init();
  easy = curl_easy_init();
  printf("init %s %s\n", m ? "ok" : "NULL", m2 ? "ok" : "NULL");

  /* NULL and foreign handles */
  printf("add(NULL, easy) = %d\n", (int)curl_multi_add_handle(NULL, easy));
  printf("add(m, NULL) = %d\n", (int)curl_multi_add_handle(m, NULL));
  printf("add(NULL, NULL) = %d\n", (int)curl_multi_add_handle(NULL, NULL));
  printf("add(easy as multi) = %d\n", (int)curl_multi_add_handle((CURLM *)easy, easy));
  printf("add(m, multi as easy) = %d\n", (int)curl_multi_add_handle(m, (CURL *)m2));
  printf("remove(NULL, easy) = %d\n", (int)curl_multi_remove_handle(NULL, easy));
  printf("remove(m, NULL) = %d\n", (int)curl_multi_remove_handle(m, NULL));
  printf("remove(m, not added) = %d\n", (int)curl_multi_remove_handle(m, easy));
  printf("remove(m, not added) again = %d\n", (int)curl_multi_remove_handle(m, easy));
  printf("setopt(NULL) = %d\n", (int)curl_multi_setopt(NULL, CURLMOPT_MAXCONNECTS, 5L));
  printf("perform(NULL) = %d\n", (int)curl_multi_perform(NULL, &running));
  printf("timeout(NULL) = %d\n", (int)curl_multi_timeout(NULL, &t));
  printf("fdset(NULL) = %d\n", (int)curl_multi_fdset(NULL, &r, &w, &x, &maxfd));
  printf("wait(NULL) = %d\n", (int)curl_multi_wait(NULL, NULL, 0, 0, &n));
  printf("poll(NULL) = %d\n", (int)curl_multi_poll(NULL, NULL, 0, 0, &n));
  printf("wakeup(NULL) = %d\n", (int)curl_multi_wakeup(NULL));
  printf("cleanup(NULL) = %d\n", (int)curl_multi_cleanup(NULL));
  printf("cleanup(easy) = %d\n", (int)curl_multi_cleanup((CURLM *)easy));
  n = 42;
  msg = curl_multi_info_read(NULL, &n);
  printf("info_read(NULL) = %s n=%d\n", msg ? "msg" : "NULL", n);

  /* options */
  printf("SOCKETFUNCTION = %d\n", (int)curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, sock_cb));
  printf("SOCKETDATA = %d\n", (int)curl_multi_setopt(m, CURLMOPT_SOCKETDATA, NULL));
  printf("TIMERFUNCTION = %d\n", (int)curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, timer_cb));
  printf("TIMERDATA = %d\n", (int)curl_multi_setopt(m, CURLMOPT_TIMERDATA, NULL));
  printf("PIPELINING = %d\n", (int)curl_multi_setopt(m, CURLMOPT_PIPELINING, 2L));
  printf("MAXCONNECTS = %d\n", (int)curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 10L));
  printf("MAX_HOST_CONNECTIONS = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, 2L));
  printf("MAX_TOTAL_CONNECTIONS = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, 3L));
  printf("MAX_PIPELINE_LENGTH = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_PIPELINE_LENGTH, 3L));
  printf("CONTENT_LENGTH_PENALTY_SIZE = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_CONTENT_LENGTH_PENALTY_SIZE, (curl_off_t)5));
  printf("CHUNK_LENGTH_PENALTY_SIZE = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_CHUNK_LENGTH_PENALTY_SIZE, (curl_off_t)5));
  printf("PIPELINING_SITE_BL = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_PIPELINING_SITE_BL, NULL));
  printf("PIPELINING_SERVER_BL = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_PIPELINING_SERVER_BL, NULL));
  printf("PUSHFUNCTION = %d\n", (int)curl_multi_setopt(m, CURLMOPT_PUSHFUNCTION, NULL));
  printf("PUSHDATA = %d\n", (int)curl_multi_setopt(m, CURLMOPT_PUSHDATA, NULL));
  printf("MAX_CONCURRENT_STREAMS 0 = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_CONCURRENT_STREAMS, 0L));
  printf("MAX_CONCURRENT_STREAMS 10 = %d\n",
         (int)curl_multi_setopt(m, CURLMOPT_MAX_CONCURRENT_STREAMS, 10L));
  for (i = 0; i < 20; i++) {
    if (i == 3 || i == 6 || i == 7 || i == 8 || i == 13 || i == 16) continue;
    printf("long option %d = %d\n", i, (int)curl_multi_setopt(m, (CURLMoption)i, 0L));
  }
  printf("option 10100 = %d\n", (int)curl_multi_setopt(m, (CURLMoption)10100, NULL));
  printf("option 20100 = %d\n", (int)curl_multi_setopt(m, (CURLMoption)20100, NULL));
  printf("option 30100 = %d\n", (int)curl_multi_setopt(m, (CURLMoption)30100, (curl_off_t)0));

  /* an empty multi */
  running = 42;
  printf("perform(empty) = %d running=%d\n", (int)curl_multi_perform(m2, &running), running);
  t = 42;
  printf("timeout(empty) = %d t=%ld\n", (int)curl_multi_timeout(m2, &t), t);
  FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&x);
  maxfd = 42;
  printf("fdset(empty) = %d maxfd=%d\n", (int)curl_multi_fdset(m2, &r, &w, &x, &maxfd), maxfd);
  n = 42;
  msg = curl_multi_info_read(m2, &n);
  printf("info_read(empty) = %s n=%d\n", msg ? "msg" : "NULL", n);
  n = 42;
  printf("wait(empty, 0ms) = %d n=%d\n", (int)curl_multi_wait(m2, NULL, 0, 0, &n), n);
  printf("assign(unknown socket) = %d\n", (int)curl_multi_assign(m2, 12345, NULL));
  running = 42;
  printf("socket_action(timeout) = %d running=%d\n",
         (int)curl_multi_socket_action(m2, CURL_SOCKET_TIMEOUT, 0, &running), running);
  running = 42;
  printf("socket_action(unknown fd) = %d running=%d\n",
         (int)curl_multi_socket_action(m2, 12345, CURL_CSELECT_IN, &running), running);
  running = 42;
  printf("socket_all = %d running=%d\n", (int)curl_multi_socket_all(m2, &running), running);

  printf("cleanup(m) = %d\n", (int)curl_multi_cleanup(m));
  printf("cleanup(m2) = %d\n", (int)curl_multi_cleanup(m2));
  curl_easy_cleanup(easy);
  curl_global_cleanup();
  return 0;
}
