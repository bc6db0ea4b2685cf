// HTTP authentication values and WWW-Authenticate parsing (see auth.h).
#include "http/auth.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <curl/curl.h>

#include <cstdio>

#include "util/base64.h"
#include "util/strcase.h"

namespace mcurl {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// `s` starts with the scheme word `word` followed by a space, a comma or the end.
bool starts_with_scheme(std::string_view s, std::string_view word) {
  if (s.size() < word.size() || !iequals(s.substr(0, word.size()), word)) return false;
  return s.size() == word.size() || is_space(s[word.size()]) || s[word.size()] == ',';
}

void skip_space(std::string_view s, size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}

// Reads the name=value pairs of a Digest challenge starting at `i`; stops at the end or
// at a word that has no '=' (the next challenge). Returns false on a malformed pair.
bool parse_digest_params(std::string_view s, size_t i, DigestChallenge& d) {
  while (i < s.size()) {
    skip_space(s, i);
    if (i < s.size() && s[i] == ',') {
      ++i;
      continue;
    }
    if (i >= s.size()) break;
    size_t name_start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ',' && !is_space(s[i])) ++i;
    std::string_view name = s.substr(name_start, i - name_start);
    skip_space(s, i);
    if (i >= s.size() || s[i] != '=') break;  // the next challenge begins
    ++i;
    skip_space(s, i);
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char c = s[i++];
        if (c == '\\' && i < s.size()) {
          value += s[i++];
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          value += c;
        }
      }
      if (!closed) return false;
    } else {
      while (i < s.size() && s[i] != ',' && !is_space(s[i])) value += s[i++];
    }
    if (iequals(name, "realm")) {
      d.realm = value;
    } else if (iequals(name, "nonce")) {
      d.nonce = value;
    } else if (iequals(name, "opaque")) {
      d.opaque = value;
      d.has_opaque = true;
    } else if (iequals(name, "stale")) {
      d.stale = iequals(value, "true");
    } else if (iequals(name, "userhash")) {
      d.userhash = iequals(value, "true");
    } else if (iequals(name, "qop")) {
      d.has_qop = true;
      size_t p = 0;
      while (p <= value.size()) {
        size_t comma = value.find(',', p);
        if (comma == std::string::npos) comma = value.size();
        std::string_view tok = std::string_view(value).substr(p, comma - p);
        while (!tok.empty() && is_space(tok.front())) tok.remove_prefix(1);
        while (!tok.empty() && is_space(tok.back())) tok.remove_suffix(1);
        if (iequals(tok, "auth")) d.qop_auth = true;
        p = comma + 1;
      }
    } else if (iequals(name, "algorithm")) {
      if (iequals(value, "MD5")) {
        d.algorithm = "MD5";
      } else if (iequals(value, "MD5-sess")) {
        d.algorithm = "MD5-sess";
        d.sess = true;
      } else if (iequals(value, "SHA-256")) {
        d.algorithm = "SHA-256";
        d.sha256 = true;
      } else if (iequals(value, "SHA-256-sess")) {
        d.algorithm = "SHA-256-sess";
        d.sha256 = true;
        d.sess = true;
      } else {
        return false;  // an algorithm mcurl cannot compute
      }
    }
  }
  return !d.nonce.empty();
}

std::string hex_digest(bool sha256, std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md, &len, sha256 ? EVP_sha256() : EVP_md5(), nullptr) !=
      1)
    return std::string();
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

// A quoted-string body: backslash before '"' and '\'.
std::string quote_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void auth_input(AuthState& st, std::string_view s, long* avail_info) {
  size_t i = 0;
  while (i < s.size()) {
    skip_space(s, i);
    std::string_view rest = s.substr(i);
    if (starts_with_scheme(rest, "Digest")) {
      if ((st.avail & CURLAUTH_DIGEST) == 0) {
        *avail_info |= static_cast<long>(CURLAUTH_DIGEST);
        st.avail |= CURLAUTH_DIGEST;
        // 7.88.1 reads every Digest offer, asked for or not; a second one for the same
        // nonce run (not marked stale) means the credentials were refused.
        bool before = st.digest.has_value();
        DigestChallenge d;
        bool ok = parse_digest_params(s, i + 6, d);
        if (ok) {
          st.digest = d;
          st.nc = 1;
          if (before && !d.stale) st.problem = true;
        } else {
          st.digest.reset();
          st.problem = true;
        }
      }
    } else if (starts_with_scheme(rest, "Basic")) {
      *avail_info |= static_cast<long>(CURLAUTH_BASIC);
      st.avail |= CURLAUTH_BASIC;
      if (st.picked == CURLAUTH_BASIC) {
        // Basic was sent and refused.
        st.avail = CURLAUTH_NONE;
        st.problem = true;
      }
    } else if (starts_with_scheme(rest, "Bearer")) {
      *avail_info |= static_cast<long>(CURLAUTH_BEARER);
      st.avail |= CURLAUTH_BEARER;
      if (st.picked == CURLAUTH_BEARER) {
        st.avail = CURLAUTH_NONE;
        st.problem = true;
      }
    }
    // On to the next comma-separated item.
    while (i < s.size() && s[i] != ',') ++i;
    if (i < s.size()) ++i;
  }
}

unsigned long auth_pick(AuthState& st, bool have_bearer) {
  unsigned long mask = ~0UL;
  if (!have_bearer) mask &= ~static_cast<unsigned long>(CURLAUTH_BEARER);
  unsigned long avail = st.avail & st.want & mask;
  unsigned long picked = 0;
  if (avail & CURLAUTH_BEARER)
    picked = CURLAUTH_BEARER;
  else if (avail & CURLAUTH_DIGEST)
    picked = CURLAUTH_DIGEST;
  else if (avail & CURLAUTH_BASIC)
    picked = CURLAUTH_BASIC;
  st.picked = picked;
  st.avail = CURLAUTH_NONE;
  return picked;
}

std::string basic_value(std::string_view user, std::string_view password) {
  std::string up;
  up.reserve(user.size() + 1 + password.size());
  up.append(user);
  up += ':';
  up.append(password);
  return "Basic " + base64_encode(up);
}

std::optional<std::string> digest_value(AuthState& st, std::string_view user,
                                        std::string_view password, std::string_view method,
                                        std::string_view uri, std::string_view cnonce_in) {
  if (!st.digest || st.digest->nonce.empty()) return std::nullopt;
  const DigestChallenge& d = *st.digest;
  std::string cnonce;
  if (cnonce_in.empty()) {
    unsigned char raw[16];
    if (RAND_bytes(raw, sizeof raw) != 1) return std::nullopt;
    char hex[33];
    for (int k = 0; k < 16; ++k) std::snprintf(hex + 2 * k, 3, "%02x", raw[k]);
    cnonce = base64_encode(std::string_view(hex, 32));
  } else {
    cnonce = std::string(cnonce_in);
  }
  std::string name(user);
  if (d.userhash) name = hex_digest(d.sha256, std::string(user) + ":" + d.realm);
  std::string ha1 =
      hex_digest(d.sha256, std::string(user) + ":" + d.realm + ":" + std::string(password));
  if (d.sess) ha1 = hex_digest(d.sha256, ha1 + ":" + d.nonce + ":" + cnonce);
  std::string ha2 = hex_digest(d.sha256, std::string(method) + ":" + std::string(uri));
  char nc[9];
  std::snprintf(nc, sizeof nc, "%08x", static_cast<unsigned>(st.nc));
  std::string out = "Digest username=\"" + quote_escape(name) + "\", realm=\"" +
                    quote_escape(d.realm) + "\", nonce=\"" + d.nonce + "\", uri=\"" +
                    std::string(uri) + "\", ";
  if (d.qop_auth) {
    std::string response =
        hex_digest(d.sha256, ha1 + ":" + d.nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    out += "cnonce=\"" + cnonce + "\", nc=" + nc + ", qop=auth, response=\"" + response + "\"";
    ++st.nc;
  } else {
    out += "response=\"" + hex_digest(d.sha256, ha1 + ":" + d.nonce + ":" + ha2) + "\"";
  }
  if (d.has_opaque) out += ", opaque=\"" + quote_escape(d.opaque) + "\"";
  if (!d.algorithm.empty()) out += ", algorithm=" + d.algorithm;
  if (d.userhash) out += ", userhash=true";
  return out;
}

}  // namespace mcurl
