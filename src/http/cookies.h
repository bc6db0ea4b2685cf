// class CookieJar: the cookie store of an easy handle (or of a share), sans I/O.
//
// It takes cookies from Set-Cookie header values, from lines of a Netscape cookie file
// (seven tab-separated fields, "#HttpOnly_" before the domain of an HttpOnly cookie) and
// from whole files given as text; it answers the Cookie value for a request (host, path,
// secure context) and writes itself back as a Netscape file or as CURLINFO_COOKIELIST
// lines. The rules are 7.88.1's as built without libpsl: a Domain attribute must hold a
// dot that is not its last byte ("localhost" aside) and tail-match the host; IP hosts
// match exactly. docs/internals/COOKIES.md lists them.
//
// Time is passed in (seconds since the epoch) so that tests control expiry.
// Not thread-safe: a shared jar is used under the share's CURL_LOCK_DATA_COOKIE lock.
#ifndef MCURL_HTTP_COOKIES_H
#define MCURL_HTTP_COOKIES_H

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace mcurl {

struct Cookie {
  std::string name;
  std::string value;
  std::string domain;  // without a leading dot; empty with has_domain false: any host
  bool has_domain = false;
  std::string path;   // as given (or the request's directory); empty with has_path false
  std::string spath;  // the path compared: quotes and a trailing slash removed
  bool has_path = false;
  std::int64_t expires = 0;  // 0: a session cookie
  bool tailmatch = false;    // the domain covers subdomains
  bool secure = false;
  bool httponly = false;
  bool live = false;  // came from a response (or COOKIELIST), not from a file
  std::uint64_t created = 0;
};

class CookieJar {
 public:
  // The limits 7.88.1 applies.
  static constexpr std::size_t kMaxLine = 5000;  // a Set-Cookie value or file line
  static constexpr std::size_t kMaxName = 4096;  // name and value together
  static constexpr unsigned kMaxSetCookiePerResponse = 50;
  static constexpr std::size_t kMaxSend = 150;           // cookies in one request
  static constexpr std::size_t kMaxCookieHeader = 8190;  // bytes of the Cookie header

  // Where a cookie line comes from.
  struct Origin {
    std::string_view host;  // the request's host (no brackets); empty: none (COOKIELIST)
    std::string_view path;  // the request's path, query allowed; empty: none
    bool secure = true;     // a secure context (https, localhost, 127.0.0.1, [::1])
    bool has_host = false;
  };

  // A Set-Cookie header value (what follows "Set-Cookie:"). `live` is false while a file
  // is loaded. Returns true if the cookie was stored (or replaced one).
  bool add_header(std::string_view line, const Origin& origin, bool live, std::int64_t now);
  // One line of a Netscape file. Returns true if stored.
  bool add_netscape(std::string_view line, bool live, std::int64_t now);
  // A whole cookie file's text: Netscape lines, "Set-Cookie:" lines, comments. With
  // `new_session` (CURLOPT_COOKIESESSION) session cookies are skipped.
  void load_text(std::string_view text, bool new_session, std::int64_t now);

  // The cookies for a request, joined with "; " as "name=value", at most kMaxSend and
  // fewer when the header would reach kMaxCookieHeader. Expired cookies are dropped
  // first.
  std::string header_for(std::string_view host, std::string_view path, bool secure,
                         std::int64_t now);

  // The Netscape file 7.88.1 writes (header comment, then the cookies newest first).
  std::string netscape_file(std::int64_t now);
  // One Netscape-format line per cookie (CURLINFO_COOKIELIST), in store order. Cookies
  // without a domain (a COOKIELIST "Set-Cookie:" line without Domain) are used for
  // every host but neither listed nor written, as in 7.88.1.
  std::vector<std::string> lines() const;

  void clear_all() noexcept { cookies_.clear(); }
  void clear_session();
  void remove_expired(std::int64_t now);

  std::size_t size() const noexcept { return cookies_.size(); }
  const std::vector<Cookie>& cookies() const noexcept { return cookies_; }

  // The Netscape line of one cookie (no newline).
  static std::string format_line(const Cookie& c);

 private:
  bool store(Cookie&& co, bool secure_origin, bool live, std::int64_t now, bool keep_expired);

  std::vector<Cookie> cookies_;
  std::uint64_t counter_ = 0;
  bool skip_session_ = false;  // loading a file under CURLOPT_COOKIESESSION
};

// Helpers shared with the engine.
// True if `host` is an IPv4 address or an IPv6 one (brackets or not).
bool cookie_host_is_ip(std::string_view host) noexcept;
// 7.88.1's secure context for cookies: https, or the host is localhost, 127.0.0.1, [::1].
bool cookie_secure_context(bool https, std::string_view host) noexcept;

}  // namespace mcurl

#endif  // MCURL_HTTP_COOKIES_H
