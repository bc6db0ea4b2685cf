// class CertChainInfo: what CURLINFO_CERTINFO hands out after a TLS handshake made with
// CURLOPT_CERTINFO: per certificate of the peer's chain, "Name:value" lines in 7.88.1's
// order and formats (Subject, Issuer, Version, Serial Number, Signature Algorithm, Public
// Key Algorithm, the X509v3 extensions, Start date, Expire date, the public key's
// numbers, Signature, Cert in PEM).
//
// The lines and the curl_slist nodes that link them belong to this object; the
// application reads them through `view()` and never frees them (as with libcurl).
// Thread affinity: the owning transfer's.
#ifndef MCURL_TLS_CERTINFO_H
#define MCURL_TLS_CERTINFO_H

#include <openssl/ssl.h>

#include <string>
#include <vector>

#include <curl/curl.h>

namespace mcurl {

class CertChainInfo {
 public:
  CertChainInfo() = default;
  CertChainInfo(const CertChainInfo&) = delete;
  CertChainInfo& operator=(const CertChainInfo&) = delete;

  // Replaces the contents with the peer chain of `ssl`. May throw std::bad_alloc.
  void collect(SSL* ssl);
  const curl_certinfo* view() const noexcept { return &view_; }

 private:
  std::vector<std::vector<std::string>> lines_;
  std::vector<std::vector<curl_slist>> nodes_;
  std::vector<curl_slist*> heads_;
  curl_certinfo view_{0, nullptr};
};

// The lines of one certificate (exposed for the unit tests).
std::vector<std::string> certificate_lines(X509* cert);

}  // namespace mcurl

#endif  // MCURL_TLS_CERTINFO_H
