/* CURLINFO_ACTIVESOCKET and CURLINFO_LASTSOCKET over a handle's life: none on a fresh
 * handle and inside the write callback of a running transfer; the pooled connection's
 * socket after curl_easy_perform; none after a transfer with CURLOPT_FORBID_REUSE;
 * after a multi transfer the socket while the handle is still added, none once removed
 * or after curl_multi_cleanup; the CURLOPT_CONNECT_ONLY connection's socket, equal to
 * the one the socket was opened as. */
/* server: httpd */
#include <stdio.h>
#include <sys/socket.h>

#include "support/conf.h"

static curl_socket_t g_opened = CURL_SOCKET_BAD;

static const char *sock_class(CURL *e) {
  curl_socket_t s = CURL_SOCKET_BAD;
  long l = -7;
  curl_easy_getinfo(e, CURLINFO_ACTIVESOCKET, &s);
  curl_easy_getinfo(e, CURLINFO_LASTSOCKET, &l);
  if (s == CURL_SOCKET_BAD) return l == -1 ? "none" : "MISMATCH";
  if (l != (long)s) return "MISMATCH";
  return s == g_opened ? "the opened socket" : "a socket";
}

static curl_socket_t opener(void *u, curlsocktype purpose, struct curl_sockaddr *a) {
  (void)u;
  (void)purpose;
  g_opened = socket(a->family, a->socktype, a->protocol);
  return g_opened;
}

static size_t writer(char *p, size_t sz, size_t n, void *u) {
  static int printed;
  (void)p;
  if (!printed++) printf("  inside the write callback: %s\n", sock_class((CURL *)u));
  return sz * n;
}

static CURL *make(const char *path) {
  CURL *e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url(path));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, e);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, opener);
  return e;
}

int main(int argc, char **argv) {
  CURL *e;
  CURLM *m;
  int running = 1, i, n;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = make("/bytes/10");
  printf("fresh: %s\n", sock_class(e));
  printf("perform=%d\n", (int)curl_easy_perform(e));
  printf("after perform: %s\n", sock_class(e));
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  printf("perform=%d\n", (int)curl_easy_perform(e));
  printf("after perform with FORBID_REUSE: %s\n", sock_class(e));
  curl_easy_cleanup(e);

  e = make("/bytes/10");
  m = curl_multi_init();
  curl_multi_add_handle(m, e);
  for (i = 0; i < 500 && running; ++i) {
    curl_multi_perform(m, &running);
    if (running) curl_multi_wait(m, NULL, 0, 100, &n);
  }
  printf("multi transfer done, still added: %s\n", sock_class(e));
  curl_multi_remove_handle(m, e);
  printf("removed: %s\n", sock_class(e));
  curl_multi_add_handle(m, e);
  printf("added again: %s\n", sock_class(e));
  curl_multi_cleanup(m);
  printf("after multi_cleanup: %s\n", sock_class(e));
  printf("easy perform on it=%d\n", (int)curl_easy_perform(e));
  printf("after perform: %s\n", sock_class(e));
  curl_easy_cleanup(e);

  e = make("/");
  curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
  printf("connect only perform=%d\n", (int)curl_easy_perform(e));
  printf("connect only: %s\n", sock_class(e));
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
