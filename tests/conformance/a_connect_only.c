/* CURLOPT_CONNECT_ONLY with curl_easy_send / curl_easy_recv: the handle connects and
 * stops; a raw HTTP request goes out with curl_easy_send, the answer comes back with
 * curl_easy_recv (CURLE_AGAIN while nothing is there, the socket from ACTIVESOCKET
 * polled in between), 0 bytes at the server's close; send/recv with a zero length, on
 * a handle without CONNECT_ONLY (CURLE_UNSUPPORTED_PROTOCOL) and after a new transfer
 * on the same handle. The server log compares the raw request. */
/* server: scripts/get_200.script */
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static void wait_for(CURL *e, short ev) {
  curl_socket_t s = CURL_SOCKET_BAD;
  struct pollfd p;
  curl_easy_getinfo(e, CURLINFO_ACTIVESOCKET, &s);
  p.fd = s;
  p.events = ev;
  p.revents = 0;
  poll(&p, 1, 1000);
}

int main(int argc, char **argv) {
  CURL *e;
  char req[256], buf[256], all[1024];
  size_t n = 99, got = 0;
  int i, agains = 0;
  CURLcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/raw"));
  printf("recv before any transfer=%d", (int)curl_easy_recv(e, buf, sizeof buf, &n));
  printf(" n=%lu\n", (unsigned long)n);
  curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
  printf("perform=%d\n", (int)curl_easy_perform(e));
  n = 99;
  printf("send 0 bytes=%d", (int)curl_easy_send(e, "", 0, &n));
  printf(" n=%lu\n", (unsigned long)n);
  snprintf(req, sizeof req, "GET /raw HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Raw: yes\r\n\r\n",
           conf_port());
  {
    size_t off = 0;
    for (i = 0; i < 100 && off < strlen(req); ++i) {
      rc = curl_easy_send(e, req + off, strlen(req) - off, &n);
      if (rc == CURLE_AGAIN) {
        wait_for(e, POLLOUT);
        continue;
      }
      if (rc != CURLE_OK) break;
      off += n;
    }
    printf("sent the request: %s\n", off == strlen(req) ? "all" : "not all");
  }
  for (i = 0; i < 200; ++i) {
    n = 99;
    rc = curl_easy_recv(e, buf, sizeof buf, &n);
    if (rc == CURLE_AGAIN) {
      agains++;
      wait_for(e, POLLIN);
      continue;
    }
    if (rc != CURLE_OK || n == 0) break;
    if (got + n < sizeof all) memcpy(all + got, buf, n);
    got += n;
    if (got >= 100) break;
  }
  all[got < sizeof all ? got : sizeof all - 1] = 0;
  printf("recv ended rc=%d n=%lu, CURLE_AGAIN seen: %s\n", (int)rc, (unsigned long)n,
         agains ? "yes" : "no");
  conf_print_escaped("received: ", all, strlen(all));
  n = 99;
  printf("recv 0-byte buffer=%d", (int)curl_easy_recv(e, buf, 0, &n));
  printf(" n=%lu\n", (unsigned long)n);
  curl_easy_cleanup(e);

  /* A handle that made a normal transfer has no connection for send/recv. */
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/normal"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  printf("normal perform=%d\n", (int)curl_easy_perform(e));
  n = 99;
  printf("send without CONNECT_ONLY=%d", (int)curl_easy_send(e, "x", 1, &n));
  printf(" n=%lu\n", (unsigned long)n);
  n = 99;
  printf("recv without CONNECT_ONLY=%d", (int)curl_easy_recv(e, buf, sizeof buf, &n));
  printf(" n=%lu\n", (unsigned long)n);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
