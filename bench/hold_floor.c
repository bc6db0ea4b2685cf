/* The kernel's share of a held transfer, without any HTTP library (issue 6).
 *
 * Opens N non-blocking TCP connections to 127.0.0.1:PORT, waits for each to become
 * writable on epoll, sends one small GET and switches the socket to EPOLLIN, exactly the
 * system calls a library must make to hold a transfer open (socket, connect, epoll_ctl
 * ADD and MOD, send), and prints the CPU time (getrusage) per connection. The held_10k
 * scenario's "CPU per held transfer" cannot go below this on the same machine: compare
 * both libraries' hold_cpu_us with it.
 *
 *   gcc -O2 -o hold_floor bench/hold_floor.c
 *   taskset -c 0 ./hold_floor 10000 PORT     (PORT: the bench's nginx, /slow location)
 *
 * The connections stay open until the program exits.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double used_us(const struct rusage *a, const struct rusage *b, int sys) {
  const struct timeval *x = sys ? &a->ru_stime : &a->ru_utime;
  const struct timeval *y = sys ? &b->ru_stime : &b->ru_utime;
  return (double)(y->tv_sec - x->tv_sec) * 1e6 + (double)(y->tv_usec - x->tv_usec);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: hold_floor N PORT\n");
    return 2;
  }
  const int n = atoi(argv[1]);
  const int port = atoi(argv[2]);
  if (n < 1 || port < 1 || port > 65535) return 2;
  static const char request[] = "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0) return 1;

  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  for (int i = 0; i < n; i++) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      perror("socket");
      return 1;
    }
    if (connect(fd, (const struct sockaddr *)&to, sizeof to) != 0 && errno != EINPROGRESS) {
      perror("connect");
      return 1;
    }
    struct epoll_event ev = {.events = EPOLLOUT, .data.fd = fd};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) return 1;
  }
  int sent = 0;
  const time_t give_up = time(NULL) + 120;
  struct epoll_event events[1024];
  while (sent < n && time(NULL) < give_up) {
    const int k = epoll_wait(ep, events, 1024, 1000);
    for (int i = 0; i < k; i++) {
      const int fd = events[i].data.fd;
      if (!(events[i].events & EPOLLOUT)) continue;
      if (send(fd, request, sizeof request - 1, MSG_NOSIGNAL) != (ssize_t)(sizeof request - 1)) {
        perror("send");
        return 1;
      }
      struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
      if (epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev) != 0) return 1;
      sent++;
    }
  }
  getrusage(RUSAGE_SELF, &r1);
  if (sent < n) {
    fprintf(stderr, "only %d of %d connections were ready in time\n", sent, n);
    return 1;
  }
  printf("hold_floor n=%d user_us=%.2f sys_us=%.2f cpu_us=%.2f\n", n, used_us(&r0, &r1, 0) / n,
         used_us(&r0, &r1, 1) / n, (used_us(&r0, &r1, 0) + used_us(&r0, &r1, 1)) / n);
  return 0;
}
