// Exporting the C facade: visibility and symbol versions.
//
// Every exported function is defined in src/api/*.cc with MCURL_EXPORT and followed by
// MCURL_SYMVER(name), which gives it two dynamic symbols on the same code:
//   name@@CURL_OPENSSL_4  the default, what programs linked to Debian's libcurl4 ask for;
//   name@CURL_GNUTLS_3    what programs linked to libcurl-gnutls.so.4 (git, pycurl) ask for.
// The plain, unversioned name is removed (".symver …, remove"), so nothing else is
// exported; src/api/libcurl.map declares both version nodes and hides everything else.
// tests/abi/check_exports.sh proves the result against shared/abi.
#ifndef MCURL_API_EXPORT_H
#define MCURL_API_EXPORT_H

#define MCURL_EXPORT __attribute__((visibility("default")))

#define MCURL_STR_(x) #x
#define MCURL_STR(x) MCURL_STR_(x)

// Both versions on one definition.
#define MCURL_SYMVER(name) MCURL_SYMVER_SPLIT(name, name)

// The CURL_OPENSSL_4 version binds to `name`; the CURL_GNUTLS_3 version binds to
// `gnutls_impl`, an extern "C" function of the same type (usually `name` itself). Used
// where the GnuTLS flavour must answer differently (curl_global_sslset).
#define MCURL_SYMVER_SPLIT(name, gnutls_impl)                                                   \
  extern "C" __attribute__((alias(#gnutls_impl),                                                \
                            visibility("default"))) decltype(gnutls_impl) mcurl_gnutls3_##name; \
  __asm__(".symver " #name ", " #name "@@CURL_OPENSSL_4, remove");                              \
  __asm__(".symver mcurl_gnutls3_" #name ", " #name "@CURL_GNUTLS_3")

#endif  // MCURL_API_EXPORT_H
