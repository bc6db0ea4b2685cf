// Base64 (RFC 4648, with padding) for the places that send it: Basic credentials, Digest
// cnonces, Proxy-Authorization, "sha256//" key pins.
// Tests: tests/unit/http/auth_test.cc (AuthBase64.*)
#ifndef MCURL_UTIL_BASE64_H
#define MCURL_UTIL_BASE64_H

#include <string>
#include <string_view>

namespace mcurl {

std::string base64_encode(std::string_view in);

}  // namespace mcurl

#endif  // MCURL_UTIL_BASE64_H
