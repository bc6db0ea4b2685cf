#include "http/proxy.h"

#include <cstdlib>
#include <optional>

#include "http/auth.h"
#include "transfer/options.h"
#include "util/escape.h"
#include "util/strcase.h"
#include "util/url.h"

namespace mcurl {
namespace {

// The first of `names` set in the environment, or nullptr. An empty value counts as set.
const char* env(std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (const char* v = std::getenv(n)) return v;
  }
  return nullptr;
}

bool is_separator(char c) { return c == ',' || c == ' ' || c == '\t'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(to_lower_ascii(c));
  return out;
}

}  // namespace

std::string proxy_basic_credentials(const ProxyChoice& p) {
  return basic_value(p.user, p.password);
}

bool noproxy_matches(std::string_view list, std::string_view host) {
  std::string h = lower(host);
  if (!h.empty() && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  while (!h.empty() && h.back() == '.') h.pop_back();
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_separator(list[i])) ++i;
    std::size_t start = i;
    while (i < list.size() && !is_separator(list[i])) ++i;
    std::string entry = lower(list.substr(start, i - start));
    if (entry.empty()) continue;
    if (entry == "*") return true;
    if (entry.front() == '[' && entry.back() == ']') entry = entry.substr(1, entry.size() - 2);
    if (entry.front() == '.') entry.erase(0, 1);
    while (!entry.empty() && entry.back() == '.') entry.pop_back();
    if (entry.empty()) continue;
    if (h == entry) return true;
    // A name also covers its subdomains ("example.com" matches "www.example.com").
    if (h.size() > entry.size() && h.compare(h.size() - entry.size(), entry.size(), entry) == 0 &&
        h[h.size() - entry.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

namespace {

// Parses one proxy string (scheme optional: `proxytype` decides) into `out`'s endpoint
// fields. Credentials in the URL win over `user`/`password` (null: none).
CURLcode parse_proxy(std::string spec, long proxytype, long proxyport, const char* user,
                     const char* password, ProxyChoice* out, std::string* text) {
  std::string proxy_scheme;
  std::size_t sep = spec.find("://");
  if (sep != std::string::npos) {
    proxy_scheme = lower(std::string_view(spec).substr(0, sep));
  } else {
    switch (proxytype) {
      case CURLPROXY_HTTPS:
        proxy_scheme = "https";
        break;
      case CURLPROXY_SOCKS4:
        proxy_scheme = "socks4";
        break;
      case CURLPROXY_SOCKS4A:
        proxy_scheme = "socks4a";
        break;
      case CURLPROXY_SOCKS5:
        proxy_scheme = "socks5";
        break;
      case CURLPROXY_SOCKS5_HOSTNAME:
        proxy_scheme = "socks5h";
        break;
      default:  // CURLPROXY_HTTP, CURLPROXY_HTTP_1_0
        proxy_scheme = "http";
        break;
    }
    spec = proxy_scheme + "://" + spec;
  }
  out->socks = socks_version_for_scheme(proxy_scheme, &out->socks_version);
  out->https = proxy_scheme == "https";
  if (proxy_scheme != "http" && !out->https && !out->socks) {
    *text = "Unsupported proxy scheme for '" + spec + "'";
    return CURLE_COULDNT_CONNECT;
  }
  Url u;
  if (u.set(CURLUPART_URL, spec.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK || !u.host() ||
      u.host()->empty()) {
    *text = "Unsupported proxy syntax in '" + spec + "'";
    return CURLE_COULDNT_RESOLVE_PROXY;
  }
  std::string h = *u.host();
  if (h.size() > 1 && h.front() == '[') h = h.substr(1, h.size() - 2);
  out->host = h;
  out->port = u.port_number() != 0 ? static_cast<int>(u.port_number())
              : proxyport > 0      ? static_cast<int>(proxyport)
              : out->https         ? 443
                                   : 1080;
  if (u.user()) {
    out->has_credentials = true;
    url_unescape(*u.user(), UnescapeReject::kNothing, out->user);
    if (u.password()) url_unescape(*u.password(), UnescapeReject::kNothing, out->password);
  } else if (user != nullptr || password != nullptr) {
    out->has_credentials = true;
    out->user = user != nullptr ? user : "";
    out->password = password != nullptr ? password : "";
  }
  out->use = true;
  return CURLE_OK;
}

}  // namespace

CURLcode choose_proxy(const Options& o, std::string_view scheme, std::string_view host,
                      ProxyChoice* out, std::string* text) {
  *out = ProxyChoice{};
  std::string spec;
  if (o.proxy) {
    spec = *o.proxy;  // "" turns proxies off, the environment too
  } else {
    const char* v = scheme == "https" ? env({"https_proxy", "HTTPS_PROXY"}) : env({"http_proxy"});
    if (v == nullptr || *v == '\0') v = env({"all_proxy", "ALL_PROXY"});
    if (v != nullptr) spec = v;
  }
  const bool has_pre = o.pre_proxy && !o.pre_proxy->empty();
  if (spec.empty() && !has_pre) return CURLE_OK;
  const char* noproxy = o.noproxy ? o.noproxy->c_str() : env({"no_proxy", "NO_PROXY"});
  if (noproxy != nullptr && noproxy_matches(noproxy, host)) return CURLE_OK;

  ProxyChoice pre;
  if (has_pre) {
    // CURLOPT_PRE_PROXY: a SOCKS proxy that carries the connection to the HTTP proxy.
    // With no HTTP proxy, or a SOCKS one, 7.88.1 makes the pre-proxy the only proxy (one
    // handshake, for the target); a pre-proxy without a SOCKS scheme is used as the HTTP
    // proxy itself (7.88.1 speaks HTTP to it; its man page says SOCKS4).
    CURLcode rc = parse_proxy(*o.pre_proxy, o.proxytype, 0, nullptr, nullptr, &pre, text);
    if (rc != CURLE_OK) return rc;
    if (!pre.socks) {
      *out = std::move(pre);
      return CURLE_OK;
    }
  }
  const char* user = o.proxyusername ? o.proxyusername->c_str() : nullptr;
  const char* password = o.proxypassword ? o.proxypassword->c_str() : nullptr;
  if (!spec.empty()) {
    CURLcode rc = parse_proxy(spec, o.proxytype, o.proxyport, user, password, out, text);
    if (rc != CURLE_OK) return rc;
  }
  if (!has_pre) return CURLE_OK;
  if (!out->use || out->socks) {
    *out = std::move(pre);
    return CURLE_OK;
  }
  out->pre = true;
  out->pre_host = std::move(pre.host);
  out->pre_port = pre.port;
  out->pre_version = pre.socks_version;
  out->pre_has_credentials = pre.has_credentials;
  out->pre_user = std::move(pre.user);
  out->pre_password = std::move(pre.password);
  return CURLE_OK;
}

}  // namespace mcurl
