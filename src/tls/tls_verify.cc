#include "tls/tls_verify.h"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

#include <cstdio>
#include <memory>

#include "util/base64.h"

namespace mcurl {
namespace {

bool has_alt_names(X509* cert) {
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return false;
  bool any = sk_GENERAL_NAME_num(names) > 0;
  GENERAL_NAMES_free(names);
  return any;
}

// The last (most specific) common name of the subject, or nullopt.
bool common_name(X509* cert, std::string* out) {
  X509_NAME* subject = X509_get_subject_name(cert);
  int index = -1;
  for (int i = X509_NAME_get_index_by_NID(subject, NID_commonName, -1); i >= 0;
       i = X509_NAME_get_index_by_NID(subject, NID_commonName, i)) {
    index = i;
  }
  if (index < 0) return false;
  ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, data);
  if (len < 0) return false;
  out->assign(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return true;
}

bool read_file(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[4096];
  std::size_t n;
  bool ok = true;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out->append(buf, n);
    if (out->size() > (1u << 20)) {  // no public key file is this large
      ok = false;
      break;
    }
  }
  std::fclose(f);
  return ok;
}

// The DER bytes inside "-----BEGIN PUBLIC KEY-----" ... "-----END PUBLIC KEY-----".
bool pem_public_key(const std::string& pem, std::string* der) {
  static const std::string kBegin = "-----BEGIN PUBLIC KEY-----";
  static const std::string kEnd = "-----END PUBLIC KEY-----";
  std::size_t b = pem.find(kBegin);
  if (b == std::string::npos) return false;
  std::size_t e = pem.find(kEnd, b + kBegin.size());
  if (e == std::string::npos) return false;
  std::string text;
  for (std::size_t i = b + kBegin.size(); i < e; ++i) {
    char c = pem[i];
    if (c != '\r' && c != '\n' && c != ' ' && c != '\t') text += c;
  }
  if (text.empty() || text.size() % 4 != 0) return false;
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return false;
  std::size_t len = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts the padding as zero bytes.
  if (text.size() >= 1 && text[text.size() - 1] == '=') --len;
  if (text.size() >= 2 && text[text.size() - 2] == '=') --len;
  out.resize(len);
  *der = std::move(out);
  return true;
}

struct BioFree {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};

}  // namespace

bool tls_host_is_address(const std::string& host) {
  unsigned char addr[16];
  return inet_pton(AF_INET, host.c_str(), addr) == 1 ||
         inet_pton(AF_INET6, host.c_str(), addr) == 1;
}

CURLcode tls_check_host(X509* cert, const std::string& host, std::string* text) {
  bool ip = tls_host_is_address(host);
  int ok = ip ? X509_check_ip_asc(cert, host.c_str(), 0)
              : X509_check_host(cert, host.data(), host.size(),
                                X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr);
  ERR_clear_error();
  if (ok == 1) return CURLE_OK;
  if (has_alt_names(cert)) {
    *text = "SSL: no alternative certificate subject name matches target host name '" + host + "'";
    return CURLE_PEER_FAILED_VERIFICATION;
  }
  std::string cn;
  if (!common_name(cert, &cn)) {
    *text = "SSL: unable to obtain common name from peer certificate";
    return CURLE_PEER_FAILED_VERIFICATION;
  }
  if (ip && cn == host) return CURLE_OK;  // an address in the common name, no SANs
  *text =
      "SSL: certificate subject name '" + cn + "' does not match target host name '" + host + "'";
  return CURLE_PEER_FAILED_VERIFICATION;
}

CURLcode tls_check_issuer(X509* cert, const std::string& file, const std::string& blob,
                          std::string* text) {
  const std::string where = blob.empty() ? file : std::string("(memory blob)");
  std::unique_ptr<BIO, BioFree> bio(
      blob.empty() ? BIO_new_file(file.c_str(), "r")
                   : BIO_new_mem_buf(blob.data(), static_cast<int>(blob.size())));
  if (!bio) {
    ERR_clear_error();
    *text = "SSL: Unable to open issuer cert (" + where + ")";
    return CURLE_SSL_ISSUER_ERROR;
  }
  X509* issuer = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  ERR_clear_error();
  if (issuer == nullptr) {
    *text = "SSL: Unable to read issuer cert (" + where + ")";
    return CURLE_SSL_ISSUER_ERROR;
  }
  int r = X509_check_issued(issuer, cert);
  X509_free(issuer);
  if (r != X509_V_OK) {
    *text = "SSL: Certificate issuer check failed (" + where + ")";
    return CURLE_SSL_ISSUER_ERROR;
  }
  return CURLE_OK;
}

CURLcode tls_check_ocsp(SSL* ssl, X509* cert, std::string* text) {
  const unsigned char* p = nullptr;
  long len = SSL_get_tlsext_status_ocsp_resp(ssl, &p);
  if (p == nullptr || len <= 0) {
    *text = "No OCSP response received";
    return CURLE_SSL_INVALIDCERTSTATUS;
  }
  OCSP_RESPONSE* rsp = d2i_OCSP_RESPONSE(nullptr, &p, len);
  if (rsp == nullptr) {
    ERR_clear_error();
    *text = "Invalid OCSP response";
    return CURLE_SSL_INVALIDCERTSTATUS;
  }
  CURLcode rc = CURLE_SSL_INVALIDCERTSTATUS;
  OCSP_BASICRESP* basic = nullptr;
  OCSP_CERTID* id = nullptr;
  int status = OCSP_response_status(rsp);
  do {
    if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
      *text = std::string("Invalid OCSP response status: ") + OCSP_response_status_str(status) +
              " (" + std::to_string(status) + ")";
      break;
    }
    basic = OCSP_response_get1_basic(rsp);
    if (basic == nullptr) {
      *text = "Invalid OCSP response";
      break;
    }
    STACK_OF(X509)* chain = SSL_get_peer_cert_chain(ssl);
    X509_STORE* store = SSL_CTX_get_cert_store(SSL_get_SSL_CTX(ssl));
    if (OCSP_basic_verify(basic, chain, store, 0) <= 0) {
      *text = "OCSP response verification failed";
      break;
    }
    X509* issuer = nullptr;
    for (int i = 0; chain != nullptr && i < sk_X509_num(chain); ++i) {
      X509* c = sk_X509_value(chain, i);
      if (X509_check_issued(c, cert) == X509_V_OK) {
        issuer = c;
        break;
      }
    }
    if (issuer == nullptr) {
      *text = "Error finding issuer certificate";
      break;
    }
    id = OCSP_cert_to_id(nullptr, cert, issuer);
    int cert_status = 0, reason = 0;
    ASN1_GENERALIZEDTIME *rev = nullptr, *thisupd = nullptr, *nextupd = nullptr;
    if (id == nullptr ||
        OCSP_resp_find_status(basic, id, &cert_status, &reason, &rev, &thisupd, &nextupd) != 1) {
      *text = "Could not find certificate ID in OCSP response";
      break;
    }
    if (OCSP_check_validity(thisupd, nextupd, 300L, -1L) != 1) {
      *text = "OCSP response has expired";
      break;
    }
    if (cert_status == V_OCSP_CERTSTATUS_GOOD) {
      rc = CURLE_OK;
    } else if (cert_status == V_OCSP_CERTSTATUS_REVOKED) {
      *text = std::string("SSL certificate revocation reason: ") + OCSP_crl_reason_str(reason) +
              " (" + std::to_string(reason) + ")";
    } else {
      *text = std::string("SSL certificate status: ") + OCSP_cert_status_str(cert_status) + " (" +
              std::to_string(cert_status) + ")";
    }
  } while (false);
  ERR_clear_error();
  OCSP_CERTID_free(id);
  OCSP_BASICRESP_free(basic);
  OCSP_RESPONSE_free(rsp);
  return rc;
}

std::string tls_public_key_der(X509* cert) {
  EVP_PKEY* key = X509_get0_pubkey(cert);
  if (key == nullptr) return {};
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(key, &der);
  if (len <= 0) return {};
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string tls_sha256_pin(const std::string& der) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(der.data()), der.size(), md);
  return "sha256//" + base64_encode(std::string_view(reinterpret_cast<const char*>(md), sizeof md));
}

CURLcode tls_check_pinned_key(X509* cert, const std::string& pinned, std::string* text) {
  std::string der = tls_public_key_der(cert);
  ERR_clear_error();
  bool match = false;
  if (!der.empty()) {
    if (pinned.rfind("sha256//", 0) == 0) {
      std::string mine = tls_sha256_pin(der);
      std::size_t pos = 0;
      while (pos <= pinned.size() && !match) {
        std::size_t end = pinned.find(';', pos);
        if (end == std::string::npos) end = pinned.size();
        std::string entry = pinned.substr(pos, end - pos);
        while (!entry.empty() && entry.front() == ' ') entry.erase(0, 1);
        match = entry == mine;
        pos = end + 1;
      }
    } else {
      std::string file;
      if (read_file(pinned, &file)) {
        std::string from_pem;
        match = file == der || (pem_public_key(file, &from_pem) && from_pem == der);
      }
    }
  }
  if (!match) {
    *text = "SSL: public key does not match pinned public key";
    return CURLE_SSL_PINNEDPUBKEYNOTMATCH;
  }
  return CURLE_OK;
}

}  // namespace mcurl
