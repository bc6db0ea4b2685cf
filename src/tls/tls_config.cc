#include "tls/tls_config.h"

#include <openssl/sha.h>

#include <cstdio>

#include "transfer/options.h"

namespace mcurl {
namespace {

std::string blob_bytes(const BlobValue& b) {
  if (!b.is_set() || b.data() == nullptr) return {};
  return std::string(static_cast<const char*>(b.data()), b.size());
}

// SHA-256 of `bytes` in hex ("" for no bytes).
std::string digest(const std::string& bytes) {
  if (bytes.empty()) return {};
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), md);
  std::string out;
  out.reserve(2 * sizeof md);
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : md) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

// Appends a length-prefixed field so that no two field sequences give the same key.
void field(std::string& key, const std::string& value) {
  key += std::to_string(value.size());
  key += ':';
  key += value;
}

}  // namespace

TlsConfig TlsConfig::from_options(const Options& o) {
  TlsConfig c;
  c.verify_peer = o.ssl_verifypeer != 0;
  c.verify_host = o.ssl_verifyhost != 0;
  c.verify_status = o.ssl_verifystatus != 0;
  c.session_cache = o.ssl_sessionid_cache != 0;
  c.alpn = o.ssl_enable_alpn != 0;
  c.certinfo = o.certinfo != 0;
  c.version = o.sslversion;
  c.ssl_options = o.ssl_options;
  c.ca_file = o.cainfo ? o.cainfo.to_optional() : std::optional<std::string>(kDefaultCaInfo);
  c.ca_path = o.capath ? o.capath.to_optional() : std::optional<std::string>(kDefaultCaPath);
  c.ca_blob = blob_bytes(o.cainfo_blob);
  c.crl_file = o.crlfile.value_or("");
  c.issuer_file = o.issuercert.value_or("");
  c.issuer_blob = blob_bytes(o.issuercert_blob);
  c.pinned_key = o.pinnedpublickey.value_or("");
  c.cert_file = o.sslcert.value_or("");
  c.cert_type = o.sslcerttype.value_or("PEM");
  c.cert_blob = blob_bytes(o.sslcert_blob);
  c.key_file = o.sslkey.value_or("");
  c.key_type = o.sslkeytype.value_or("PEM");
  c.key_blob = blob_bytes(o.sslkey_blob);
  c.has_key_password = o.keypasswd.has_value();
  c.key_password = o.keypasswd.value_or("");
  c.cipher_list = o.ssl_cipher_list.value_or("");
  c.tls13_ciphers = o.tls13_ciphers.value_or("");
  c.curves = o.ssl_ec_curves.value_or("");
  c.ctx_function = o.cold().cb.ssl_ctx;
  c.ctx_data = o.cold().cb.ssl_ctx_data;
  return c;
}

TlsConfig TlsConfig::from_proxy_options(const Options& o) {
  TlsConfig c;
  c.verify_peer = o.proxy_ssl_verifypeer != 0;
  c.verify_host = o.proxy_ssl_verifyhost != 0;
  c.verify_status = false;
  c.session_cache = o.ssl_sessionid_cache != 0;
  c.alpn = false;
  c.certinfo = false;
  c.version = o.proxy_sslversion;
  c.ssl_options = o.proxy_ssl_options;
  c.ca_file =
      o.proxy_cainfo ? o.proxy_cainfo.to_optional() : std::optional<std::string>(kDefaultCaInfo);
  c.ca_path =
      o.proxy_capath ? o.proxy_capath.to_optional() : std::optional<std::string>(kDefaultCaPath);
  c.ca_blob = blob_bytes(o.proxy_cainfo_blob);
  c.crl_file = o.proxy_crlfile.value_or("");
  c.issuer_file = o.proxy_issuercert.value_or("");
  c.issuer_blob = blob_bytes(o.proxy_issuercert_blob);
  c.pinned_key = o.proxy_pinnedpublickey.value_or("");
  c.cert_file = o.proxy_sslcert.value_or("");
  c.cert_type = o.proxy_sslcerttype.value_or("PEM");
  c.cert_blob = blob_bytes(o.proxy_sslcert_blob);
  c.key_file = o.proxy_sslkey.value_or("");
  c.key_type = o.proxy_sslkeytype.value_or("PEM");
  c.key_blob = blob_bytes(o.proxy_sslkey_blob);
  c.has_key_password = o.proxy_keypasswd.has_value();
  c.key_password = o.proxy_keypasswd.value_or("");
  c.cipher_list = o.proxy_ssl_cipher_list.value_or("");
  c.tls13_ciphers = o.proxy_tls13_ciphers.value_or("");
  c.curves = o.ssl_ec_curves.value_or("");
  return c;
}

std::string TlsConfig::key() const {
  std::string k;
  k.reserve(160);
  k += verify_peer ? 'P' : 'p';
  k += verify_host ? 'H' : 'h';
  k += verify_status ? 'S' : 's';
  k += session_cache ? 'C' : 'c';
  k += alpn ? 'A' : 'a';
  k += std::to_string(version);
  k += '/';
  k += std::to_string(ssl_options);
  k += '|';
  field(k, ca_file ? "f" + *ca_file : "-");
  field(k, ca_path ? "d" + *ca_path : "-");
  field(k, digest(ca_blob));
  field(k, crl_file);
  field(k, issuer_file);
  field(k, digest(issuer_blob));
  field(k, pinned_key);
  field(k, cert_file);
  field(k, cert_type);
  field(k, digest(cert_blob));
  field(k, key_file);
  field(k, key_type);
  field(k, digest(key_blob));
  field(k, has_key_password ? digest("pw:" + key_password) : "");
  field(k, cipher_list);
  field(k, tls13_ciphers);
  field(k, curves);
  if (ctx_function != nullptr) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%p/%p", reinterpret_cast<void*>(ctx_function), ctx_data);
    field(k, buf);
  }
  return k;
}

}  // namespace mcurl
