// What this build is and supports, for curl_version and curl_version_info.
#ifndef MCURL_UTIL_VERSION_H
#define MCURL_UTIL_VERSION_H

namespace mcurl {

inline constexpr const char* kMcurlVersion = "0.1.0";
// The libcurl release whose API and behaviour mcurl reproduces.
inline constexpr const char* kLibcurlVersion = "7.88.1";
inline constexpr unsigned kLibcurlVersionNum = 0x075801;
// Debian's libcurl defaults, which programs expect to find the CA store at.
inline constexpr const char* kDefaultCaInfo = "/etc/ssl/certs/ca-certificates.crt";
inline constexpr const char* kDefaultCaPath = "/etc/ssl/certs";

}  // namespace mcurl

#endif  // MCURL_UTIL_VERSION_H
