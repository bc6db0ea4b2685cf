// Non-blocking TCP sockets: open, connect, check, and the figures getinfo reports.
//
// Sockets are opened through the application's CURLOPT_OPENSOCKETFUNCTION when it set one
// and closed through CURLOPT_CLOSESOCKETFUNCTION likewise (`SocketHooks`). Those calls go
// into the application; callers wrap them in a Multi::CallbackScope.
//
// Thread affinity: the multi's thread. Nothing here blocks.
#ifndef MCURL_NET_TCP_H
#define MCURL_NET_TCP_H

#include <sys/socket.h>

#include <string>

#include <curl/curl.h>

namespace mcurl {

// The application's socket callbacks, copied from the transfer that opened the socket (a
// pooled connection must close its socket the same way after that transfer is gone).
struct SocketHooks {
  curl_opensocket_callback open = nullptr;
  void* open_data = nullptr;
  curl_closesocket_callback close = nullptr;
  void* close_data = nullptr;
  curl_sockopt_callback sockopt = nullptr;
  void* sockopt_data = nullptr;
};

// Socket tuning from the transfer's options.
struct TcpTuning {
  bool nodelay = true;
  bool keepalive = false;
  long keepidle_s = 60;
  long keepintvl_s = 60;
  // CURLOPT_INTERFACE ("if!NAME", "host!ADDRESS", or either), nullptr for none.
  const char* interface = nullptr;
  long local_port = 0;        // CURLOPT_LOCALPORT (0: any)
  long local_port_range = 1;  // CURLOPT_LOCALPORTRANGE
};

// Opens a non-blocking, close-on-exec stream socket for `addr`, applies `tuning` and the
// sockopt callback, and starts connecting. On success returns CURLE_OK with *fd set (the
// connect may still be in progress). Failure codes: CURLE_COULDNT_CONNECT (socket or
// connect refused at once: `*os_errno` says why), CURLE_ABORTED_BY_CALLBACK (the sockopt
// callback said CURL_SOCKOPT_ERROR), CURLE_INTERFACE_FAILED (INTERFACE or LOCALPORT
// could not be bound; `*error_text` says why). CURL_SOCKET_BAD from the opensocket
// callback gives CURLE_COULDNT_CONNECT. May call into the application.
CURLcode tcp_open_and_connect(const sockaddr* addr, socklen_t len, const SocketHooks& hooks,
                              const TcpTuning& tuning, int* fd, int* os_errno,
                              std::string* error_text);

// After the socket reported writable: 0 when connected (with the peer's address in
// *peer), else the errno of the failure.
int tcp_connect_result(int fd, sockaddr_storage* peer) noexcept;

// Closes `fd` with the application's close callback when one was set.
void tcp_close(int fd, const SocketHooks& hooks) noexcept;

// The numeric address and port of either end ("127.0.0.1", 8080). Empty on failure.
void tcp_local_address(int fd, std::string& ip, long& port);
void tcp_peer_address(int fd, std::string& ip, long& port);
void sockaddr_to_text(const sockaddr* sa, std::string& ip, long& port);

// True if the idle connection on `fd` is still usable: not closed by the peer and no
// unexpected bytes waiting (which an idle HTTP/1 connection must not have).
bool tcp_is_alive(int fd) noexcept;

}  // namespace mcurl

#endif  // MCURL_NET_TCP_H
