#include "tls/tls_context.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cstring>
#include <new>

#include "tls/tls_stream.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

// The first error OpenSSL queued, as "error:0A000086:SSL routines::..." (the queue is
// emptied).
std::string openssl_error() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "(no error)";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

// OpenSSL's password callback: copies CURLOPT_KEYPASSWD.
int password_cb(char* buf, int size, int /*rwflag*/, void* userdata) {
  const std::string* pw = static_cast<const std::string*>(userdata);
  if (pw == nullptr || size <= 0) return 0;
  int n = static_cast<int>(pw->size());
  if (n >= size) n = size - 1;
  std::memcpy(buf, pw->data(), static_cast<std::size_t>(n));
  buf[n] = '\0';
  return n;
}

int to_openssl_min(long v) {
  switch (v & 0xffff) {
    case CURL_SSLVERSION_TLSv1_1:
      return TLS1_1_VERSION;
    case CURL_SSLVERSION_TLSv1_2:
      return TLS1_2_VERSION;
    case CURL_SSLVERSION_TLSv1_3:
      return TLS1_3_VERSION;
    default:  // DEFAULT, TLSv1, TLSv1_0
      return TLS1_VERSION;
  }
}

int to_openssl_max(long v) {
  switch (v & ~0xffffL) {
    case CURL_SSLVERSION_MAX_TLSv1_0:
      return TLS1_VERSION;
    case CURL_SSLVERSION_MAX_TLSv1_1:
      return TLS1_1_VERSION;
    case CURL_SSLVERSION_MAX_TLSv1_2:
      return TLS1_2_VERSION;
    case CURL_SSLVERSION_MAX_TLSv1_3:
      return TLS1_3_VERSION;
    default:  // NONE, DEFAULT: the highest OpenSSL has
      return 0;
  }
}

// Stores the session OpenSSL hands over after a handshake (and, with TLS 1.3, whenever a
// ticket arrives) in the Multi's session cache.
int on_new_session(SSL* ssl, SSL_SESSION* session) {
  TlsStream* stream = TlsStream::from_ssl(ssl);
  if (stream == nullptr) return 0;
  return stream->keep_session(session) ? 1 : 0;
}

enum class FileType { Pem, Der, P12, Unknown };

FileType file_type(const std::string& type) {
  if (type.empty() || iequals(type, "PEM")) return FileType::Pem;
  if (iequals(type, "DER")) return FileType::Der;
  if (iequals(type, "P12")) return FileType::P12;
  return FileType::Unknown;
}

struct BioFree {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr memory_bio(const std::string& bytes) {
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

}  // namespace

TlsContext::~TlsContext() {
  if (ctx_ != nullptr) SSL_CTX_free(ctx_);
}

CURLcode TlsContext::create(const TlsConfig& cfg, std::shared_ptr<TlsContext>* out,
                            std::string* text) {
  std::shared_ptr<TlsContext> c(new TlsContext());
  CURLcode rc = c->setup(cfg, text);
  if (rc != CURLE_OK) return rc;
  *out = std::move(c);
  return CURLE_OK;
}

CURLcode TlsContext::setup(const TlsConfig& cfg, std::string* text) {
  ERR_clear_error();
  ctx_ = SSL_CTX_new(TLS_client_method());
  if (ctx_ == nullptr) {
    *text = "SSL: couldn't create a context: " + openssl_error();
    return CURLE_OUT_OF_MEMORY;
  }
  SSL_CTX_set_options(ctx_, SSL_OP_ALL | SSL_OP_NO_COMPRESSION);
  if ((cfg.ssl_options & CURLSSLOPT_ALLOW_BEAST) == 0) {
    SSL_CTX_clear_options(ctx_, SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS);
  }
  SSL_CTX_set_mode(ctx_, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  // Read what the socket has (several records at once) instead of each record's header
  // and body separately: about half the recv calls. The reader drains OpenSSL until it
  // wants the socket again, so buffered records never wait for the next event.
  SSL_CTX_set_read_ahead(ctx_, 1);
  SSL_CTX_set_min_proto_version(ctx_, to_openssl_min(cfg.version));
  SSL_CTX_set_max_proto_version(ctx_, to_openssl_max(cfg.version));
  if (cfg.alpn) {
    static const unsigned char kAlpn[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    SSL_CTX_set_alpn_protos(ctx_, kAlpn, sizeof kAlpn);
  }
  password_ = cfg.key_password;
  SSL_CTX_set_default_passwd_cb(ctx_, password_cb);
  SSL_CTX_set_default_passwd_cb_userdata(ctx_, &password_);

  if (cfg.has_client_cert()) {
    CURLcode rc = load_client_cert(cfg, text);
    if (rc != CURLE_OK) return rc;
  }
  if (!cfg.cipher_list.empty() && SSL_CTX_set_cipher_list(ctx_, cfg.cipher_list.c_str()) != 1) {
    ERR_clear_error();
    *text = "failed setting cipher list: " + cfg.cipher_list;
    return CURLE_SSL_CIPHER;
  }
  if (!cfg.tls13_ciphers.empty() &&
      SSL_CTX_set_ciphersuites(ctx_, cfg.tls13_ciphers.c_str()) != 1) {
    ERR_clear_error();
    *text = "failed setting TLS 1.3 cipher suite: " + cfg.tls13_ciphers;
    return CURLE_SSL_CIPHER;
  }
  SSL_CTX_set_post_handshake_auth(ctx_, 1);
  if (!cfg.curves.empty() && SSL_CTX_set1_curves_list(ctx_, cfg.curves.c_str()) != 1) {
    ERR_clear_error();
    *text = "failed setting curves list: '" + cfg.curves + "'";
    return CURLE_SSL_CIPHER;
  }
  // Without peer verification 7.88.1 loads no CA store (CURLINFO_SSL_VERIFYRESULT then
  // says 20 for any chain); the CRL file is still read.
  CURLcode rc = load_trust(cfg, text);
  if (rc != CURLE_OK) return rc;
  SSL_CTX_set_verify(ctx_, cfg.verify_peer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nullptr);
  // Sessions go to the Multi's cache (by connection key), not OpenSSL's internal one.
  SSL_CTX_set_session_cache_mode(ctx_, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL);
  SSL_CTX_sess_set_new_cb(ctx_, on_new_session);
  return CURLE_OK;
}

CURLcode TlsContext::load_trust(const TlsConfig& cfg, std::string* text) {
  X509_STORE* store = SSL_CTX_get_cert_store(ctx_);
  // CURLOPT_CAINFO_BLOB replaces the CA file; the CA directory still counts.
  if (!cfg.verify_peer) {
    // No trust anchors at all (7.88.1 skips them when it does not verify).
  } else if (!cfg.ca_blob.empty()) {
    BioPtr bio = memory_bio(cfg.ca_blob);
    STACK_OF(X509_INFO)* infos =
        bio ? PEM_X509_INFO_read_bio(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    int added = 0;
    if (infos != nullptr) {
      for (int i = 0; i < sk_X509_INFO_num(infos); ++i) {
        X509_INFO* info = sk_X509_INFO_value(infos, i);
        if (info->x509 != nullptr && X509_STORE_add_cert(store, info->x509) == 1) ++added;
        if (info->crl != nullptr) X509_STORE_add_crl(store, info->crl);
      }
      sk_X509_INFO_pop_free(infos, X509_INFO_free);
    }
    ERR_clear_error();
    if (added == 0 && cfg.verify_peer) {
      *text = "error importing CA certificate blob";
      return CURLE_SSL_CACERT_BADFILE;
    }
  } else if (cfg.ca_file && !cfg.ca_file->empty()) {
    if (X509_STORE_load_file(store, cfg.ca_file->c_str()) != 1) {
      ERR_clear_error();
      if (cfg.verify_peer) {
        *text = "error setting certificate file: " + *cfg.ca_file;
        return CURLE_SSL_CACERT_BADFILE;
      }
    }
  }
  if (cfg.verify_peer && cfg.ca_path && !cfg.ca_path->empty()) {
    if (X509_STORE_load_path(store, cfg.ca_path->c_str()) != 1) {
      ERR_clear_error();
      if (cfg.verify_peer) {
        *text = "error setting certificate path: " + *cfg.ca_path;
        return CURLE_SSL_CACERT_BADFILE;
      }
    }
  }
  if (!cfg.crl_file.empty()) {
    X509_LOOKUP* lookup = X509_STORE_add_lookup(store, X509_LOOKUP_file());
    if (lookup == nullptr ||
        X509_load_crl_file(lookup, cfg.crl_file.c_str(), X509_FILETYPE_PEM) <= 0) {
      ERR_clear_error();
      *text = "error loading CRL file: " + cfg.crl_file;
      return CURLE_SSL_CRL_BADFILE;
    }
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  }
  if (cfg.verify_peer) {
    unsigned long flags = X509_V_FLAG_TRUSTED_FIRST;
    if ((cfg.ssl_options & CURLSSLOPT_NO_PARTIALCHAIN) == 0) flags |= X509_V_FLAG_PARTIAL_CHAIN;
    X509_STORE_set_flags(store, flags);
  }
  return CURLE_OK;
}

CURLcode TlsContext::load_client_cert(const TlsConfig& cfg, std::string* text) {
  FileType ctype = file_type(cfg.cert_type);
  const std::string& where = cfg.cert_blob.empty() ? cfg.cert_file : std::string("(memory blob)");
  if (ctype == FileType::Unknown) {
    *text = "not supported file type '" + cfg.cert_type + "' for certificate";
    return CURLE_SSL_CERTPROBLEM;
  }
  auto cert_failed = [&](const char* kind) {
    *text = std::string("could not load ") + kind + " client certificate from " + where +
            ", OpenSSL error " + openssl_error() +
            ", (no key found, wrong pass phrase, or wrong file format?)";
    return CURLE_SSL_CERTPROBLEM;
  };
  if (ctype == FileType::P12) {
    BioPtr bio = cfg.cert_blob.empty() ? BioPtr(BIO_new_file(cfg.cert_file.c_str(), "rb"))
                                       : memory_bio(cfg.cert_blob);
    if (!bio) {
      *text = "could not open PKCS12 file '" + where + "'";
      ERR_clear_error();
      return CURLE_SSL_CERTPROBLEM;
    }
    PKCS12* p12 = d2i_PKCS12_bio(bio.get(), nullptr);
    if (p12 == nullptr) {
      *text = "error reading PKCS12 file '" + where + "'";
      ERR_clear_error();
      return CURLE_SSL_CERTPROBLEM;
    }
    EVP_PKEY* pkey = nullptr;
    X509* x509 = nullptr;
    STACK_OF(X509)* ca = nullptr;
    int ok = PKCS12_parse(p12, cfg.key_password.c_str(), &pkey, &x509, &ca);
    PKCS12_free(p12);
    if (ok != 1) {
      *text = "could not parse PKCS12 file, check password, " + openssl_error();
      return CURLE_SSL_CERTPROBLEM;
    }
    CURLcode rc = CURLE_OK;
    if (SSL_CTX_use_certificate(ctx_, x509) != 1) {
      *text = "could not load PKCS12 client certificate, OpenSSL error " + openssl_error();
      rc = CURLE_SSL_CERTPROBLEM;
    } else if (SSL_CTX_use_PrivateKey(ctx_, pkey) != 1) {
      *text = "unable to use private key from PKCS12 file '" + where + "'";
      ERR_clear_error();
      rc = CURLE_SSL_CERTPROBLEM;
    } else {
      for (int i = 0; ca != nullptr && i < sk_X509_num(ca); ++i) {
        X509* extra = sk_X509_value(ca, i);
        X509_up_ref(extra);
        if (SSL_CTX_add_extra_chain_cert(ctx_, extra) != 1) X509_free(extra);
      }
    }
    X509_free(x509);
    EVP_PKEY_free(pkey);
    sk_X509_pop_free(ca, X509_free);
    if (rc != CURLE_OK) return rc;
  } else if (!cfg.cert_blob.empty()) {
    BioPtr bio = memory_bio(cfg.cert_blob);
    X509* x509 = nullptr;
    if (bio) {
      x509 = ctype == FileType::Der
                 ? d2i_X509_bio(bio.get(), nullptr)
                 : PEM_read_bio_X509(bio.get(), nullptr, password_cb, &password_);
    }
    if (x509 == nullptr) return cert_failed(ctype == FileType::Der ? "ASN1" : "PEM");
    int ok = SSL_CTX_use_certificate(ctx_, x509);
    X509_free(x509);
    if (ok != 1) return cert_failed(ctype == FileType::Der ? "ASN1" : "PEM");
    if (ctype == FileType::Pem) {
      // Further certificates in the blob are the chain.
      while (X509* extra = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        if (SSL_CTX_add_extra_chain_cert(ctx_, extra) != 1) X509_free(extra);
      }
      ERR_clear_error();
    }
  } else if (ctype == FileType::Der) {
    if (SSL_CTX_use_certificate_file(ctx_, cfg.cert_file.c_str(), SSL_FILETYPE_ASN1) != 1) {
      return cert_failed("ASN1");
    }
  } else {
    if (SSL_CTX_use_certificate_chain_file(ctx_, cfg.cert_file.c_str()) != 1) {
      return cert_failed("PEM");
    }
  }

  // The key: its own file or blob, else the certificate's (a PEM file may hold both).
  if (ctype != FileType::P12 || !cfg.key_file.empty() || !cfg.key_blob.empty()) {
    FileType ktype = file_type(cfg.key_type);
    if (ktype == FileType::Unknown || ktype == FileType::P12) {
      *text = "not supported file type '" + cfg.key_type + "' for private key";
      return CURLE_SSL_CERTPROBLEM;
    }
    bool ok = false;
    std::string key_where;
    if (!cfg.key_blob.empty() || (cfg.key_file.empty() && !cfg.cert_blob.empty())) {
      const std::string& bytes = cfg.key_blob.empty() ? cfg.cert_blob : cfg.key_blob;
      BioPtr bio = memory_bio(bytes);
      EVP_PKEY* pkey = nullptr;
      if (bio) {
        pkey = ktype == FileType::Der
                   ? d2i_PrivateKey_bio(bio.get(), nullptr)
                   : PEM_read_bio_PrivateKey(bio.get(), nullptr, password_cb, &password_);
      }
      if (pkey != nullptr) {
        ok = SSL_CTX_use_PrivateKey(ctx_, pkey) == 1;
        EVP_PKEY_free(pkey);
      }
      key_where = "(memory blob)";
    } else {
      const std::string& file = cfg.key_file.empty() ? cfg.cert_file : cfg.key_file;
      ok = SSL_CTX_use_PrivateKey_file(
               ctx_, file.c_str(), ktype == FileType::Der ? SSL_FILETYPE_ASN1 : SSL_FILETYPE_PEM) ==
           1;
      key_where = file;
    }
    if (!ok) {
      ERR_clear_error();
      *text = "unable to set private key file: '" + key_where + "' type " +
              (cfg.key_type.empty() ? std::string("PEM") : cfg.key_type);
      return CURLE_SSL_CERTPROBLEM;
    }
  }
  if (SSL_CTX_check_private_key(ctx_) != 1) {
    ERR_clear_error();
    *text = "Private key does not match the certificate public key";
    return CURLE_SSL_CERTPROBLEM;
  }
  return CURLE_OK;
}

// --- TlsContextCache -----------------------------------------------------------------------

CURLcode TlsContextCache::get(const TlsConfig& cfg, const std::string& key,
                              std::shared_ptr<TlsContext>* out, std::string* text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cfg.ctx_function == nullptr) {
    auto it = contexts_.find(key);
    if (it != contexts_.end()) {
      *out = it->second;
      return CURLE_OK;
    }
  }
  std::shared_ptr<TlsContext> ctx;
  CURLcode rc = TlsContext::create(cfg, &ctx, text);
  if (rc != CURLE_OK) return rc;
  if (cfg.ctx_function == nullptr) contexts_.emplace(key, ctx);
  *out = std::move(ctx);
  return CURLE_OK;
}

// --- TlsSessionCache -----------------------------------------------------------------------

TlsSessionCache::~TlsSessionCache() {
  for (auto& [key, e] : sessions_) SSL_SESSION_free(e.session);
}

SSL_SESSION* TlsSessionCache::find(const std::string& key, CURL* easy) const {
  AppLock app(*this, easy);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return nullptr;
  SSL_SESSION_up_ref(it->second.session);
  return it->second.session;
}

void TlsSessionCache::store(const std::string& key, SSL_SESSION* session, CURL* easy) {
  AppLock app(*this, easy);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(key);
  if (it != sessions_.end()) {
    SSL_SESSION_free(it->second.session);
    it->second.session = session;
    order_.splice(order_.end(), order_, it->second.age);
    return;
  }
  while (sessions_.size() >= kMaxSessions && !order_.empty()) {
    std::string oldest = order_.front();
    forget_locked(oldest);
  }
  order_.push_back(key);
  try {
    sessions_.emplace(key, Entry{session, std::prev(order_.end())});
  } catch (...) {
    order_.pop_back();  // the caller still owns `session`
    throw;
  }
}

void TlsSessionCache::forget(const std::string& key, CURL* easy) noexcept {
  AppLock app(*this, easy);
  std::lock_guard<std::mutex> lock(mutex_);
  forget_locked(key);
}

void TlsSessionCache::forget_locked(const std::string& key) noexcept {
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return;
  SSL_SESSION_free(it->second.session);
  order_.erase(it->second.age);
  sessions_.erase(it);
}

}  // namespace mcurl
