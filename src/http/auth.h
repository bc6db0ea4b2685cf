// HTTP authentication for the origin server: reading WWW-Authenticate offers, picking a
// method the way libcurl 7.88.1 does, and building the Authorization value for Basic
// (RFC 7617), Digest (RFC 7616: MD5, SHA-256, their -sess forms, qop=auth) and Bearer
// (RFC 6750). NTLM, Negotiate and proxy authentication are not here.
//
// Pure apart from the random client nonce (OpenSSL's RAND_bytes, or a caller-given
// value); thread affinity: none.
// Tests: tests/unit/http/auth_test.cc
#ifndef MCURL_HTTP_AUTH_H
#define MCURL_HTTP_AUTH_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/base64.h"  // base64_encode, used with these values

namespace mcurl {

// What a Digest challenge asked for.
struct DigestChallenge {
  std::string realm;
  std::string nonce;
  std::string opaque;
  bool has_opaque = false;
  bool qop_auth = false;  // "auth" was among the offered qop values
  bool has_qop = false;
  std::string algorithm;  // as named by the server ("" when absent)
  bool sha256 = false;
  bool sess = false;
  bool userhash = false;
  bool stale = false;
};

// The per-transfer state of the host authentication dance (7.88.1's "authhost").
struct AuthState {
  unsigned long want = 0;    // CURLOPT_HTTPAUTH
  unsigned long picked = 0;  // the method in use (may be several bits before a pick)
  unsigned long avail = 0;   // offers seen in the current 401
  bool problem = false;      // the server refused what we sent; stop asking
  std::optional<DigestChallenge> digest;
  std::uint32_t nc = 1;  // nonce count of the next Digest request
};

// Parses one WWW-Authenticate value (it may hold several challenges) into `st`; adds the
// methods found to *avail_info (CURLINFO_HTTPAUTH_AVAIL).
void auth_input(AuthState& st, std::string_view value, long* avail_info);

// After a 401: picks one of the offered methods allowed by `want` (Bearer only when a
// token is set). Returns the CURLAUTH_* bit, or 0 when nothing fits.
unsigned long auth_pick(AuthState& st, bool have_bearer);

// "Basic <base64(user:password)>".
std::string basic_value(std::string_view user, std::string_view password);

// Builds the Digest value for `method` and `uri`. `cnonce`: empty draws a random one.
// Returns nullopt when the challenge lacks a nonce.
std::optional<std::string> digest_value(AuthState& st, std::string_view user,
                                        std::string_view password, std::string_view method,
                                        std::string_view uri, std::string_view cnonce = {});

}  // namespace mcurl

#endif  // MCURL_HTTP_AUTH_H
