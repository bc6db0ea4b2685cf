/* CURLOPT_UNIX_SOCKET_PATH and CURLOPT_ABSTRACT_UNIX_SOCKET against a small HTTP server
 * on a UNIX socket in this program: the request goes over the socket with the URL's host
 * in Host:; getinfo's PRIMARY_IP is the socket path (empty for an abstract name),
 * PRIMARY_PORT the URL's port, LOCAL_* empty and 0; a connection is reused only for the
 * same host, port and path; a proxy is ignored; a missing socket is CURLE_COULDNT_CONNECT
 * and a path too long CURLE_COULDNT_RESOLVE_HOST, with their error texts; clearing the
 * path goes back to TCP. Times in error texts are masked. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "support/conf.h"

static int listeners[2];

/* Answers every request on one connection with a body naming the request line and the
 * Host header; ends when the client closes. */
static void *serve_conn(void *arg) {
  int fd = (int)(long)arg;
  char buf[8192];
  size_t have = 0;
  int rounds = 0;
  while (rounds++ < 100) {
    char *end;
    ssize_t n = recv(fd, buf + have, sizeof buf - 1 - have, 0);
    if (n <= 0) break;
    have += (size_t)n;
    buf[have] = '\0';
    while ((end = strstr(buf, "\r\n\r\n")) != NULL) {
      char body[600], resp[1024], line[256] = "", host[256] = "";
      char *h = strstr(buf, "\r\nHost: ");
      size_t used = (size_t)(end + 4 - buf);
      sscanf(buf, "%255[^\r]", line);
      if (h && h < end) sscanf(h + 8, "%255[^\r]", host);
      snprintf(body, sizeof body, "%s | Host: %s\n", line, host);
      snprintf(resp, sizeof resp, "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n%s", strlen(body),
               body);
      if (send(fd, resp, strlen(resp), MSG_NOSIGNAL) < 0) break;
      memmove(buf, buf + used, have - used + 1);
      have -= used;
    }
  }
  close(fd);
  return NULL;
}

static void *acceptor(void *arg) {
  int lfd = *(int *)arg;
  int i;
  for (i = 0; i < 16; ++i) {
    pthread_t t;
    int c = accept(lfd, NULL, NULL);
    if (c < 0) break;
    if (pthread_create(&t, NULL, serve_conn, (void *)(long)c) == 0)
      pthread_detach(t);
    else
      close(c);
  }
  return NULL;
}

static int listen_on(const char *name, int abstract, int *out) {
  struct sockaddr_un a;
  socklen_t len;
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  memcpy(a.sun_path + (abstract ? 1 : 0), name, strlen(name));
  len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(name) + (abstract ? 1 : 1));
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, len) != 0 || listen(fd, 16) != 0) return -1;
  *out = fd;
  return 0;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  fwrite(p, sz, n, stdout);
  (void)u;
  return sz * n;
}

static const char *g_path;

static void show(CURL *e, const char *label, const char *url) {
  char err[CURL_ERROR_SIZE] = "", masked[CURL_ERROR_SIZE + 8];
  char *ip = NULL, *lip = NULL, *ms;
  long port = -1, lport = -1, nc = -1;
  CURLcode rc;
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  printf("%s: ", label);
  fflush(stdout);
  rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip);
  curl_easy_getinfo(e, CURLINFO_PRIMARY_PORT, &port);
  curl_easy_getinfo(e, CURLINFO_LOCAL_IP, &lip);
  curl_easy_getinfo(e, CURLINFO_LOCAL_PORT, &lport);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &nc);
  snprintf(masked, sizeof masked, "%s", err);
  if (strncmp(masked, "Failed to connect to 127.0.0.1 port ", 36) == 0) {
    char *sp = strchr(masked + 36, ' ');
    if (sp) memmove(masked + 36, sp - 4, strlen(sp - 4) + 1), memcpy(masked + 36, "PORT", 4);
  }
  if ((ms = strstr(masked, " after ")) != NULL) {
    char *m = strstr(ms, " ms:");
    if (m) memmove(ms + 8, m, strlen(m) + 1), memcpy(ms, " after N", 8);
  }
  printf("  rc=%d err='%s' primary_ip=%s port=%ld local_ip='%s' local_port=%ld connects=%ld\n",
         (int)rc, masked,
         !ip                                   ? "(null)"
         : (g_path && strcmp(ip, g_path) == 0) ? "PATH"
                                               : ip,
         port, lip ? lip : "(null)", lport, nc);
}

int main(int argc, char **argv) {
  char dir[] = "/tmp/mcurl-conf-unix-XXXXXX", path[128], missing[160], abstract[64];
  char longpath[200], url[128];
  pthread_t t1, t2;
  CURL *e;
  conf_init(argc, argv);
  if (!mkdtemp(dir)) return 1;
  snprintf(path, sizeof path, "%s/s.sock", dir);
  snprintf(missing, sizeof missing, "%s/missing.sock", dir);
  snprintf(abstract, sizeof abstract, "mcurl-conf-unix-%ld", (long)getpid());
  if (listen_on(path, 0, &listeners[0]) || listen_on(abstract, 1, &listeners[1])) {
    printf("FAIL: cannot listen\n");
    return 1;
  }
  pthread_create(&t1, NULL, acceptor, &listeners[0]);
  pthread_create(&t2, NULL, acceptor, &listeners[1]);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  if (getenv("CONF_VERBOSE")) curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
  printf("set path=%d\n", (int)curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, path));
  g_path = path;
  show(e, "first", "http://example.test:8080/a");
  show(e, "same host again", "http://example.test:8080/b");
  show(e, "other host", "http://other.test/c");
  curl_easy_setopt(e, CURLOPT_PROXY, "http://127.0.0.1:1");
  show(e, "with a proxy set", "http://example.test:8080/d");
  curl_easy_setopt(e, CURLOPT_PROXY, NULL);
  curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, missing);
  show(e, "missing socket", "http://example.test/e");
  memset(longpath, 'a', 150);
  longpath[0] = '/';
  longpath[150] = '\0';
  curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, longpath);
  show(e, "path too long", "http://example.test/f");
  g_path = NULL;
  printf("set abstract=%d\n", (int)curl_easy_setopt(e, CURLOPT_ABSTRACT_UNIX_SOCKET, abstract));
  show(e, "abstract", "http://example.test/g");
  show(e, "abstract again", "http://example.test/h");
  curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, path);
  g_path = path;
  show(e, "back to the path", "http://example.test/i");
  curl_easy_setopt(e, CURLOPT_UNIX_SOCKET_PATH, NULL);
  snprintf(url, sizeof url, "http://127.0.0.1:%d/j", conf_closed_port());
  show(e, "no path: TCP", url);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  shutdown(listeners[0], SHUT_RDWR);
  shutdown(listeners[1], SHUT_RDWR);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  close(listeners[0]);
  close(listeners[1]);
  unlink(path);
  rmdir(dir);
  return 0;
}
