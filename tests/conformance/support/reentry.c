/* See reentry.h. */
#include "reentry.h"

#include <stdio.h>
#include <string.h>
#include <sys/select.h>

conf_reentry conf_re;

static void try_multi(CURLM *m) {
  int running = -7, n = -7, maxfd = -7;
  long t = -7;
  fd_set r, w, x;
  CURLMsg *msg;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_ZERO(&x);
  printf("  multi: perform=%d", (int)curl_multi_perform(m, &running));
  printf(" socket_action=%d", (int)curl_multi_socket_action(m, CURL_SOCKET_TIMEOUT, 0, &running));
  printf(" socket=%d", (int)curl_multi_socket(m, CURL_SOCKET_TIMEOUT, &running));
  printf(" socket_all=%d", (int)curl_multi_socket_all(m, &running));
  printf(" timeout=%d", (int)curl_multi_timeout(m, &t));
  printf(" fdset=%d\n", (int)curl_multi_fdset(m, &r, &w, &x, &maxfd));
  printf("  multi: wait=%d", (int)curl_multi_wait(m, NULL, 0, 0, &n));
  printf(" poll=%d", (int)curl_multi_poll(m, NULL, 0, 0, &n));
  printf(" setopt=%d", (int)curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, 5L));
  n = -7;
  msg = curl_multi_info_read(m, &n);
  printf(" info_read=%s/%d", msg ? "msg" : "NULL", n);
  printf(" add(other)=%d", (int)curl_multi_add_handle(m, conf_re.other));
  printf(" remove(self)=%d", (int)curl_multi_remove_handle(m, conf_re.self));
  printf(" assign=%d", (int)curl_multi_assign(m, 12345, NULL));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(m));
}

void conf_reentry_try(const char *where) {
  char buf[8];
  size_t got = 99;
  long code = -1;
  CURL *self = conf_re.self;
  conf_re.calls++;
  if (conf_re.tried) return;
  conf_re.tried = 1;
  printf(" in %s (%s run):\n", where, conf_re.multi ? "multi" : "easy");
  if (conf_re.multi) try_multi(conf_re.multi);
  printf("  easy: perform(self)=%d", (int)curl_easy_perform(self));
  printf(" recv=%d", (int)curl_easy_recv(self, buf, sizeof buf, &got));
  printf("/%lu", (unsigned long)got);
  got = 99;
  printf(" send=%d", (int)curl_easy_send(self, "x", 1, &got));
  printf("/%lu", (unsigned long)got);
  printf(" getinfo=%d", (int)curl_easy_getinfo(self, CURLINFO_PRIVATE, &code));
  printf(" setopt=%d\n", (int)curl_easy_setopt(self, CURLOPT_MAXREDIRS, 5L));
  /* A multi that is not inside a callback answers normally. */
  printf("  spare multi: timeout=%d", (int)curl_multi_timeout(conf_re.spare, &code));
  printf("/%ld", code);
  printf(" add(self)=%d", (int)curl_multi_add_handle(conf_re.spare, self));
  printf(" add(other)=%d", (int)curl_multi_add_handle(conf_re.spare, conf_re.other));
  printf(" remove(other)=%d\n", (int)curl_multi_remove_handle(conf_re.spare, conf_re.other));
}

static void finish(const char *how, CURL *e, CURLcode rc) {
  long code = 0;
  curl_off_t down = -1;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &down);
  printf(" %s run: result=%d response=%ld downloaded=%lld callback ran: %s\n", how, (int)rc,
         code, (long long)down, conf_re.calls ? "yes" : "no");
}

void conf_reentry_run(const char *label, CURL *easy, void (*setup)(CURL *)) {
  int running = 1, i, n;
  CURLcode rc = CURLE_OK;
  CURLMsg *msg;
  printf("%s\n", label);
  memset(&conf_re, 0, sizeof conf_re);
  conf_re.multi = curl_multi_init();
  conf_re.spare = curl_multi_init();
  conf_re.other = curl_easy_init();
  conf_re.self = easy;
  if (setup) setup(easy);
  curl_multi_add_handle(conf_re.multi, easy);
  for (i = 0; i < 2000 && running; ++i) {
    if (curl_multi_perform(conf_re.multi, &running) != CURLM_OK) break;
    if (running) curl_multi_wait(conf_re.multi, NULL, 0, 100, &n);
  }
  if (running) printf(" multi run: still running\n");
  while ((msg = curl_multi_info_read(conf_re.multi, &n)))
    if (msg->msg == CURLMSG_DONE) rc = msg->data.result;
  finish("multi", easy, rc);
  printf(" after: remove(self)=%d", (int)curl_multi_remove_handle(conf_re.multi, easy));
  printf(" remove(other)=%d", (int)curl_multi_remove_handle(conf_re.multi, conf_re.other));
  printf(" cleanup=%d\n", (int)curl_multi_cleanup(conf_re.multi));

  conf_re.multi = NULL;
  conf_re.tried = 0;
  conf_re.calls = 0;
  if (setup) setup(easy);
  rc = curl_easy_perform(easy);
  finish("easy", easy, rc);
  printf(" after: remove(self from spare)=%d", (int)curl_multi_remove_handle(conf_re.spare, easy));
  printf(" cleanup(spare)=%d\n", (int)curl_multi_cleanup(conf_re.spare));
  curl_easy_cleanup(conf_re.other);
  memset(&conf_re, 0, sizeof conf_re);
}
