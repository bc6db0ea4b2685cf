#include "tls/certinfo.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>

namespace mcurl {
namespace {

struct BioFree {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};
using MemBio = std::unique_ptr<BIO, BioFree>;

MemBio mem_bio() {
  MemBio b(BIO_new(BIO_s_mem()));
  if (!b) throw std::bad_alloc();
  return b;
}

// Everything written to `b` so far, and empties it.
std::string drain(BIO* b) {
  char* data = nullptr;
  long len = BIO_get_mem_data(b, &data);
  std::string out(data != nullptr && len > 0 ? std::string(data, static_cast<std::size_t>(len))
                                             : std::string());
  (void)BIO_reset(b);
  return out;
}

std::string hex_bytes(const unsigned char* p, std::size_t n, bool colons) {
  std::string out;
  out.reserve(n * 3);
  char buf[4];
  for (std::size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, colons ? "%02x:" : "%02x", p[i]);
    out += buf;
  }
  return out;
}

void add_bignum(std::vector<std::string>& lines, BIO* b, const char* label, EVP_PKEY* key,
                const char* param) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(key, param, &bn) == 1 && bn != nullptr) {
    BN_print(b, bn);
    BN_free(bn);
  }
  ERR_clear_error();
  lines.push_back(std::string(label) + ":" + drain(b));
}

}  // namespace

std::vector<std::string> certificate_lines(X509* cert) {
  std::vector<std::string> lines;
  MemBio b = mem_bio();
  X509_NAME_print_ex(b.get(), X509_get_subject_name(cert), 0, XN_FLAG_ONELINE);
  lines.push_back("Subject:" + drain(b.get()));
  X509_NAME_print_ex(b.get(), X509_get_issuer_name(cert), 0, XN_FLAG_ONELINE);
  lines.push_back("Issuer:" + drain(b.get()));
  char num[32];
  std::snprintf(num, sizeof num, "%lx", static_cast<long>(X509_get_version(cert)));
  lines.push_back(std::string("Version:") + num);
  const ASN1_INTEGER* serial = X509_get0_serialNumber(cert);
  lines.push_back("Serial Number:" + hex_bytes(ASN1_STRING_get0_data(serial),
                                               static_cast<std::size_t>(ASN1_STRING_length(serial)),
                                               false));
  const ASN1_BIT_STRING* signature = nullptr;
  const X509_ALGOR* sigalg = nullptr;
  X509_get0_signature(&signature, &sigalg, cert);
  const ASN1_OBJECT* sigoid = nullptr;
  X509_ALGOR_get0(&sigoid, nullptr, nullptr, sigalg);
  i2a_ASN1_OBJECT(b.get(), sigoid);
  lines.push_back("Signature Algorithm:" + drain(b.get()));
  ASN1_OBJECT* keyoid = nullptr;
  X509_PUBKEY_get0_param(&keyoid, nullptr, nullptr, nullptr, X509_get_X509_PUBKEY(cert));
  i2a_ASN1_OBJECT(b.get(), keyoid);
  lines.push_back("Public Key Algorithm:" + drain(b.get()));
  const STACK_OF(X509_EXTENSION)* exts = X509_get0_extensions(cert);
  for (int i = 0; i < sk_X509_EXTENSION_num(exts); ++i) {
    X509_EXTENSION* ext = sk_X509_EXTENSION_value(exts, i);
    char name[128];
    i2t_ASN1_OBJECT(name, sizeof name, X509_EXTENSION_get_object(ext));
    if (X509V3_EXT_print(b.get(), ext, 0, 0) != 1) {
      ASN1_STRING_print(b.get(), X509_EXTENSION_get_data(ext));
    }
    lines.push_back(std::string(name) + ":" + drain(b.get()));
  }
  ASN1_TIME_print(b.get(), X509_get0_notBefore(cert));
  lines.push_back("Start date:" + drain(b.get()));
  ASN1_TIME_print(b.get(), X509_get0_notAfter(cert));
  lines.push_back("Expire date:" + drain(b.get()));
  if (EVP_PKEY* key = X509_get0_pubkey(cert)) {
    switch (EVP_PKEY_get_base_id(key)) {
      case EVP_PKEY_RSA:
        lines.push_back("RSA Public Key:" + std::to_string(EVP_PKEY_get_bits(key)));
        add_bignum(lines, b.get(), "rsa(n)", key, OSSL_PKEY_PARAM_RSA_N);
        add_bignum(lines, b.get(), "rsa(e)", key, OSSL_PKEY_PARAM_RSA_E);
        break;
      case EVP_PKEY_DSA:
        add_bignum(lines, b.get(), "dsa(p)", key, OSSL_PKEY_PARAM_FFC_P);
        add_bignum(lines, b.get(), "dsa(q)", key, OSSL_PKEY_PARAM_FFC_Q);
        add_bignum(lines, b.get(), "dsa(g)", key, OSSL_PKEY_PARAM_FFC_G);
        add_bignum(lines, b.get(), "dsa(pub_key)", key, OSSL_PKEY_PARAM_PUB_KEY);
        break;
      case EVP_PKEY_DH:
        add_bignum(lines, b.get(), "dh(p)", key, OSSL_PKEY_PARAM_FFC_P);
        add_bignum(lines, b.get(), "dh(g)", key, OSSL_PKEY_PARAM_FFC_G);
        add_bignum(lines, b.get(), "dh(pub_key)", key, OSSL_PKEY_PARAM_PUB_KEY);
        break;
      default:
        break;
    }
  }
  if (signature != nullptr) {
    lines.push_back("Signature:" +
                    hex_bytes(ASN1_STRING_get0_data(signature),
                              static_cast<std::size_t>(ASN1_STRING_length(signature)), true));
  }
  PEM_write_bio_X509(b.get(), cert);
  lines.push_back("Cert:" + drain(b.get()));
  ERR_clear_error();
  return lines;
}

void CertChainInfo::collect(SSL* ssl) {
  view_ = curl_certinfo{0, nullptr};
  heads_.clear();
  nodes_.clear();
  lines_.clear();
  STACK_OF(X509)* chain = ssl != nullptr ? SSL_get_peer_cert_chain(ssl) : nullptr;
  if (chain == nullptr) return;
  for (int i = 0; i < sk_X509_num(chain); ++i)
    lines_.push_back(certificate_lines(sk_X509_value(chain, i)));
  // Link the lines (their storage no longer moves).
  nodes_.resize(lines_.size());
  heads_.resize(lines_.size(), nullptr);
  for (std::size_t c = 0; c < lines_.size(); ++c) {
    std::vector<curl_slist>& nodes = nodes_[c];
    nodes.resize(lines_[c].size());
    for (std::size_t l = 0; l < nodes.size(); ++l) {
      nodes[l].data = lines_[c][l].data();
      nodes[l].next = l + 1 < nodes.size() ? &nodes[l + 1] : nullptr;
    }
    heads_[c] = nodes.empty() ? nullptr : &nodes[0];
  }
  view_.num_of_certs = static_cast<int>(heads_.size());
  view_.certinfo = heads_.data();
}

}  // namespace mcurl
