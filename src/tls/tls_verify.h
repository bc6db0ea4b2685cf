// The peer checks 7.88.1 makes itself after a TLS handshake, each answering CURLE_OK or
// the CURLcode 7.88.1 gives, with the error text in *text:
//   tls_check_host        CURLOPT_SSL_VERIFYHOST: the subjectAltName entries (DNS names
//                         with a wildcard only as the whole left-most label, IP
//                         addresses), the common name only when there are none;
//                         CURLE_PEER_FAILED_VERIFICATION
//   tls_check_issuer      CURLOPT_ISSUERCERT(_BLOB): CURLE_SSL_ISSUER_ERROR
//   tls_check_ocsp        CURLOPT_SSL_VERIFYSTATUS: a stapled, valid, "good" OCSP answer;
//                         CURLE_SSL_INVALIDCERTSTATUS
//   tls_check_pinned_key  CURLOPT_PINNEDPUBLICKEY ("sha256//BASE64;..." or a PEM / DER
//                         public key file); CURLE_SSL_PINNEDPUBKEYNOTMATCH
// Thread affinity: none. Tests: tests/unit/tls/tls_verify_test.cc, tests/integration.
#ifndef MCURL_TLS_TLS_VERIFY_H
#define MCURL_TLS_TLS_VERIFY_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>

#include <curl/curl.h>

namespace mcurl {

CURLcode tls_check_host(X509* cert, const std::string& host, std::string* text);
CURLcode tls_check_issuer(X509* cert, const std::string& file, const std::string& blob,
                          std::string* text);
CURLcode tls_check_ocsp(SSL* ssl, X509* cert, std::string* text);
CURLcode tls_check_pinned_key(X509* cert, const std::string& pinned, std::string* text);

// True for an IPv4 or IPv6 address literal (no SNI is sent for those; the name check
// compares addresses).
bool tls_host_is_address(const std::string& host);

// The public key of `cert` as DER SubjectPublicKeyInfo, and its "sha256//BASE64" pin.
std::string tls_public_key_der(X509* cert);
std::string tls_sha256_pin(const std::string& der);

}  // namespace mcurl

#endif  // MCURL_TLS_TLS_VERIFY_H
