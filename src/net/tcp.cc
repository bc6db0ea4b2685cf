#include "net/tcp.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace mcurl {
namespace {

// 7.88.1 formats addresses into a 46-byte buffer: a longer socket path is cut there.
constexpr std::size_t kMaxUnixPathShown = 45;

void set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags >= 0 && !(flags & O_NONBLOCK)) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  int fdflags = fcntl(fd, F_GETFD, 0);
  if (fdflags >= 0 && !(fdflags & FD_CLOEXEC)) fcntl(fd, F_SETFD, fdflags | FD_CLOEXEC);
}

void apply_tuning(int fd, int family, const TcpTuning& t) {
  int one = 1;
  if (t.nodelay && (family == AF_INET || family == AF_INET6)) {
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  }
  if (t.keepalive) {
    setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
    int idle = static_cast<int>(t.keepidle_s);
    int intvl = static_cast<int>(t.keepintvl_s);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle));
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl));
  }
}

// CURLOPT_INTERFACE and CURLOPT_LOCALPORT: binds the local end before connecting.
CURLcode bind_local(int fd, int family, const TcpTuning& t, std::string* error_text) {
  sockaddr_storage local{};
  socklen_t local_len = 0;
  std::string iface = t.interface != nullptr ? t.interface : "";
  std::string device;
  std::string host;
  if (iface.rfind("if!", 0) == 0) {
    device = iface.substr(3);
  } else if (iface.rfind("host!", 0) == 0) {
    host = iface.substr(5);
  } else if (!iface.empty()) {
    host = iface;  // an address, or else a device name
  }
  auto* v4 = reinterpret_cast<sockaddr_in*>(&local);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&local);
  if (family == AF_INET) {
    v4->sin_family = AF_INET;
    local_len = sizeof(sockaddr_in);
  } else {
    v6->sin6_family = AF_INET6;
    local_len = sizeof(sockaddr_in6);
  }
  if (!host.empty()) {
    bool ok = family == AF_INET ? inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1
                                : inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1;
    if (!ok) {
      if (iface.rfind("host!", 0) == 0) {
        *error_text = "Couldn't bind to '" + host + "'";
        return CURLE_INTERFACE_FAILED;
      }
      device = host;
    }
  }
  if (!device.empty()) {
    if (setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device.c_str(),
                   static_cast<socklen_t>(device.size() + 1)) != 0) {
      // "if!NAME" names an interface; a bare name was tried as one, then as a host.
      *error_text = iface.rfind("if!", 0) == 0 ? "Couldn't bind to interface '" + device + "'"
                                               : "Couldn't bind to '" + device + "'";
      return CURLE_INTERFACE_FAILED;
    }
    if (t.local_port <= 0) return CURLE_OK;
  }
  if (host.empty() && t.local_port <= 0) return CURLE_OK;
  long first = t.local_port > 0 ? t.local_port : 0;
  long tries = t.local_port > 0 ? std::max(1L, t.local_port_range) : 1;
  for (long i = 0; i < tries; ++i) {
    long port = first + i;
    if (port > 65535) break;
    if (family == AF_INET) {
      v4->sin_port = htons(static_cast<uint16_t>(port));
    } else {
      v6->sin6_port = htons(static_cast<uint16_t>(port));
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), local_len) == 0) return CURLE_OK;
  }
  *error_text = "bind failed with errno " + std::to_string(errno) + ": " + std::strerror(errno);
  return CURLE_INTERFACE_FAILED;
}

}  // namespace

CURLcode tcp_open_and_connect(const sockaddr* addr, socklen_t len, const SocketHooks& hooks,
                              const TcpTuning& tuning, int* fd_out, int* os_errno,
                              std::string* error_text) {
  *fd_out = -1;
  *os_errno = 0;
  int fd;
  if (hooks.open != nullptr) {
    curl_sockaddr ca{};
    ca.family = addr->sa_family;
    ca.socktype = SOCK_STREAM;
    ca.protocol = addr->sa_family == AF_UNIX ? 0 : IPPROTO_TCP;
    ca.addrlen = len;
    std::memcpy(&ca.addr, addr, len < sizeof(ca.addr) ? len : sizeof(ca.addr));
    fd = hooks.open(hooks.open_data, CURLSOCKTYPE_IPCXN, &ca);
    if (fd == CURL_SOCKET_BAD) return CURLE_COULDNT_CONNECT;
    // The application's socket may be blocking; ours is made non-blocking by socket().
    set_nonblocking(fd);
  } else {
    const int protocol = addr->sa_family == AF_UNIX ? 0 : IPPROTO_TCP;
    fd = ::socket(addr->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0) {
      *os_errno = errno;
      return CURLE_COULDNT_CONNECT;
    }
  }
  apply_tuning(fd, addr->sa_family, tuning);
  // A local address only means something for IP sockets (7.88.1 binds nothing else).
  const bool ip = addr->sa_family == AF_INET || addr->sa_family == AF_INET6;
  if (ip && (tuning.interface != nullptr || tuning.local_port > 0)) {
    CURLcode rc = bind_local(fd, addr->sa_family, tuning, error_text);
    if (rc != CURLE_OK) {
      *os_errno = errno;
      tcp_close(fd, hooks);
      return rc;
    }
  }
  if (hooks.sockopt != nullptr) {
    int rc = hooks.sockopt(hooks.sockopt_data, fd, CURLSOCKTYPE_IPCXN);
    if (rc == CURL_SOCKOPT_ALREADY_CONNECTED) {
      *fd_out = fd;
      return CURLE_OK;
    }
    if (rc != CURL_SOCKOPT_OK) {
      tcp_close(fd, hooks);
      return CURLE_ABORTED_BY_CALLBACK;
    }
  }
  if (::connect(fd, addr, len) != 0 && errno != EINPROGRESS && errno != EINTR) {
    *os_errno = errno;
    tcp_close(fd, hooks);
    return CURLE_COULDNT_CONNECT;
  }
  *fd_out = fd;
  return CURLE_OK;
}

int tcp_connect_result(int fd, sockaddr_storage* peer) noexcept {
  int err = 0;
  socklen_t len = sizeof(err);
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
  if (err != 0) return err;
  // Writable without an error can still mean "not yet" for a socket polled too early.
  *peer = sockaddr_storage{};
  socklen_t plen = sizeof(*peer);
  if (getpeername(fd, reinterpret_cast<sockaddr*>(peer), &plen) != 0) {
    return errno == ENOTCONN ? EINPROGRESS : errno;
  }
  return 0;
}

void tcp_close(int fd, const SocketHooks& hooks) noexcept {
  if (fd < 0) return;
  if (hooks.close != nullptr) {
    hooks.close(hooks.close_data, fd);
  } else {
    ::close(fd);
  }
}

void sockaddr_to_text(const sockaddr* sa, std::string& ip, long& port) {
  char buf[INET6_ADDRSTRLEN] = "";
  ip.clear();
  port = 0;
  if (sa->sa_family == AF_INET) {
    // Dotted quad by hand: glibc's inet_ntop formats IPv4 through sprintf (~1,700
    // instructions), and every new connection asks for both ends.
    auto* in = reinterpret_cast<const sockaddr_in*>(sa);
    const auto* b = reinterpret_cast<const unsigned char*>(&in->sin_addr);
    char* w = buf;
    for (int i = 0; i < 4; ++i) {
      unsigned v = b[i];
      if (v >= 100) *w++ = static_cast<char>('0' + v / 100);
      if (v >= 10) *w++ = static_cast<char>('0' + v / 10 % 10);
      *w++ = static_cast<char>('0' + v % 10);
      if (i < 3) *w++ = '.';
    }
    ip.assign(buf, static_cast<std::size_t>(w - buf));
    port = ntohs(in->sin_port);
  } else if (sa->sa_family == AF_INET6) {
    auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
    if (inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof(buf)) != nullptr) ip = buf;
    port = ntohs(in6->sin6_port);
  } else if (sa->sa_family == AF_UNIX) {
    // The socket's path as 7.88.1 reports it: at most 45 bytes, empty for an abstract
    // name (leading NUL) or an unnamed socket; no port.
    auto* un = reinterpret_cast<const sockaddr_un*>(sa);
    std::size_t n = strnlen(un->sun_path, sizeof(un->sun_path));
    ip.assign(un->sun_path, std::min<std::size_t>(n, kMaxUnixPathShown));
  }
}

void tcp_local_address(int fd, std::string& ip, long& port) {
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
    sockaddr_to_text(reinterpret_cast<sockaddr*>(&ss), ip, port);
  }
}

void tcp_peer_address(int fd, std::string& ip, long& port) {
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0) {
    sockaddr_to_text(reinterpret_cast<sockaddr*>(&ss), ip, port);
  }
}

bool tcp_is_alive(int fd) noexcept {
  pollfd p{fd, POLLIN, 0};
  int r = ::poll(&p, 1, 0);
  if (r == 0) return true;  // quiet: alive
  if (r < 0) return false;
  if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return false;
  // Readable while idle: either EOF or stray bytes; both make it unusable.
  return false;
}

}  // namespace mcurl
