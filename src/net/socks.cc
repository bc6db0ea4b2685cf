#include "net/socks.h"

#include <netinet/in.h>

#include <cstring>
#include <utility>

#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr unsigned char kV5 = 5;
constexpr unsigned char kMethodNone = 0;
constexpr unsigned char kMethodGssapi = 1;
constexpr unsigned char kMethodUserPass = 2;
constexpr unsigned char kNoAcceptable = 0xff;

void put_port(std::string& out, int port) {
  out += static_cast<char>((port >> 8) & 0xff);
  out += static_cast<char>(port & 0xff);
}

unsigned byte(const std::string& s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

// RFC 1928 section 6 reply codes to CURLINFO_PROXY_ERROR values.
CURLproxycode v5_reply_code(unsigned rep) {
  switch (rep) {
    case 1:
      return CURLPX_REPLY_GENERAL_SERVER_FAILURE;
    case 2:
      return CURLPX_REPLY_NOT_ALLOWED;
    case 3:
      return CURLPX_REPLY_NETWORK_UNREACHABLE;
    case 4:
      return CURLPX_REPLY_HOST_UNREACHABLE;
    case 5:
      return CURLPX_REPLY_CONNECTION_REFUSED;
    case 6:
      return CURLPX_REPLY_TTL_EXPIRED;
    case 7:
      return CURLPX_REPLY_COMMAND_NOT_SUPPORTED;
    case 8:
      return CURLPX_REPLY_ADDRESS_TYPE_NOT_SUPPORTED;
    default:
      return CURLPX_REPLY_UNASSIGNED;
  }
}

}  // namespace

bool socks_version_for_scheme(std::string_view scheme, SocksVersion* out) noexcept {
  if (iequals(scheme, "socks5h")) {
    *out = SocksVersion::V5h;
  } else if (iequals(scheme, "socks5")) {
    *out = SocksVersion::V5;
  } else if (iequals(scheme, "socks4a")) {
    *out = SocksVersion::V4a;
  } else if (iequals(scheme, "socks4") || iequals(scheme, "socks")) {
    *out = SocksVersion::V4;
  } else {
    return false;
  }
  return true;
}

bool socks_version_for_type(long proxytype, SocksVersion* out) noexcept {
  switch (proxytype) {
    case CURLPROXY_SOCKS4:
      *out = SocksVersion::V4;
      return true;
    case CURLPROXY_SOCKS4A:
      *out = SocksVersion::V4a;
      return true;
    case CURLPROXY_SOCKS5:
      *out = SocksVersion::V5;
      return true;
    case CURLPROXY_SOCKS5_HOSTNAME:
      *out = SocksVersion::V5h;
      return true;
    default:
      return false;
  }
}

SocksHandshake::SocksHandshake(SocksParams p) : p_(std::move(p)) { begin(); }

std::string_view SocksHandshake::pending() const noexcept {
  return std::string_view(out_).substr(out_off_);
}

void SocksHandshake::fail(CURLproxycode code, std::string text) {
  error_ = code;
  error_text_ = std::move(text);
  want_ = Want::kFailed;
}

void SocksHandshake::expect(std::size_t n) {
  in_.clear();
  need_ = n;
  want_ = Want::kRecv;
}

void SocksHandshake::begin() {
  if (!is_v5()) {
    notes_.push_back("SOCKS4 communication to " + p_.host + ":" + std::to_string(p_.port));
  }
  switch (p_.version) {
    case SocksVersion::V4:
      // SOCKS4 carries an IPv4 address only: the name is resolved here first.
      phase_ = Phase::Request;
      want_ = Want::kAddress;
      return;
    case SocksVersion::V4a:
      // The host name goes after the user id; 7.88.1 refuses 255 characters and more.
      if (p_.host.size() >= 255) return fail(CURLPX_LONG_HOSTNAME, "SOCKS4: too long host name");
      return send_v4_request(nullptr);
    case SocksVersion::V5h:
      // RFC 1928's name field has a one-byte length (the CVE-2023-38545 fix: refuse,
      // never fall back to resolving here).
      if (p_.host.size() > 255) {
        return fail(CURLPX_LONG_HOSTNAME,
                    "SOCKS5: the destination hostname is too long to be resolved remotely by "
                    "the proxy.");
      }
      return send_v5_greeting();
    case SocksVersion::V5:
      return send_v5_greeting();
  }
}

void SocksHandshake::sent(std::size_t n) {
  out_off_ += n;
  if (out_off_ < out_.size()) return;
  out_.clear();
  out_off_ = 0;
  switch (phase_) {
    case Phase::Greeting:
      return expect(2);
    case Phase::Auth:
      return expect(2);
    case Phase::Request:
      phase_ = Phase::Reply;
      // SOCKS4: VN CD DSTPORT DSTIP; SOCKS5: the fixed part and an IPv4 address, then
      // more when the address type says so.
      return expect(is_v5() ? 10 : 8);
    default:
      return;
  }
}

void SocksHandshake::received(const char* data, std::size_t n) {
  if (n == 0) return fail(CURLPX_CLOSED, "connection to proxy closed");
  in_.append(data, n);
  if (in_.size() < need_) return;
  on_answer();
}

void SocksHandshake::io_failed(const std::string& text) {
  CURLproxycode code = CURLPX_RECV_CONNECT;
  if (want_ == Want::kSend) {
    code = phase_ == Phase::Auth      ? CURLPX_SEND_AUTH
           : phase_ == Phase::Request ? (is_v5() ? CURLPX_SEND_REQUEST : CURLPX_SEND_CONNECT)
                                      : CURLPX_SEND_CONNECT;
  } else if (phase_ == Phase::Auth) {
    code = CURLPX_RECV_AUTH;
  } else if (phase_ == Phase::Reply && is_v5()) {
    code = CURLPX_RECV_REQACK;
  }
  fail(code, text);
}

void SocksHandshake::set_address(const AddressList& addrs) {
  const Address* pick = nullptr;
  for (const Address& a : addrs) {
    if (a.family() == AF_INET || (is_v5() && a.family() == AF_INET6)) {
      pick = &a;
      break;
    }
  }
  if (pick == nullptr) {
    if (!is_v5() && !addrs.empty()) {
      return fail(CURLPX_RESOLVE_HOST, "SOCKS4 connection to " + p_.host + " not supported");
    }
    return fail(CURLPX_RESOLVE_HOST, "Could not resolve host: " + p_.host);
  }
  std::string ip = pick->ip_string();
  if (is_v5()) {
    notes_.push_back(std::string("SOCKS5 connect to ") +
                     (pick->family() == AF_INET ? "IPv4 " : "IPv6 ") + ip + ":" +
                     std::to_string(p_.port) + " (locally resolved)");
    return send_v5_request(pick);
  }
  notes_.push_back("SOCKS4 connect to IPv4 " + ip + " (locally resolved)");
  send_v4_request(pick);
}

void SocksHandshake::address_failed(const std::string& text) { fail(CURLPX_RESOLVE_HOST, text); }

void SocksHandshake::send_v4_request(const Address* a) {
  phase_ = Phase::Request;
  out_.clear();
  out_ += '\x04';
  out_ += '\x01';  // CONNECT
  put_port(out_, p_.port);
  if (a != nullptr) {
    const auto* sin = reinterpret_cast<const sockaddr_in*>(a->sockaddr_ptr());
    char ip[4];
    std::memcpy(ip, &sin->sin_addr, 4);
    out_.append(ip, 4);
  } else {
    out_.append("\0\0\0\x01", 4);  // SOCKS4a: 0.0.0.x says "the name follows"
  }
  if (p_.has_credentials) out_ += p_.user;
  out_ += '\0';
  if (a == nullptr) {
    out_ += p_.host;
    out_ += '\0';
  }
  out_off_ = 0;
  want_ = Want::kSend;
}

void SocksHandshake::send_v5_greeting() {
  phase_ = Phase::Greeting;
  out_.clear();
  out_ += static_cast<char>(kV5);
  bool basic = p_.has_credentials && (p_.auth & CURLAUTH_BASIC) != 0;
  out_ += static_cast<char>(basic ? 2 : 1);
  out_ += static_cast<char>(kMethodNone);
  if (basic) out_ += static_cast<char>(kMethodUserPass);
  out_off_ = 0;
  want_ = Want::kSend;
}

void SocksHandshake::send_v5_auth() {
  // RFC 1929: version 1, then length-prefixed user name and password.
  const std::string& user = p_.has_credentials ? p_.user : std::string();
  const std::string& pass = p_.has_credentials ? p_.password : std::string();
  if (user.size() > 255) {
    return fail(CURLPX_LONG_USER, "Excessive user name length for proxy auth");
  }
  if (pass.size() > 255) {
    return fail(CURLPX_LONG_PASSWD, "Excessive password length for proxy auth");
  }
  phase_ = Phase::Auth;
  out_.clear();
  out_ += '\x01';
  out_ += static_cast<char>(user.size());
  out_ += user;
  out_ += static_cast<char>(pass.size());
  out_ += pass;
  out_off_ = 0;
  want_ = Want::kSend;
}

void SocksHandshake::send_v5_request(const Address* a) {
  phase_ = Phase::Request;
  out_.clear();
  out_.append("\x05\x01\x00", 3);  // version, CONNECT, reserved
  if (a == nullptr) {
    out_ += '\x03';
    out_ += static_cast<char>(p_.host.size());
    out_ += p_.host;
  } else if (a->family() == AF_INET) {
    out_ += '\x01';
    const auto* sin = reinterpret_cast<const sockaddr_in*>(a->sockaddr_ptr());
    out_.append(reinterpret_cast<const char*>(&sin->sin_addr), 4);
  } else {
    out_ += '\x04';
    const auto* sin6 = reinterpret_cast<const sockaddr_in6*>(a->sockaddr_ptr());
    out_.append(reinterpret_cast<const char*>(&sin6->sin6_addr), 16);
  }
  put_port(out_, p_.port);
  out_off_ = 0;
  want_ = Want::kSend;
}

void SocksHandshake::on_answer() {
  switch (phase_) {
    case Phase::Greeting:
      return on_v5_method();
    case Phase::Auth:
      return on_v5_auth();
    case Phase::Reply:
      return is_v5() ? on_v5_reply() : on_v4_reply();
    default:
      return;
  }
}

void SocksHandshake::on_v4_reply() {
  if (byte(in_, 0) != 0) {
    return fail(CURLPX_BAD_VERSION, "SOCKS4 reply has wrong version, version should be 0.");
  }
  unsigned cd = byte(in_, 1);
  if (cd == 90) {
    notes_.push_back(p_.version == SocksVersion::V4a ? "SOCKS4a request granted."
                                                     : "SOCKS4 request granted.");
    phase_ = Phase::Done;
    want_ = Want::kDone;
    return;
  }
  // The text names the address and port of the reply (7.88.1).
  std::string where = std::to_string(byte(in_, 4)) + "." + std::to_string(byte(in_, 5)) + "." +
                      std::to_string(byte(in_, 6)) + "." + std::to_string(byte(in_, 7)) + ":" +
                      std::to_string((byte(in_, 2) << 8) | byte(in_, 3));
  std::string text =
      "Can't complete SOCKS4 connection to " + where + ". (" + std::to_string(cd) + "), ";
  switch (cd) {
    case 91:
      return fail(CURLPX_REQUEST_FAILED, text + "request rejected or failed.");
    case 92:
      return fail(CURLPX_IDENTD, text +
                                     "request rejected because SOCKS server cannot connect to "
                                     "identd on the client.");
    case 93:
      return fail(CURLPX_IDENTD_DIFFER, text +
                                            "request rejected because the client program and "
                                            "identd report different user-ids.");
    default:
      return fail(CURLPX_UNKNOWN_FAIL, text + "Unknown.");
  }
}

void SocksHandshake::on_v5_method() {
  if (byte(in_, 0) != kV5) {
    return fail(CURLPX_BAD_VERSION, "Received invalid version in initial SOCKS5 response.");
  }
  unsigned method = byte(in_, 1);
  if (method == kMethodNone) return after_auth();
  if (method == kMethodUserPass) return send_v5_auth();
  if (method == kMethodGssapi) {
    // Never offered (no GSS-API in mcurl); 7.88.1 answers a server that picks it anyway so.
    return fail(CURLPX_GSSAPI_PERMSG, "SOCKS5 GSSAPI per-message authentication is not supported.");
  }
  if (method == kNoAcceptable) {
    return fail(CURLPX_NO_AUTH, "No authentication method was acceptable.");
  }
  fail(CURLPX_UNKNOWN_MODE, "Undocumented SOCKS5 mode attempted to be used by server.");
}

void SocksHandshake::on_v5_auth() {
  if (byte(in_, 1) != 0) {
    return fail(CURLPX_USER_REJECTED, "User was rejected by the SOCKS5 server (" +
                                          std::to_string(byte(in_, 0)) + " " +
                                          std::to_string(byte(in_, 1)) + ").");
  }
  after_auth();
}

void SocksHandshake::after_auth() {
  if (p_.version == SocksVersion::V5h) {
    notes_.push_back("SOCKS5 connect to " + p_.host + ":" + std::to_string(p_.port) +
                     " (remotely resolved)");
    return send_v5_request(nullptr);
  }
  // socks5://: the name is resolved here, after the method exchange (7.88.1's order).
  phase_ = Phase::Request;
  want_ = Want::kAddress;
}

void SocksHandshake::on_v5_reply() {
  if (byte(in_, 0) != kV5) {
    return fail(CURLPX_BAD_VERSION, "SOCKS5 reply has wrong version, version should be 5.");
  }
  unsigned rep = byte(in_, 1);
  if (rep != 0) {
    return fail(v5_reply_code(rep), "Can't complete SOCKS5 connection to " + p_.host + ". (" +
                                        std::to_string(rep) + ")");
  }
  std::size_t total = 0;
  switch (byte(in_, 3)) {
    case 1:
      total = 4 + 4 + 2;
      break;
    case 3:
      total = 4 + 1 + byte(in_, 4) + 2;
      break;
    case 4:
      total = 4 + 16 + 2;
      break;
    default:
      return fail(CURLPX_BAD_ADDRESS_TYPE, "SOCKS5 reply has wrong address type.");
  }
  if (in_.size() < total) {
    need_ = total;  // the bound address is read and dropped
    return;
  }
  notes_.push_back("SOCKS5 request granted.");
  phase_ = Phase::Done;
  want_ = Want::kDone;
}

}  // namespace mcurl
