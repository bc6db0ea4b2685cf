#include "util/url.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "util/escape.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

// The schemes libcurl 7.88.1 (Debian's build) knows, with their default ports. The URL API
// accepts them without CURLU_NON_SUPPORT_SCHEME whatever the transfer engine supports.
constexpr SchemeInfo kSchemes[] = {
    {"dict", 2628, false},  {"file", 0, false},     {"ftp", 21, false},   {"ftps", 990, false},
    {"gopher", 70, false},  {"gophers", 70, false}, {"http", 80, false},  {"https", 443, false},
    {"imap", 143, true},    {"imaps", 993, true},   {"ldap", 389, false}, {"ldaps", 636, false},
    {"mqtt", 1883, false},  {"pop3", 110, true},    {"pop3s", 995, true}, {"rtmp", 1935, false},
    {"rtmpe", 1935, false}, {"rtmps", 443, false},  {"rtmpt", 80, false}, {"rtmpte", 80, false},
    {"rtmpts", 443, false}, {"rtsp", 554, false},   {"scp", 22, false},   {"sftp", 22, false},
    {"smb", 445, false},    {"smbs", 445, false},   {"smtp", 25, true},   {"smtps", 465, true},
    {"telnet", 23, false},  {"tftp", 69, false},
};

constexpr const char* kDefaultScheme = "https";

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
bool is_xdigit(unsigned char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
char to_lower(char c) { return to_lower_ascii(c); }

// The byte at `i`, or 0 past the end: the parser mirrors C string scanning.
char at(std::string_view s, std::size_t i) { return i < s.size() ? s[i] : '\0'; }

bool has_flag(unsigned int flags, unsigned int f) { return (flags & f) != 0; }

// Control bytes always, and a space unless CURLU_ALLOW_SPACE: what 7.88.1 refuses inside
// each part of a parsed URL (each part has its own error code).
bool has_junk(std::string_view s, unsigned int flags) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
    if (c == ' ' && !has_flag(flags, CURLU_ALLOW_SPACE)) return true;
  }
  return false;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// A Windows drive letter at the start of a file: path ("c:", "c:/", "c|\").
bool starts_with_drive(std::string_view s) {
  char c2 = at(s, 2);
  return is_alpha(static_cast<unsigned char>(at(s, 0))) && (at(s, 1) == ':' || at(s, 1) == '|') &&
         (c2 == '/' || c2 == '\\' || c2 == '\0');
}

// Returns the length of the scheme that `url` starts with (RFC 3986 3.1 letters, at most
// kMaxSchemeLength, then ":"), lower-cased into `scheme`, or 0. When guessing is allowed
// the colon must be followed by "/", since "host:port" looks like "scheme:".
std::size_t absolute_scheme(std::string_view url, bool guess, std::string* scheme) {
  std::size_t i = 0;
  for (; i < kMaxSchemeLength; ++i) {
    unsigned char c = static_cast<unsigned char>(at(url, i));
    if (!(c && (is_alnum(c) || c == '+' || c == '-' || c == '.'))) break;
  }
  if (i == 0 || at(url, i) != ':' || (guess && at(url, i + 1) != '/')) return 0;
  if (scheme != nullptr) {
    scheme->clear();
    for (std::size_t k = 0; k < i; ++k) scheme->push_back(to_lower(url[k]));
  }
  return i;
}

void append_lower_hex(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('%');
  out.push_back(kHex[c >> 4]);
  out.push_back(kHex[c & 0x0f]);
}

// Where the host of an absolute URL ends: at the first "/" or "?" after "//".
std::size_t host_end(std::string_view url) {
  std::size_t start = url.find("//");
  start = start == std::string_view::npos ? 0 : start + 2;
  std::size_t slash = url.find('/', start);
  std::size_t query = url.find('?', start);
  if (slash == std::string_view::npos) slash = url.size();
  if (query == std::string_view::npos) query = url.size();
  return slash < query ? slash : query;
}

// 7.88.1's light encoding for URLs it builds or is given with CURLU_URLENCODE: bytes
// >= 0x80 become "%xx" (lower case); a space is "%20" before the query and "+" in it. With
// `relative` false the scheme and host are copied untouched.
void encode_light(std::string& out, std::string_view in, bool relative, bool query) {
  bool before_query = !query;
  std::size_t skip = relative ? 0 : host_end(in);
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (i < skip) {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out += before_query ? "%20" : "+";
    } else {
      if (c == '?') before_query = false;
      if (c >= 0x80) {
        append_lower_hex(out, c);
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
  }
}

// Bytes a host name may not hold (7.88.1's list; "%" is allowed).
constexpr std::string_view kBadHostBytes = " \r\n\t/:#?!@{}[]\\$'\"^`*<>=;,+&()";

// Checks an IPv6 literal "[addr]" or "[addr%zone]" and normalises it in place to
// "[shortest form]". A zone id is stored in `zoneid` as soon as it is read (7.88.1 keeps
// it even when the address then fails). Returns CURLUE_OK or CURLUE_BAD_IPV6.
CURLUcode check_ipv6(std::string& host, std::optional<std::string>& zoneid) {
  if (host.size() < 4) return CURLUE_BAD_IPV6;  // "[::]" is the shortest
  std::string_view inner(host);
  inner.remove_prefix(1);
  std::size_t expect = host.size() - 2;
  std::size_t len = 0;
  while (len < inner.size() && std::strchr("0123456789abcdefABCDEF:.", inner[len]) != nullptr &&
         inner[len] != 0) {
    ++len;
  }
  if (len != expect) {
    if (at(inner, len) != '%') return CURLUE_BAD_IPV6;
    std::size_t z = len + 1;
    // "%25" is the URL-encoded "%" that should introduce the zone, unless it is all.
    if (at(inner, z) == '2' && at(inner, z + 1) == '5' && at(inner, z + 2) != '\0' &&
        at(inner, z + 2) != ']') {
      z += 2;
    }
    std::string zone;
    while (z < inner.size() && inner[z] != ']' && zone.size() < 15) zone.push_back(inner[z++]);
    if (zone.empty() || at(inner, z) != ']') return CURLUE_BAD_IPV6;
    zoneid = std::move(zone);
  }
  std::string addr(inner.substr(0, len));
  unsigned char bin[sizeof(struct in6_addr)];
  if (inet_pton(AF_INET6, addr.c_str(), bin) != 1) return CURLUE_BAD_IPV6;
  char norm[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, bin, norm, sizeof norm) != nullptr && std::strlen(norm) < addr.size()) {
    addr = norm;
  }
  host = "[" + addr + "]";
  return CURLUE_OK;
}

// 7.88.1's host name check after decoding: an IPv6 literal, or a name without any of the
// bytes in kBadHostBytes. Returns CURLUE_OK, CURLUE_NO_HOST, CURLUE_BAD_IPV6 or
// CURLUE_BAD_HOSTNAME.
CURLUcode check_hostname(std::string& host, std::optional<std::string>& zoneid) {
  if (host.empty()) return CURLUE_NO_HOST;
  if (host[0] == '[') return check_ipv6(host, zoneid);
  if (host.find_first_of(kBadHostBytes) != std::string::npos) return CURLUE_BAD_HOSTNAME;
  return CURLUE_OK;
}

}  // namespace

const SchemeInfo* find_scheme(std::string_view name) noexcept {
  for (const SchemeInfo& s : kSchemes) {
    if (iequals(s.name, name)) return &s;
  }
  return nullptr;
}

namespace url_detail {

// Tests: tests/unit/util/url_test.cc (UrlDotSegments.*)
std::string remove_dot_segments(std::string_view in) {
  if (in.size() < 2 || in.find('.') == std::string_view::npos) return std::string(in);
  std::string out;
  std::size_t i = 0;
  auto rest_is = [&](std::string_view s) { return in.substr(i) == s; };
  auto rest_starts = [&](std::string_view s) { return in.substr(i, s.size()) == s; };
  // Drops the last segment and its "/" from the output.
  auto pop_segment = [&] {
    std::size_t slash = out.rfind('/');
    out.resize(slash == std::string::npos ? 0 : slash);
  };
  while (i < in.size()) {
    if (rest_starts("./")) {  // A
      i += 2;
    } else if (rest_starts("../")) {
      i += 3;
    } else if (rest_is(".") || rest_is("..")) {  // D
      out.clear();
      break;
    } else if (rest_starts("/./")) {  // B
      i += 2;
    } else if (rest_is("/.")) {
      out.push_back('/');
      break;
    } else if (rest_starts("/../")) {  // C
      i += 3;
      pop_segment();
    } else if (rest_is("/..")) {
      pop_segment();
      out.push_back('/');
      break;
    } else {  // E: move one segment, with its leading "/"
      do {
        out.push_back(in[i++]);
      } while (i < in.size() && in[i] != '/');
    }
  }
  return out;
}

// Tests: tests/unit/util/url_test.cc (UrlIpv4.*)
std::optional<std::string> normalize_ipv4(const std::string& host) {
  unsigned long parts[4] = {0, 0, 0, 0};
  int n = 0;
  const char* c = host.c_str();
  for (;;) {
    if (!is_digit(static_cast<unsigned char>(*c))) return std::nullopt;
    char* end = nullptr;
    unsigned long v = std::strtoul(c, &end, 0);  // 0x hex, 0 octal, else decimal
    parts[n] = v;
    c = end;
    if (v > UINT_MAX) return std::nullopt;  // also catches ULONG_MAX on overflow
    if (*c == '.') {
      if (n == 3) return std::nullopt;
      ++n;
      ++c;
    } else if (*c == '\0') {
      break;
    } else {
      return std::nullopt;
    }
  }
  unsigned long b[4];
  switch (n) {
    case 0:
      b[0] = parts[0] >> 24;
      b[1] = (parts[0] >> 16) & 0xff;
      b[2] = (parts[0] >> 8) & 0xff;
      b[3] = parts[0] & 0xff;
      break;
    case 1:
      if (parts[0] > 0xff || parts[1] > 0xffffff) return std::nullopt;
      b[0] = parts[0];
      b[1] = (parts[1] >> 16) & 0xff;
      b[2] = (parts[1] >> 8) & 0xff;
      b[3] = parts[1] & 0xff;
      break;
    case 2:
      if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff) return std::nullopt;
      b[0] = parts[0];
      b[1] = parts[1];
      b[2] = (parts[2] >> 8) & 0xff;
      b[3] = parts[2] & 0xff;
      break;
    default:
      if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff) {
        return std::nullopt;
      }
      for (int k = 0; k < 4; ++k) b[k] = parts[k];
      break;
  }
  std::string out;
  for (int k = 0; k < 4; ++k) {
    if (k) out.push_back('.');
    out += std::to_string(b[k]);
  }
  return out;
}

// 7.88.1's redirect arithmetic on URL text: it works on the string, not on parsed parts,
// which is why a fragment with a "/" in the base confuses it (kept on purpose).
// Tests: tests/unit/util/url_test.cc (UrlRelative.*)
std::string resolve_relative(std::string_view base_in, std::string_view rel) {
  std::string base(base_in);
  std::size_t prot = base.find("//");
  prot = prot == std::string::npos ? 0 : prot + 2;  // start of the host
  bool have_path_start = true;                      // 7.88.1's protsep != NULL
  std::size_t path_start = prot;
  std::string_view use = rel;
  bool host_changed = false;

  if (at(rel, 0) != '/') {
    std::size_t q = base.find('?', prot);
    if (q != std::string::npos) base.resize(q);
    if (at(use, 0) != '?') {
      std::size_t slash = base.rfind('/');
      if (slash != std::string::npos && slash >= prot) base.resize(slash);
    }
    std::size_t first = base.find('/', prot);
    if (first != std::string::npos) {
      path_start = first + 1;
    } else {
      have_path_start = false;
    }
    if (at(use, 0) == '.' && at(use, 1) == '/') use.remove_prefix(2);
    int level = 0;
    while (at(use, 0) == '.' && at(use, 1) == '.' && at(use, 2) == '/') {
      ++level;
      use.remove_prefix(3);
    }
    if (have_path_start) {
      while (level--) {
        std::size_t slash = base.rfind('/');
        if (slash != std::string::npos && slash >= path_start) {
          base.resize(slash);
        } else {
          base.resize(path_start);
          break;
        }
      }
    }
  } else if (at(rel, 1) == '/') {
    // "//host/...": keep only the scheme (and its slashes).
    base.resize(prot);
    use = rel.substr(2);
    host_changed = true;
  } else {
    // An absolute path: cut the base at its first "/" or a "?" before it.
    std::size_t slash = base.find('/', prot);
    std::size_t q = base.find('?', prot);
    if (slash != std::string::npos) {
      if (q != std::string::npos && q < slash) slash = q;
      base.resize(slash);
    } else if (q != std::string::npos) {
      base.resize(q);
    }
  }

  std::string out = base;
  bool path_start_empty = have_path_start && path_start >= base.size();
  if (!(at(use, 0) == '/' || path_start_empty || at(use, 0) == '?')) out.push_back('/');
  encode_light(out, use, !host_changed, false);
  return out;
}

}  // namespace url_detail

// ---------------------------------------------------------------------------------------
// Parsing

// Tests: tests/unit/util/url_test.cc (UrlParse.*)
CURLUcode Url::parse(std::string_view url, unsigned int flags) {
  if (url.size() > kMaxUrlLength) return CURLUE_MALFORMED_INPUT;
  std::string scheme;
  std::size_t scheme_len =
      absolute_scheme(url, has_flag(flags, CURLU_GUESS_SCHEME | CURLU_DEFAULT_SCHEME), &scheme);

  std::string_view path;  // path + query + fragment
  std::string_view authority;
  bool has_authority = false;

  if (scheme_len && scheme == "file") {
    if (url.size() <= 6) return CURLUE_BAD_FILE_URL;  // "file:/" is not enough
    path = url.substr(5);
    scheme_ = "file";
    if (at(path, 0) == '/' && at(path, 1) == '/') {
      std::string_view p = path.substr(2);
      // RFC 8089: only an empty host, "localhost" or "127.0.0.1" names this machine.
      if (at(p, 0) != '/' && !starts_with_drive(p)) {
        if (istarts_with(p, "localhost/") || istarts_with(p, "127.0.0.1/")) {
          p.remove_prefix(9);
        } else {
          return CURLUE_BAD_FILE_URL;
        }
      }
      path = p;
    }
    // Drive letters belong to Windows only.
    if ((at(path, 0) == '/' && starts_with_drive(path.substr(1))) || starts_with_drive(path)) {
      return CURLUE_BAD_FILE_URL;
    }
    if (has_flag(flags, CURLU_NO_AUTHORITY)) host_ = "";
  } else {
    std::string_view hostp;
    const char* schemep = nullptr;
    if (scheme_len) {
      std::size_t p = scheme_len + 1;
      int slashes = 0;
      while (at(url, p) == '/' && slashes < 4) {
        ++p;
        ++slashes;
      }
      if (!find_scheme(scheme) && !has_flag(flags, CURLU_NON_SUPPORT_SCHEME)) {
        return CURLUE_UNSUPPORTED_SCHEME;
      }
      if (slashes < 1 || slashes > 3) return CURLUE_BAD_SLASHES;
      hostp = url.substr(p);
      schemep = scheme.c_str();
    } else {
      if (!has_flag(flags, CURLU_DEFAULT_SCHEME | CURLU_GUESS_SCHEME)) return CURLUE_BAD_SCHEME;
      if (has_flag(flags, CURLU_DEFAULT_SCHEME)) schemep = kDefaultScheme;
      hostp = url;
    }
    if (schemep != nullptr) scheme_ = schemep;
    std::size_t hostlen = hostp.find_first_of("/?#");
    if (hostlen == std::string_view::npos) hostlen = hostp.size();
    authority = hostp.substr(0, hostlen);
    path = hostp.substr(hostlen);
    has_authority = true;
    if (authority.empty() && !has_flag(flags, CURLU_NO_AUTHORITY)) return CURLUE_NO_HOST;
  }

  // Fragment, query and path, in that order, each with its own complaint.
  std::size_t hash = path.find('#');
  if (hash != std::string_view::npos) {
    std::string_view frag = path.substr(hash + 1);
    if (!frag.empty()) {
      if (has_junk(frag, flags)) return CURLUE_BAD_FRAGMENT;
      fragment_ = std::string(frag);
    }
    path = path.substr(0, hash);
  }
  std::size_t qmark = path.find('?');
  if (qmark != std::string_view::npos) {
    std::string_view q = path.substr(qmark + 1);
    std::string query;
    if (has_flag(flags, CURLU_URLENCODE)) {
      encode_light(query, q, true, true);
    } else {
      query = q;
    }
    if (has_junk(query, flags)) return CURLUE_BAD_QUERY;
    query_ = std::move(query);
    path = path.substr(0, qmark);
  }
  std::string p;
  if (has_flag(flags, CURLU_URLENCODE)) {
    encode_light(p, path, true, false);
  } else {
    p = path;
  }
  if (has_junk(p, flags)) return CURLUE_BAD_PATH;
  // No path, or only the slash: unset (visible for file: URLs), unless it went through
  // CURLU_URLENCODE, which 7.88.1 stores first.
  if (p.size() == 1 && has_flag(flags, CURLU_URLENCODE)) {
    path_ = std::move(p);
  } else if (p.size() > 1) {
    path_ = has_flag(flags, CURLU_PATH_AS_IS) ? std::move(p) : url_detail::remove_dot_segments(p);
  }

  if (has_authority) {
    if (!authority.empty()) {
      CURLUcode rc = parse_authority(authority, flags, scheme_len != 0);
      if (rc != CURLUE_OK) return rc;
      if (has_flag(flags, CURLU_GUESS_SCHEME) && !scheme_) {
        // Legacy curl: guess the scheme from the host name's first label.
        const std::string& h = *host_;
        if (istarts_with(h, "ftp.")) {
          scheme_ = "ftp";
        } else if (istarts_with(h, "dict.")) {
          scheme_ = "dict";
        } else if (istarts_with(h, "ldap.")) {
          scheme_ = "ldap";
        } else if (istarts_with(h, "imap.")) {
          scheme_ = "imap";
        } else if (istarts_with(h, "smtp.")) {
          scheme_ = "smtp";
        } else if (istarts_with(h, "pop3.")) {
          scheme_ = "pop3";
        } else {
          scheme_ = "http";
        }
      }
    } else {
      host_ = "";  // CURLU_NO_AUTHORITY
    }
  }
  return CURLUE_OK;
}

// [user[:password][;options]@]host[:port]
CURLUcode Url::parse_authority(std::string_view auth, unsigned int flags, bool has_scheme) {
  std::size_t at_sign = auth.find('@');
  if (at_sign != std::string_view::npos) {
    CURLUcode rc = parse_login(auth.substr(0, at_sign), flags);
    if (rc != CURLUE_OK) return rc;
    auth.remove_prefix(at_sign + 1);
  }
  std::string host(auth);
  CURLUcode rc = parse_port(host, has_scheme);
  if (rc != CURLUE_OK) return rc;
  if (host.empty()) return CURLUE_NO_HOST;
  if (has_junk(host, flags)) return CURLUE_BAD_HOSTNAME;

  if (host[0] == '[') {
    rc = check_ipv6(host, zoneid_);
    if (rc != CURLUE_OK) return rc;
  } else if (std::optional<std::string> v4 = url_detail::normalize_ipv4(host)) {
    host = std::move(*v4);
  } else {
    if (host.find('%') != std::string::npos) {
      std::string decoded;
      if (!url_unescape(host, UnescapeReject::kControl, decoded)) return CURLUE_BAD_HOSTNAME;
      host = std::move(decoded);
    }
    rc = check_hostname(host, zoneid_);
    if (rc != CURLUE_OK) return rc;
  }
  host_ = std::move(host);
  return CURLUE_OK;
}

CURLUcode Url::parse_login(std::string_view login, unsigned int flags) {
  const SchemeInfo* info = scheme_ ? find_scheme(*scheme_) : nullptr;
  bool want_options = info != nullptr && info->url_options;
  std::size_t psep = login.find(':');
  std::size_t osep = want_options ? login.find(';') : std::string_view::npos;
  constexpr std::size_t npos = std::string_view::npos;

  std::size_t ulen = psep != npos   ? (osep != npos && psep > osep ? osep : psep)
                     : osep != npos ? osep
                                    : login.size();
  std::string user(login.substr(0, ulen));
  std::optional<std::string> password;
  std::optional<std::string> options;
  if (psep != npos) {
    std::size_t end = (osep != npos && osep > psep) ? osep : login.size();
    password = std::string(login.substr(psep + 1, end - psep - 1));
  }
  if (osep != npos) {
    std::size_t end = (psep != npos && psep > osep) ? psep : login.size();
    if (end - osep - 1 > 0) options = std::string(login.substr(osep + 1, end - osep - 1));
  }
  if (has_flag(flags, CURLU_DISALLOW_USER)) return CURLUE_USER_NOT_ALLOWED;
  if (has_junk(user, flags)) return CURLUE_BAD_USER;
  if (password && has_junk(*password, flags)) return CURLUE_BAD_PASSWORD;
  if (options && has_junk(*options, flags)) return CURLUE_BAD_LOGIN;
  user_ = std::move(user);
  password_ = std::move(password);
  options_ = std::move(options);
  return CURLUE_OK;
}

CURLUcode Url::parse_port(std::string& host, bool has_scheme) {
  std::size_t colon;
  if (at(host, 0) == '[') {
    std::size_t close = host.find(']');
    if (close == std::string::npos) return CURLUE_BAD_IPV6;
    colon = close + 1;
    if (colon == host.size()) return CURLUE_OK;
    if (host[colon] != ':') return CURLUE_BAD_PORT_NUMBER;
  } else {
    colon = host.find(':');
    if (colon == std::string::npos) return CURLUE_OK;
  }
  std::string digits = host.substr(colon + 1);
  host.resize(colon);
  // Like browsers, "host:" means the default port, but only after a scheme: without
  // one it could be a misspelt scheme.
  if (digits.empty()) return has_scheme ? CURLUE_OK : CURLUE_BAD_PORT_NUMBER;
  if (!is_digit(static_cast<unsigned char>(digits[0]))) return CURLUE_BAD_PORT_NUMBER;
  char* end = nullptr;
  long port = std::strtol(digits.c_str(), &end, 10);
  if (port > 0xffff || *end != '\0') return CURLUE_BAD_PORT_NUMBER;
  port_ = std::to_string(port);  // drops leading zeros
  port_number_ = port;
  return CURLUE_OK;
}

// ---------------------------------------------------------------------------------------
// set

CURLUcode Url::set_url(const char* value, unsigned int flags) {
  std::string_view text(value);
  std::optional<std::string> base;
  bool absolute =
      absolute_scheme(text, has_flag(flags, CURLU_GUESS_SCHEME | CURLU_DEFAULT_SCHEME), nullptr);
  std::string combined;
  if (!absolute && get_url(base, flags) == CURLUE_OK && base) {
    combined = url_detail::resolve_relative(*base, text);
    text = combined;
  }
  Url fresh;
  CURLUcode rc = fresh.parse(text, flags);
  if (rc == CURLUE_OK) *this = std::move(fresh);
  return rc;
}

// Tests: tests/unit/util/url_test.cc (UrlSet.*)
CURLUcode Url::set(CURLUPart what, const char* value, unsigned int flags) {
  std::optional<std::string>* store = nullptr;
  switch (what) {
    case CURLUPART_URL:
      break;
    case CURLUPART_SCHEME:
      store = &scheme_;
      break;
    case CURLUPART_USER:
      store = &user_;
      break;
    case CURLUPART_PASSWORD:
      store = &password_;
      break;
    case CURLUPART_OPTIONS:
      store = &options_;
      break;
    case CURLUPART_HOST:
      store = &host_;
      break;
    case CURLUPART_ZONEID:
      store = &zoneid_;
      break;
    case CURLUPART_PORT:
      store = &port_;
      break;
    case CURLUPART_PATH:
      store = &path_;
      break;
    case CURLUPART_QUERY:
      store = &query_;
      break;
    case CURLUPART_FRAGMENT:
      store = &fragment_;
      break;
    default:
      return CURLUE_UNKNOWN_PART;
  }

  if (value == nullptr) {  // clearing
    if (store == nullptr) {
      clear();
    } else {
      store->reset();
      if (what == CURLUPART_PORT) port_number_ = 0;
    }
    return CURLUE_OK;
  }
  if (what == CURLUPART_URL) return set_url(value, flags);

  std::string_view part(value);
  bool encode = has_flag(flags, CURLU_URLENCODE);
  bool plus_for_space = false;
  bool keep_slash = false;
  bool append = false;
  bool keep_first_equals = false;
  long port = 0;

  switch (what) {
    case CURLUPART_SCHEME:
      if (part.size() > kMaxSchemeLength) return CURLUE_BAD_SCHEME;
      if (!has_flag(flags, CURLU_NON_SUPPORT_SCHEME) && !find_scheme(part)) {
        return CURLUE_UNSUPPORTED_SCHEME;
      }
      encode = false;
      break;
    case CURLUPART_HOST:
      if (part.find_first_of(" \r\n") != std::string_view::npos) return CURLUE_BAD_HOSTNAME;
      zoneid_.reset();
      break;
    case CURLUPART_PORT: {
      encode = false;
      char* end = nullptr;
      port = std::strtol(value, &end, 10);
      if (port <= 0 || port > 0xffff || *end != '\0') return CURLUE_BAD_PORT_NUMBER;
      break;
    }
    case CURLUPART_PATH:
      keep_slash = true;
      break;
    case CURLUPART_QUERY:
      plus_for_space = encode;
      append = has_flag(flags, CURLU_APPENDQUERY);
      keep_first_equals = append;
      break;
    default:
      break;
  }
  if (part.size() > kMaxUrlLength) return CURLUE_MALFORMED_INPUT;

  std::string v;
  if (encode) {
    v.reserve(part.size());
    for (unsigned char c : part) {
      if (c == ' ' && plus_for_space) {
        v.push_back('+');
      } else if (is_unreserved(c) || (c == '/' && keep_slash) || (c == '=' && keep_first_equals)) {
        if (c == '=') keep_first_equals = false;
        v.push_back(static_cast<char>(c));
      } else {
        append_lower_hex(v, c);
      }
    }
  } else {
    // Percent-encodings are stored with lower-case hex digits.
    v = part;
    for (std::size_t i = 0; i < v.size();) {
      unsigned char a = static_cast<unsigned char>(at(v, i + 1));
      unsigned char b = static_cast<unsigned char>(at(v, i + 2));
      if (v[i] == '%' && is_xdigit(a) && is_xdigit(b) && (is_upper(a) || is_upper(b))) {
        v[i + 1] = to_lower(v[i + 1]);
        v[i + 2] = to_lower(v[i + 2]);
        i += 3;
      } else {
        ++i;
      }
    }
  }

  if (encode && part.empty()) {
    // 7.88.1 ends up with no string at all here: the part is cleared. For a host (and an
    // append to a query) it then crashes; we refuse the host and keep the query instead.
    if (what == CURLUPART_HOST) return CURLUE_BAD_HOSTNAME;
    if (append && query_ && !query_->empty()) return CURLUE_OK;
    store->reset();
    return CURLUE_OK;
  }

  if (append && query_ && !query_->empty()) {
    if (query_->back() != '&') query_->push_back('&');
    *query_ += v;
    return CURLUE_OK;
  }

  if (what == CURLUPART_HOST) {
    if (!(v.empty() && has_flag(flags, CURLU_NO_AUTHORITY))) {
      if (v.empty() || check_hostname(v, zoneid_) != CURLUE_OK) return CURLUE_BAD_HOSTNAME;
    }
  }
  *store = std::move(v);
  if (port) port_number_ = port;
  return CURLUE_OK;
}

// ---------------------------------------------------------------------------------------
// get

CURLUcode Url::get_url(std::optional<std::string>& out, unsigned int flags) {
  out.reset();
  if (scheme_ && iequals(*scheme_, "file")) {
    std::string url = "file://";
    url += path_ ? *path_ : std::string("(nil)");  // 7.88.1 prints a missing path so
    if (fragment_) {
      url.push_back('#');
      url += *fragment_;
    }
    out = std::move(url);
    return CURLUE_OK;
  }
  if (!host_) return CURLUE_NO_HOST;
  std::string scheme;
  if (scheme_) {
    scheme = *scheme_;
  } else if (has_flag(flags, CURLU_DEFAULT_SCHEME)) {
    scheme = kDefaultScheme;
  } else {
    return CURLUE_NO_SCHEME;
  }
  const SchemeInfo* info = find_scheme(scheme);
  std::optional<std::string> port = port_;
  if (!port && has_flag(flags, CURLU_DEFAULT_PORT)) {
    if (info) port = std::to_string(info->default_port);
  } else if (port && info && info->default_port == port_number_ &&
             has_flag(flags, CURLU_NO_DEFAULT_PORT)) {
    port.reset();
  }
  const std::optional<std::string>& options =
      (info && !info->url_options) ? std::optional<std::string>() : options_;

  std::string host;
  if (!host_->empty() && (*host_)[0] == '[') {
    host = *host_;
    if (zoneid_) {  // "[addr%25zone]"
      host.pop_back();
      host += "%25";
      host += *zoneid_;
      host.push_back(']');
    }
  } else if (has_flag(flags, CURLU_URLENCODE)) {
    if (!url_escape(*host_, host)) return CURLUE_OUT_OF_MEMORY;
  } else if (has_flag(flags, CURLU_PUNYCODE)) {
    if (is_ascii(*host_)) {
      host = *host_;
    } else {
      std::optional<std::string> ace = url_detail::host_to_punycode(*host_);
      if (!ace) return CURLUE_OUT_OF_MEMORY;  // see the header
      host = std::move(*ace);
    }
  } else {
    if (host_->find('%') != std::string::npos) {
      // 7.88.1 encodes the "%" and keeps the result as the host.
      std::string enc;
      for (char c : *host_) {
        if (c == '%') {
          enc += "%25";
        } else {
          enc.push_back(c);
        }
      }
      host_ = std::move(enc);
    }
    host = *host_;
  }

  std::string url = scheme;
  url += "://";
  if (user_) url += *user_;
  if (password_) {
    url.push_back(':');
    url += *password_;
  }
  if (options) {
    url.push_back(';');
    url += *options;
  }
  if (user_ || password_ || options) url.push_back('@');
  url += host;
  if (port) {
    url.push_back(':');
    url += *port;
  }
  if (path_ && (path_->empty() || (*path_)[0] != '/')) url.push_back('/');
  url += path_ ? *path_ : std::string("/");
  if (query_ && !query_->empty()) {
    url.push_back('?');
    url += *query_;
  }
  if (fragment_) {
    url.push_back('#');
    url += *fragment_;
  }
  out = std::move(url);
  return CURLUE_OK;
}

// Tests: tests/unit/util/url_test.cc (UrlGet.*)
CURLUcode Url::get(CURLUPart what, std::optional<std::string>& out, unsigned int flags) {
  out.reset();
  bool decode = has_flag(flags, CURLU_URLDECODE);
  bool encode = has_flag(flags, CURLU_URLENCODE);
  bool punycode = false;
  bool plus_decode = false;
  std::optional<std::string> value;
  CURLUcode if_missing = CURLUE_UNKNOWN_PART;

  switch (what) {
    case CURLUPART_URL:
      return get_url(out, flags);
    case CURLUPART_SCHEME:
      value = scheme_;
      if_missing = CURLUE_NO_SCHEME;
      decode = false;
      break;
    case CURLUPART_USER:
      value = user_;
      if_missing = CURLUE_NO_USER;
      break;
    case CURLUPART_PASSWORD:
      value = password_;
      if_missing = CURLUE_NO_PASSWORD;
      break;
    case CURLUPART_OPTIONS:
      value = options_;
      if_missing = CURLUE_NO_OPTIONS;
      break;
    case CURLUPART_HOST:
      value = host_;
      if_missing = CURLUE_NO_HOST;
      punycode = has_flag(flags, CURLU_PUNYCODE);
      break;
    case CURLUPART_ZONEID:
      value = zoneid_;
      if_missing = CURLUE_NO_ZONEID;
      break;
    case CURLUPART_PORT: {
      value = port_;
      if_missing = CURLUE_NO_PORT;
      decode = false;
      const SchemeInfo* info = scheme_ ? find_scheme(*scheme_) : nullptr;
      if (!value && has_flag(flags, CURLU_DEFAULT_PORT) && scheme_) {
        if (info) value = std::to_string(info->default_port);
      } else if (value && scheme_ && info && info->default_port == port_number_ &&
                 has_flag(flags, CURLU_NO_DEFAULT_PORT)) {
        value.reset();
      }
      break;
    }
    case CURLUPART_PATH:
      if (!path_) path_ = "/";  // 7.88.1 stores it
      value = path_;
      break;
    case CURLUPART_QUERY:
      value = query_;
      if_missing = CURLUE_NO_QUERY;
      plus_decode = decode;
      break;
    case CURLUPART_FRAGMENT:
      value = fragment_;
      if_missing = CURLUE_NO_FRAGMENT;
      break;
    default:
      return CURLUE_UNKNOWN_PART;
  }
  if (!value) return if_missing;

  std::string s = std::move(*value);
  if (plus_decode) {
    for (char& c : s) {
      if (c == '+') c = ' ';
    }
  }
  if (decode) {
    std::string decoded;
    if (!url_unescape(s, UnescapeReject::kControl, decoded)) return CURLUE_URLDECODE;
    s = std::move(decoded);
  }
  if (encode) {
    std::string enc;
    encode_light(enc, s, true, what == CURLUPART_QUERY);
    // 7.88.1 hands back no string at all (but CURLUE_OK) when the result is empty.
    if (enc.empty()) return CURLUE_OK;
    s = std::move(enc);
  } else if (punycode && !is_ascii(*host_)) {
    std::optional<std::string> ace = url_detail::host_to_punycode(s);
    if (!ace) {
      // 7.88.1 hands the copy back together with the error.
      out = std::move(s);
      return CURLUE_OUT_OF_MEMORY;
    }
    s = std::move(*ace);
  }
  out = std::move(s);
  return CURLUE_OK;
}

CURLUcode Url::to_string(std::string& out, unsigned int flags) {
  std::optional<std::string> s;
  CURLUcode rc = get_url(s, flags);
  if (rc == CURLUE_OK) out = std::move(*s);
  return rc;
}

}  // namespace mcurl
