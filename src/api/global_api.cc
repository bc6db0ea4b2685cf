// curl_global_*, curl_version and curl_version_info.
#include <openssl/crypto.h>
#include <openssl/opensslv.h>
#include <zlib.h>

#include <cstdio>
#include <strings.h>

#include <cstring>
#include <iterator>
#include <string>

#include <curl/curl.h>

#include "api/export.h"
#include "api/guard.h"
#include "util/global.h"
#include "util/version.h"

namespace {

// The SSL backends each flavour reports. One file serves as libcurl.so.4 (OpenSSL flavour,
// symbol version CURL_OPENSSL_4) and as libcurl-gnutls.so.4 (CURL_GNUTLS_3). TLS is always
// OpenSSL inside; the GnuTLS flavour only answers curl_global_sslset as a GnuTLS build
// does, because pycurl refuses to import otherwise (shared/abi/LOADER.md).
const curl_ssl_backend kOpenssl{CURLSSLBACKEND_OPENSSL, "openssl"};
const curl_ssl_backend kGnutls{CURLSSLBACKEND_GNUTLS, "gnutls"};
const curl_ssl_backend* const kOpensslList[] = {&kOpenssl, nullptr};
const curl_ssl_backend* const kGnutlsList[] = {&kGnutls, nullptr};

// A single-backend build: naming its own backend, by id or by case-insensitive name, is
// fine at any time; anything else is unknown (7.88.1, checked by conformance/global.c and
// global_gnutls.c).
CURLsslset select_backend(const curl_ssl_backend& own, const curl_ssl_backend* const* list,
                          curl_sslbackend id, const char* name, const curl_ssl_backend*** avail) {
  if (avail != nullptr) *avail = const_cast<const curl_ssl_backend**>(list);
  bool mine = id == own.id || (name != nullptr && strcasecmp(name, own.name) == 0);
  return mine ? CURLSSLSET_OK : CURLSSLSET_UNKNOWN_BACKEND;
}

// The part of curl_version() that names the libraries: "OpenSSL/3.0.19 zlib/1.2.13".
std::string library_versions() {
  std::string out = "OpenSSL/";
  // OpenSSL_version(OPENSSL_VERSION) reads "OpenSSL 3.0.19 27 Jan 2026"; keep the number.
  const char* v = OpenSSL_version(OPENSSL_VERSION);
  const char* sp = std::strchr(v, ' ');
  const char* num = sp != nullptr ? sp + 1 : v;
  out.append(num, std::strcspn(num, " "));
  out += " zlib/";
  out += zlibVersion();
  return out;
}

const std::string& ssl_version() {
  static const std::string s = [] {
    std::string all = library_versions();
    return all.substr(0, all.find(' '));
  }();
  return s;
}

const char* const kProtocols[] = {"http", "https", nullptr};
// Sorted as libcurl sorts them (case-insensitively).
const char* const kFeatureNames[] = {"AsynchDNS", "HTTPS-proxy", "IPv6",       "Largefile",
                                     "libz",      "SSL",         "threadsafe", nullptr};

// `gnutls_flavour`: Debian's GnuTLS build reports no CA bundle file (cainfo NULL).
curl_version_info_data make_version_info(bool gnutls_flavour) {
  curl_version_info_data d{};
  d.age = CURLVERSION_ELEVENTH;
  d.version = mcurl::kLibcurlVersion;
  d.version_num = mcurl::kLibcurlVersionNum;
  d.host = "x86_64-pc-linux-gnu";
  d.features = CURL_VERSION_IPV6 | CURL_VERSION_SSL | CURL_VERSION_LIBZ | CURL_VERSION_ASYNCHDNS |
               CURL_VERSION_LARGEFILE | CURL_VERSION_THREADSAFE | CURL_VERSION_HTTPS_PROXY;
  d.ssl_version = ssl_version().c_str();
  d.ssl_version_num = 0;  // libcurl leaves it 0 as well
  d.libz_version = zlibVersion();
  d.protocols = kProtocols;
  d.cainfo = gnutls_flavour ? nullptr : mcurl::kDefaultCaInfo;
  d.capath = mcurl::kDefaultCaPath;
  d.feature_names = kFeatureNames;
  return d;
}

}  // namespace

extern "C" {

MCURL_EXPORT CURLcode curl_global_init(long flags) {
  return mcurl::api::guarded<CURLcode>(
      [&] { return mcurl::global::init(flags) ? CURLE_OK : CURLE_FAILED_INIT; });
}
MCURL_SYMVER(curl_global_init);

MCURL_EXPORT CURLcode curl_global_init_mem(long flags, curl_malloc_callback m, curl_free_callback f,
                                           curl_realloc_callback r, curl_strdup_callback s,
                                           curl_calloc_callback c) {
  return mcurl::api::guarded<CURLcode>([&] {
    // 7.88.1: every hook is required.
    if (m == nullptr || f == nullptr || r == nullptr || s == nullptr || c == nullptr) {
      return CURLE_FAILED_INIT;
    }
    return mcurl::global::init_mem(flags, {m, f, r, s, c}) ? CURLE_OK : CURLE_FAILED_INIT;
  });
}
MCURL_SYMVER(curl_global_init_mem);

MCURL_EXPORT void curl_global_cleanup(void) {
  mcurl::api::guarded<void>([] { mcurl::global::cleanup(); });
}
MCURL_SYMVER(curl_global_cleanup);

MCURL_EXPORT CURLsslset curl_global_sslset(curl_sslbackend id, const char* name,
                                           const curl_ssl_backend*** avail) {
  return mcurl::api::guarded<CURLsslset>(
      [&] { return select_backend(kOpenssl, kOpensslList, id, name, avail); });
}

// The CURL_GNUTLS_3 version of curl_global_sslset.
CURLsslset mcurl_gnutls_global_sslset(curl_sslbackend id, const char* name,
                                      const curl_ssl_backend*** avail) {
  return mcurl::api::guarded<CURLsslset>(
      [&] { return select_backend(kGnutls, kGnutlsList, id, name, avail); });
}
MCURL_SYMVER_SPLIT(curl_global_sslset, mcurl_gnutls_global_sslset);

MCURL_EXPORT char* curl_version(void) {
  static const std::string text = "libcurl/" + std::string(mcurl::kLibcurlVersion) + " " +
                                  library_versions() + " mcurl/" + mcurl::kMcurlVersion;
  return const_cast<char*>(text.c_str());
}
MCURL_SYMVER(curl_version);

MCURL_EXPORT curl_version_info_data* curl_version_info(CURLversion /*stamp*/) {
  // Whatever age is asked for, 7.88.1 answers with its full struct (age ELEVENTH).
  static curl_version_info_data data = make_version_info(false);
  return &data;
}

// The CURL_GNUTLS_3 version of curl_version_info.
curl_version_info_data* mcurl_gnutls_version_info(CURLversion /*stamp*/) {
  static curl_version_info_data data = make_version_info(true);
  return &data;
}
MCURL_SYMVER_SPLIT(curl_version_info, mcurl_gnutls_version_info);

}  // extern "C"
