// Which proxy a transfer goes through, as 7.88.1 decides it: CURLOPT_PROXY (with
// PROXYTYPE, PROXYPORT, PROXYUSERPWD / PROXYUSERNAME / PROXYPASSWORD), else the
// environment ("http_proxy" in lower case only for http, "https_proxy" / "HTTPS_PROXY" for
// https, then "all_proxy" / "ALL_PROXY"), unless CURLOPT_NOPROXY (else "no_proxy" /
// "NO_PROXY") names the host. CURLOPT_PROXY "" turns every proxy off.
//
// mcurl speaks to HTTP proxies (plain requests in absolute form, CONNECT tunnels for
// https and with HTTPPROXYTUNNEL) and to SOCKS4/4a/5/5h proxies (src/net/socks.h: a
// handshake after the TCP connect), with a SOCKS pre-proxy (CURLOPT_PRE_PROXY) in front of
// an HTTP proxy, and to HTTPS proxies (an HTTP proxy behind TLS, port 443 by default);
// other schemes get CURLE_COULDNT_CONNECT ("Unsupported proxy scheme").
//
// Thread affinity: none (reads the environment). Tests: tests/unit/http/proxy_test.cc
#ifndef MCURL_HTTP_PROXY_H
#define MCURL_HTTP_PROXY_H

#include <string>
#include <string_view>

#include <curl/curl.h>

#include "net/socks.h"

namespace mcurl {

struct Options;

struct ProxyChoice {
  bool use = false;
  bool socks = false;  // a SOCKS proxy (socks_version says which); else an HTTP proxy
  bool https = false;  // an HTTPS proxy: an HTTP proxy spoken to over TLS
  SocksVersion socks_version = SocksVersion::V5;
  std::string host;  // without IPv6 brackets
  int port = 0;
  bool has_credentials = false;
  std::string user;  // percent-decoded
  std::string password;
  // CURLOPT_PRE_PROXY in front of an HTTP proxy: the TCP connection goes to the pre-proxy,
  // whose SOCKS handshake asks for host:port of the HTTP proxy.
  bool pre = false;
  std::string pre_host;
  int pre_port = 0;
  SocksVersion pre_version = SocksVersion::V4;
  bool pre_has_credentials = false;
  std::string pre_user;
  std::string pre_password;
};

// Chooses the proxy for a request to `scheme` ("http" or "https") and `host`. Returns
// CURLE_OK (`out->use` false: direct), or an error with *text set.
CURLcode choose_proxy(const Options& o, std::string_view scheme, std::string_view host,
                      ProxyChoice* out, std::string* text);

// "Basic " + base64("user:password"), the Proxy-Authorization value for `p`.
std::string proxy_basic_credentials(const ProxyChoice& p);

// True if `host` matches the NOPROXY list `list` ("*", or names and addresses separated by
// commas or spaces; a name matches itself and its subdomains, a leading dot optional).
bool noproxy_matches(std::string_view list, std::string_view host);

}  // namespace mcurl

#endif  // MCURL_HTTP_PROXY_H
