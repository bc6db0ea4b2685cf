// struct TlsConfig: the TLS settings of one transfer, read from its Options, that decide
// how a TLS connection is made and checked.
//
// Two transfers may share a TLS connection (and an SSL_CTX) only if their configurations
// are equal: `key()` is a string that differs whenever any field that matters differs, so
// it goes into the connection pool key and the context cache key. Blobs enter the key as
// their SHA-256, not their bytes.
//
// Defaults are those of Debian's libcurl 7.88.1 (OpenSSL flavour): the CA bundle
// /etc/ssl/certs/ca-certificates.crt and the directory /etc/ssl/certs.
//
// Thread affinity: none (a value type).
#ifndef MCURL_TLS_TLS_CONFIG_H
#define MCURL_TLS_TLS_CONFIG_H

#include <optional>
#include <string>

#include <curl/curl.h>

#include "util/version.h"  // kDefaultCaInfo, kDefaultCaPath

namespace mcurl {

struct Options;

struct TlsConfig {
  bool verify_peer = true;
  bool verify_host = true;  // CURLOPT_SSL_VERIFYHOST 1 and 2 both check the name
  bool verify_status = false;
  bool session_cache = true;
  bool alpn = true;
  bool certinfo = false;
  long version = CURL_SSLVERSION_DEFAULT;  // minimum in the low 16 bits, maximum above
  long ssl_options = 0;

  std::optional<std::string> ca_file;  // nullopt: none (the application set NULL)
  std::optional<std::string> ca_path;
  std::string ca_blob;  // PEM bytes (empty: none)
  std::string crl_file;
  std::string issuer_file;
  std::string issuer_blob;
  std::string pinned_key;
  std::string cert_file;
  std::string cert_type;  // "PEM" (default), "DER", "P12"
  std::string cert_blob;
  std::string key_file;
  std::string key_type;
  std::string key_blob;
  std::string key_password;
  bool has_key_password = false;
  std::string cipher_list;
  std::string tls13_ciphers;
  std::string curves;

  curl_ssl_ctx_callback ctx_function = nullptr;
  void* ctx_data = nullptr;

  // Reads the TLS options of a transfer.
  static TlsConfig from_options(const Options& o);
  // Reads the CURLOPT_PROXY_* TLS options: the TLS to an HTTPS proxy. No ALPN, no OCSP,
  // no certinfo and no SSL_CTX callback (those concern the origin only).
  static TlsConfig from_proxy_options(const Options& o);

  // A string that is equal for two configurations exactly when a connection made with
  // one may serve the other. May throw std::bad_alloc.
  std::string key() const;

  bool has_client_cert() const noexcept { return !cert_file.empty() || !cert_blob.empty(); }
};

// A configuration with its key, built once per set of options: an easy handle keeps it
// from one https transfer to the next until a setopt changes anything (Transfer), and
// each exchange holds the one it started with.
struct TlsSetup {
  TlsConfig config;
  std::string key;
};

}  // namespace mcurl

#endif  // MCURL_TLS_TLS_CONFIG_H
