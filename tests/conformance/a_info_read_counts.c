/* curl_multi_info_read's msgs_in_queue: six transfers that all fail (four refused
 * connections, two unsupported schemes) leave six DONE messages; each read lowers the
 * count by one, down to NULL with 0; removing a finished handle before its message was
 * read drops that message from the count; re-adding it makes a new one; the message
 * data (easy handle, result) are read through the CURLMsg. BEHAVIOUR.md items 85-90. */
#include <stdio.h>
#include <stdlib.h>

#include "support/conf.h"

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(int argc, char **argv) {
  CURLM *m;
  CURL *e[6];
  char url[64];
  int i, n, running = 1, results[6], nres = 0;
  CURLMsg *msg;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  m = curl_multi_init();
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", conf_closed_port());
  for (i = 0; i < 6; ++i) {
    e[i] = curl_easy_init();
    curl_easy_setopt(e[i], CURLOPT_URL, i < 4 ? url : "nosuch://127.0.0.1/");
    curl_easy_setopt(e[i], CURLOPT_PRIVATE, (void *)(size_t)i);
    printf("add %d = %d\n", i, (int)curl_multi_add_handle(m, e[i]));
  }
  n = -1;
  msg = curl_multi_info_read(m, &n);
  printf("before perform: %s left=%d\n", msg ? "msg" : "NULL", n);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  printf("running=%d\n", running);
  /* Remove e[5] before its message is read. */
  printf("remove 5 = %d\n", (int)curl_multi_remove_handle(m, e[5]));
  for (;;) {
    n = -1;
    msg = curl_multi_info_read(m, &n);
    if (!msg) break;
    printf("msg DONE=%d ours=%s left=%d\n", msg->msg == CURLMSG_DONE,
           msg->easy_handle == e[0] || msg->easy_handle == e[1] || msg->easy_handle == e[2] ||
                   msg->easy_handle == e[3] || msg->easy_handle == e[4]
               ? "yes"
               : "no",
           n);
    if (nres < 6) results[nres++] = (int)msg->data.result;
  }
  printf("then NULL left=%d\n", n);
  qsort(results, (size_t)nres, sizeof results[0], cmp);
  printf("results:");
  for (i = 0; i < nres; ++i) printf(" %d", results[i]);
  printf("\n");
  printf("re-add 5 = %d\n", (int)curl_multi_add_handle(m, e[5]));
  running = 1;
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  msg = curl_multi_info_read(m, &n);
  printf("re-added: %s result=%d left=%d\n", msg && msg->easy_handle == e[5] ? "its msg" : "?",
         msg ? (int)msg->data.result : -1, n);
  msg = curl_multi_info_read(m, &n);
  printf("again: %s left=%d\n", msg ? "msg" : "NULL", n);
  for (i = 0; i < 6; ++i) {
    curl_multi_remove_handle(m, e[i]);
    curl_easy_cleanup(e[i]);
  }
  printf("cleanup=%d\n", (int)curl_multi_cleanup(m));
  curl_global_cleanup();
  return 0;
}
