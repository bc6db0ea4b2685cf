// class SocksHandshake: the client side of a SOCKS4, SOCKS4a or SOCKS5 handshake
// (RFC 1928, RFC 1929 for user/password), without any I/O.
//
// The caller owns the socket. It asks what the handshake wants next (bytes to send, an
// exact number of bytes to read, or the target's address when the proxy does not resolve
// names), performs that, and reports back. Reading exactly `want_bytes()` never takes a
// byte of what follows the handshake (the tunnelled HTTP or TLS), because every SOCKS
// answer announces its own length.
//
// Errors are 7.88.1's: a CURLproxycode for CURLINFO_PROXY_ERROR (the transfer ends with
// CURLE_PROXY) and the error buffer text, checked against the system libcurl with a
// scripted SOCKS server (tests/conformance/p_socks*.c).
//
// No GSS-API: mcurl answers as a 7.88.1 built without it (never offers method 1, and
// a server choosing it gets 7.88.1's "not supported" answer).
//
// Thread affinity: none (a value type used by one Exchange). Never throws except
// std::bad_alloc. Tests: tests/unit/net/socks_test.cc
#ifndef MCURL_NET_SOCKS_H
#define MCURL_NET_SOCKS_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

#include "net/address.h"

namespace mcurl {

enum class SocksVersion : std::uint8_t { V4, V4a, V5, V5h };

// The version a proxy URL scheme names ("socks4", "socks4a", "socks5", "socks5h", and
// "socks" for SOCKS4, as 7.88.1), or a CURLPROXY_SOCKS* type. False: not a SOCKS proxy.
bool socks_version_for_scheme(std::string_view scheme, SocksVersion* out) noexcept;
bool socks_version_for_type(long proxytype, SocksVersion* out) noexcept;

struct SocksParams {
  SocksVersion version = SocksVersion::V5;
  std::string host;  // the target as the URL names it (no IPv6 brackets)
  int port = 0;
  bool has_credentials = false;
  std::string user;  // SOCKS4: the USERID; SOCKS5: RFC 1929 user name
  std::string password;
  unsigned long auth = CURLAUTH_BASIC | CURLAUTH_GSSAPI;  // CURLOPT_SOCKS5_AUTH
};

class SocksHandshake {
 public:
  enum class Want : std::uint8_t {
    kSend,     // send pending() then call sent()
    kRecv,     // read want_bytes() bytes (or fewer) and pass them to received()
    kAddress,  // resolve params.host locally and call set_address() or address_failed()
    kDone,     // the proxy connected the tunnel: the socket now carries the target's bytes
    kFailed,   // error() / error_text() say why
  };

  explicit SocksHandshake(SocksParams p);

  // Where the handshake is. Before the first call it checks the lengths that fail before
  // anything is sent.
  Want want() const noexcept { return want_; }
  // kSend: the bytes not yet sent.
  std::string_view pending() const noexcept;
  void sent(std::size_t n);
  // kRecv: how many more bytes the current answer needs (> 0).
  std::size_t want_bytes() const noexcept { return need_ - in_.size(); }
  // kRecv: `n` bytes read (n <= want_bytes()); n == 0 means the proxy closed.
  void received(const char* data, std::size_t n);
  // kRecv or kSend: the socket failed (errno `os_err`). `text` is "Recv failure: ..." or
  // "Send failure: ...".
  void io_failed(const std::string& text);
  // kAddress: the local resolution's answer (the first usable address is used; SOCKS4
  // needs IPv4), or its failure text.
  void set_address(const AddressList& addrs);
  void address_failed(const std::string& text);

  // The CURLOPT_VERBOSE lines 7.88.1 shows for the steps taken since the last call
  // ("SOCKS5 request granted.", ...), one per entry; the caller shows and clears them.
  std::vector<std::string>& notes() noexcept { return notes_; }

  CURLproxycode error() const noexcept { return error_; }
  const std::string& error_text() const noexcept { return error_text_; }
  // The step the handshake is in, for verbose texts.
  bool is_v5() const noexcept {
    return p_.version == SocksVersion::V5 || p_.version == SocksVersion::V5h;
  }

 private:
  enum class Phase : std::uint8_t { Start, Greeting, Auth, Request, Reply, Done };

  void begin();
  void fail(CURLproxycode code, std::string text);
  void send_v4_request(const Address* a);
  void send_v5_greeting();
  void send_v5_auth();
  void send_v5_request(const Address* a);
  void expect(std::size_t n);
  void on_answer();
  void on_v4_reply();
  void on_v5_method();
  void on_v5_auth();
  void on_v5_reply();
  void after_auth();

  SocksParams p_;
  Want want_ = Want::kFailed;
  Phase phase_ = Phase::Start;
  std::string out_;
  std::size_t out_off_ = 0;
  std::string in_;
  std::size_t need_ = 0;
  CURLproxycode error_ = CURLPX_OK;
  std::string error_text_;
  std::vector<std::string> notes_;
};

}  // namespace mcurl

#endif  // MCURL_NET_SOCKS_H
