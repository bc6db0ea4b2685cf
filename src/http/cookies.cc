#include "http/cookies.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "util/getdate.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr std::int64_t kForever = std::numeric_limits<std::int64_t>::max();

bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view s) noexcept {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Control bytes other than tab make a cookie unusable (7.88.1 drops such cookies).
bool has_bad_octet(std::string_view s) noexcept {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
  }
  return false;
}

// A Domain value without an inner dot cannot be trusted without a suffix list.
bool bad_domain(std::string_view d) noexcept {
  if (d == "localhost") return false;
  const std::size_t dot = d.find('.');
  return dot == std::string_view::npos || dot + 1 >= d.size();
}

// `domain` covers `host`: equal, or a tail of it that starts after a dot.
bool tail_match(std::string_view domain, std::string_view host) noexcept {
  if (host.size() < domain.size()) return false;
  if (!iequals(domain, host.substr(host.size() - domain.size()))) return false;
  if (host.size() == domain.size()) return true;
  return host[host.size() - domain.size() - 1] == '.';
}

// The path as compared: surrounding quotes off, not starting with '/' means "/", one
// trailing slash off.
std::string sanitize_path(std::string_view p) {
  if (!p.empty() && p.front() == '"') p.remove_prefix(1);
  if (!p.empty() && p.back() == '"') p.remove_suffix(1);
  if (p.empty() || p.front() != '/') return "/";
  if (p.back() == '/') p.remove_suffix(1);
  return std::string(p);
}

// The request path's directory, trailing slash kept ("/a/b?q" gives "/a/").
std::string default_path(std::string_view request_path) {
  const std::size_t q = request_path.find('?');
  if (q != std::string_view::npos) request_path = request_path.substr(0, q);
  const std::size_t slash = request_path.rfind('/');
  if (slash == std::string_view::npos) return std::string();
  return std::string(request_path.substr(0, slash + 1));
}

bool path_match(std::string_view cookie_spath, std::string_view uri) noexcept {
  if (cookie_spath.size() == 1) return true;  // "/"
  const std::size_t q = uri.find('?');
  if (q != std::string_view::npos) uri = uri.substr(0, q);
  if (uri.empty() || uri.front() != '/') uri = "/";
  if (uri.size() < cookie_spath.size()) return false;
  if (uri.compare(0, cookie_spath.size(), cookie_spath) != 0) return false;
  if (uri.size() == cookie_spath.size()) return true;
  return uri[cookie_spath.size()] == '/';
}

// Decimal digits as 7.88.1's offset parser reads them: leading blanks skipped, no sign
// allowed, at least one digit, anything after the digits ignored.
enum class Num { kOk, kBad, kOverflow };
Num parse_offset(std::string_view s, std::int64_t* out) noexcept {
  while (!s.empty() && (is_blank(s.front()) || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  if (s.empty() || s.front() < '0' || s.front() > '9') return Num::kBad;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    const int d = c - '0';
    if (v > (kForever - d) / 10) return Num::kOverflow;
    v = v * 10 + d;
  }
  *out = v;
  return Num::kOk;
}

enum Prefix : unsigned { kPrefixSecure = 1, kPrefixHost = 2 };

unsigned name_prefix(std::string_view name) noexcept {
  if (istarts_with(name, "__Secure-")) return kPrefixSecure;
  if (istarts_with(name, "__Host-")) return kPrefixHost;
  return 0;
}

bool prefix_ok(unsigned prefix, const Cookie& co) noexcept {
  if ((prefix & kPrefixSecure) != 0 && !co.secure) return false;
  if ((prefix & kPrefixHost) != 0 &&
      (!co.secure || !co.has_path || co.path != "/" || co.tailmatch)) {
    return false;
  }
  return true;
}

}  // namespace

bool cookie_host_is_ip(std::string_view host) noexcept {
  if (host.empty()) return false;
  if (host.front() == '[' || host.find(':') != std::string_view::npos) return true;
  // Dotted IPv4: four decimal parts of at most 255.
  int parts = 0;
  std::size_t i = 0;
  while (i < host.size()) {
    int v = 0;
    std::size_t digits = 0;
    while (i < host.size() && host[i] >= '0' && host[i] <= '9' && digits < 4) {
      v = v * 10 + (host[i] - '0');
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 3 || v > 255) return false;
    ++parts;
    if (i == host.size()) break;
    if (host[i] != '.') return false;
    ++i;
  }
  return parts == 4;
}

bool cookie_secure_context(bool https, std::string_view host) noexcept {
  return https || iequals(host, "localhost") || host == "127.0.0.1" || host == "[::1]" ||
         host == "::1";
}

bool CookieJar::add_header(std::string_view line, const Origin& origin, bool live,
                           std::int64_t now) {
  if (line.size() > kMaxLine) return false;
  // The value ends at the end of the header line.
  const std::size_t eol = line.find_first_of("\r\n");
  if (eol != std::string_view::npos) line = line.substr(0, eol);
  Cookie co;
  unsigned prefix = 0;
  bool first = true;
  bool bad = false;
  std::string_view rest = line;
  while (!rest.empty() || first) {
    const std::size_t semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    const std::size_t eq = part.find('=');
    const bool has_eq = eq != std::string_view::npos;
    const std::string_view name = trim_blanks(part.substr(0, eq));
    const std::string_view value = has_eq ? trim_blanks(part.substr(eq + 1)) : std::string_view();
    if (first) {
      first = false;
      if (!has_eq || name.empty() || name.size() >= kMaxName - 1 || value.size() >= kMaxName - 1 ||
          name.size() + value.size() > kMaxName || has_bad_octet(name) || has_bad_octet(value)) {
        bad = true;
        break;
      }
      co.name = std::string(name);
      co.value = std::string(value);
      prefix = name_prefix(name);
      continue;
    }
    if (name.empty()) continue;
    if (value.empty() && iequals(name, "secure")) {
      // A Secure cookie only from a secure context (files are trusted).
      if (origin.secure || !live) {
        co.secure = true;
      } else {
        bad = true;
        break;
      }
    } else if (value.empty() && iequals(name, "httponly")) {
      co.httponly = true;
    } else if (iequals(name, "domain") && !value.empty()) {
      std::string_view v = value;
      if (v.front() == '.') v.remove_prefix(1);
      // Without a request host (COOKIELIST) any domain is taken, as Debian's 7.88.1
      // (built with libpsl) does; with one, a domain without an inner dot never matches.
      const std::string_view host =
          origin.has_host && bad_domain(v) ? std::string_view(":") : origin.host;
      const bool ip = cookie_host_is_ip(origin.has_host ? host : v);
      if (!origin.has_host || (ip && v == host) || (!ip && tail_match(v, host))) {
        co.domain = std::string(v);
        co.has_domain = true;
        if (!ip) co.tailmatch = true;
      } else {
        bad = true;
        break;
      }
    } else if (iequals(name, "path") && has_eq) {
      co.path = std::string(value);
      co.spath = sanitize_path(value);
      co.has_path = true;
    } else if (iequals(name, "max-age") && has_eq) {
      std::string_view v = value;
      if (!v.empty() && v.front() == '"') v.remove_prefix(1);
      std::int64_t secs = 0;
      switch (parse_offset(v, &secs)) {
        case Num::kOverflow:
          co.expires = kForever;
          break;
        case Num::kBad:
          co.expires = 1;  // negative or bad: gone now
          break;
        case Num::kOk:
          if (secs == 0)
            co.expires = 1;
          else if (kForever - now < secs)
            co.expires = kForever;
          else
            co.expires = now + secs;
          break;
      }
    } else if (iequals(name, "expires") && has_eq && !value.empty() && co.expires == 0) {
      std::int64_t t = getdate_capped(value);
      if (t == 0)
        t = 1;
      else if (t < 0)
        t = 0;
      co.expires = t;
    }
  }
  if (bad) return false;
  if (!co.has_domain && origin.has_host) {
    co.domain = std::string(origin.host);
    co.has_domain = true;
  }
  if (!co.has_path && !origin.path.empty()) {
    std::string dp = default_path(origin.path);
    if (!dp.empty()) {
      co.spath = sanitize_path(dp);
      co.path = std::move(dp);
      co.has_path = true;
    }
  }
  if (!prefix_ok(prefix, co)) return false;
  return store(std::move(co), origin.secure, live, now, false);
}

bool CookieJar::add_netscape(std::string_view line, bool live, std::int64_t now) {
  if (line.size() > kMaxLine) return false;
  const std::size_t eol = line.find_first_of("\r\n");
  if (eol != std::string_view::npos) line = line.substr(0, eol);
  Cookie co;
  if (line.substr(0, 10) == "#HttpOnly_") {
    co.httponly = true;
    line.remove_prefix(10);
  }
  if (line.empty() || line.front() == '#') return false;
  // Fields split on tabs, empty fields skipped (as strtok does).
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (pos <= line.size()) {
    const std::size_t tab = line.find('\t', pos);
    const std::size_t end = tab == std::string_view::npos ? line.size() : tab;
    if (end > pos) fields.push_back(line.substr(pos, end - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  // A path that reads TRUE/FALSE is missing: "/" is made up and the fields shift.
  if (fields.size() >= 3 && (fields[2] == "TRUE" || fields[2] == "FALSE")) {
    fields.insert(fields.begin() + 2, std::string_view("/"));
  }
  if (fields.size() == 6) fields.emplace_back();  // no value
  if (fields.size() != 7) return false;
  std::string_view domain = fields[0];
  if (!domain.empty() && domain.front() == '.') domain.remove_prefix(1);
  co.domain = std::string(domain);
  co.has_domain = true;
  co.tailmatch = iequals(fields[1], "TRUE");
  co.path = std::string(fields[2]);
  co.spath = sanitize_path(fields[2]);
  co.has_path = true;
  co.secure = iequals(fields[3], "TRUE");
  std::int64_t exp = 0;
  if (parse_offset(fields[4], &exp) == Num::kOk) co.expires = exp;
  co.name = std::string(fields[5]);
  co.value = std::string(fields[6]);
  if (has_bad_octet(co.name) || has_bad_octet(co.value)) return false;
  if (!prefix_ok(name_prefix(co.name), co)) return false;
  return store(std::move(co), true, live, now, true);
}

bool CookieJar::store(Cookie&& co, bool secure_origin, bool live, std::int64_t now,
                      bool keep_expired) {
  co.live = live;
  // Cookies past their time go before a new one comes in (so the newest may itself be
  // expired until the next use of the jar, as in 7.88.1).
  if (!keep_expired) remove_expired(now);
  if (!live && skip_session_ && co.expires == 0) return false;
  // A non-secure cookie from a non-secure origin may not shadow a Secure one of the same
  // name whose domain and path cover it.
  if (!secure_origin && !co.secure) {
    for (const Cookie& old : cookies_) {
      if (!old.secure || old.name != co.name) continue;
      const bool dom = tail_match(old.domain, co.domain) || tail_match(co.domain, old.domain);
      if (dom && co.spath.compare(0, old.spath.size(), old.spath) == 0) return false;
    }
  }
  for (Cookie& old : cookies_) {
    if (old.name != co.name) continue;
    if (old.has_domain != co.has_domain) continue;
    if (old.has_domain && (!iequals(old.domain, co.domain) || old.tailmatch != co.tailmatch))
      continue;
    if (old.has_path != co.has_path) continue;
    if (old.has_path && old.spath != co.spath) continue;
    // A file's cookie does not replace one a server set in this session.
    if (!co.live && old.live) return false;
    co.created = old.created;
    old = std::move(co);
    return true;
  }
  co.created = ++counter_;
  cookies_.push_back(std::move(co));
  return true;
}

void CookieJar::load_text(std::string_view text, bool new_session, std::int64_t now) {
  // CURLOPT_COOKIESESSION: session cookies from files are not taken.
  skip_session_ = new_session;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (istarts_with(line, "Set-Cookie:")) {
      line.remove_prefix(11);
      while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
      Origin none;
      add_header(line, none, false, now);
    } else {
      add_netscape(line, false, now);
    }
  }
  skip_session_ = false;
  remove_expired(now);
}

std::string CookieJar::header_for(std::string_view host, std::string_view path, bool secure,
                                  std::int64_t now) {
  remove_expired(now);
  const bool ip = cookie_host_is_ip(host);
  std::vector<const Cookie*> hits;
  for (const Cookie& co : cookies_) {
    if (co.secure && !secure) continue;
    if (co.has_domain) {
      const bool dom = (co.tailmatch && !ip && tail_match(co.domain, host)) ||
                       ((!co.tailmatch || ip) && iequals(host, co.domain));
      if (!dom) continue;
    }
    if (co.has_path && !path_match(co.spath, path)) continue;
    hits.push_back(&co);
    if (hits.size() == kMaxSend) break;
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Cookie* a, const Cookie* b) {
    if (a->path.size() != b->path.size()) return a->path.size() > b->path.size();
    if (a->domain.size() != b->domain.size()) return a->domain.size() > b->domain.size();
    if (a->name.size() != b->name.size()) return a->name.size() > b->name.size();
    return a->created > b->created;  // newest first
  });
  std::string out;
  std::size_t len = 8;  // "Cookie: "
  for (const Cookie* co : hits) {
    const std::size_t add = co->name.size() + co->value.size() + 1;
    if (len + add >= kMaxCookieHeader) break;
    if (!out.empty()) {
      out += "; ";
      len += 2;
    }
    out += co->name;
    out += '=';
    out += co->value;
    len += add;
  }
  return out;
}

std::string CookieJar::format_line(const Cookie& c) {
  std::string s;
  if (c.httponly) s += "#HttpOnly_";
  if (c.tailmatch && c.has_domain && (c.domain.empty() || c.domain.front() != '.')) s += '.';
  s += c.has_domain ? c.domain : std::string("unknown");
  s += '\t';
  s += c.tailmatch ? "TRUE" : "FALSE";
  s += '\t';
  s += c.has_path ? c.path : std::string("/");
  s += '\t';
  s += c.secure ? "TRUE" : "FALSE";
  s += '\t';
  s += std::to_string(c.expires);
  s += '\t';
  s += c.name;
  s += '\t';
  s += c.value;
  return s;
}

std::string CookieJar::netscape_file(std::int64_t now) {
  remove_expired(now);
  std::string out =
      "# Netscape HTTP Cookie File\n"
      "# https://curl.se/docs/http-cookies.html\n"
      "# This file was generated by libcurl! Edit at your own risk.\n\n";
  std::vector<const Cookie*> order;
  order.reserve(cookies_.size());
  for (const Cookie& c : cookies_) {
    if (c.has_domain) order.push_back(&c);  // a cookie without a domain is not written
  }
  std::sort(order.begin(), order.end(),
            [](const Cookie* a, const Cookie* b) { return a->created > b->created; });
  for (const Cookie* c : order) {
    out += format_line(*c);
    out += '\n';
  }
  return out;
}

std::vector<std::string> CookieJar::lines() const {
  std::vector<std::string> out;
  out.reserve(cookies_.size());
  for (const Cookie& c : cookies_) {
    if (c.has_domain) out.push_back(format_line(c));  // nor listed
  }
  return out;
}

void CookieJar::clear_session() {
  cookies_.erase(std::remove_if(cookies_.begin(), cookies_.end(),
                                [](const Cookie& c) { return c.expires == 0; }),
                 cookies_.end());
}

void CookieJar::remove_expired(std::int64_t now) {
  cookies_.erase(
      std::remove_if(cookies_.begin(), cookies_.end(),
                     [now](const Cookie& c) { return c.expires != 0 && c.expires < now; }),
      cookies_.end());
}

}  // namespace mcurl
