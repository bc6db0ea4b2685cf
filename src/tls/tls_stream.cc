#include "tls/tls_stream.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <new>

#include "tls/tls_verify.h"

namespace mcurl {
namespace {

// --- the socket BIO: send with MSG_NOSIGNAL, recv, retry flags on EAGAIN ----------------

// TLS inside TLS: the outer stream's would-block becomes this BIO's retry flag, in the
// direction the outer stream waits for (it may need to read in order to write).
void outer_retry(BIO* b, const TlsStream* outer) {
  if (outer->wants_read()) {
    BIO_set_retry_read(b);
  } else {
    BIO_set_retry_write(b);
  }
}

int bio_write(BIO* b, const char* buf, int len) {
  auto* io = static_cast<TlsSocketIo*>(BIO_get_data(b));
  BIO_clear_retry_flags(b);
  if (io->outer != nullptr) {
    CURLcode err = CURLE_OK;
    int os_errno = 0;
    std::string text;
    ssize_t n = -1;
    try {
      n = io->outer->send(buf, static_cast<std::size_t>(len), &err, &os_errno, &text);
    } catch (...) {
      return -1;
    }
    if (n >= 0) return static_cast<int>(n);
    if (err == CURLE_AGAIN) {
      outer_retry(b, io->outer);
    } else {
      io->last_errno = os_errno != 0 ? os_errno : ECONNRESET;
    }
    return -1;
  }
  for (;;) {
    ssize_t n = ::send(io->fd, buf, static_cast<std::size_t>(len), MSG_NOSIGNAL);
    if (n >= 0) return static_cast<int>(n);
    if (errno == EINTR) continue;
    io->last_errno = errno;
    if (errno == EAGAIN || errno == EWOULDBLOCK) BIO_set_retry_write(b);
    return -1;
  }
}

int bio_read(BIO* b, char* buf, int len) {
  auto* io = static_cast<TlsSocketIo*>(BIO_get_data(b));
  BIO_clear_retry_flags(b);
  if (buf == nullptr) return 0;
  if (io->outer != nullptr) {
    CURLcode err = CURLE_OK;
    int os_errno = 0;
    std::string text;
    ssize_t n = -1;
    try {
      n = io->outer->recv(buf, static_cast<std::size_t>(len), &err, &os_errno, &text);
    } catch (...) {
      return -1;
    }
    if (n >= 0) {
      if (n == 0) io->last_errno = 0;
      return static_cast<int>(n);
    }
    if (err == CURLE_AGAIN) {
      outer_retry(b, io->outer);
    } else {
      io->last_errno = os_errno != 0 ? os_errno : ECONNRESET;
    }
    return -1;
  }
  for (;;) {
    ssize_t n = ::recv(io->fd, buf, static_cast<std::size_t>(len), 0);
    if (n >= 0) {
      if (n == 0) io->last_errno = 0;
      return static_cast<int>(n);
    }
    if (errno == EINTR) continue;
    io->last_errno = errno;
    if (errno == EAGAIN || errno == EWOULDBLOCK) BIO_set_retry_read(b);
    return -1;
  }
}

long bio_ctrl(BIO* b, int cmd, long /*num*/, void* ptr) {
  switch (cmd) {
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
      return 1;
    case BIO_C_GET_FD: {
      // SSL_get_fd on the SSL* an application got through CURLINFO_TLS_SSL_PTR.
      auto* io = static_cast<TlsSocketIo*>(BIO_get_data(b));
      if (io == nullptr) return -1;
      if (ptr != nullptr) *static_cast<int*>(ptr) = io->fd;
      return io->fd;
    }
    default:
      return 0;
  }
}

int bio_create(BIO* b) {
  BIO_set_init(b, 1);
  return 1;
}

int bio_destroy(BIO* b) {
  BIO_set_data(b, nullptr);
  return 1;
}

BIO_METHOD* socket_method() {
  static BIO_METHOD* const method = [] {
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "mcurl socket");
    if (m != nullptr) {
      BIO_meth_set_write(m, bio_write);
      BIO_meth_set_read(m, bio_read);
      BIO_meth_set_ctrl(m, bio_ctrl);
      BIO_meth_set_create(m, bio_create);
      BIO_meth_set_destroy(m, bio_destroy);
    }
    return m;
  }();
  return method;
}

int stream_index() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

// "OpenSSL/3.0.19: error:0A00042E:SSL routines::tlsv1 alert protocol version": the
// library and OpenSSL's text of error `e`, as 7.88.1 writes them.
std::string error_string(unsigned long e) {
  static const std::string library = [] {
    // OpenSSL_version(OPENSSL_VERSION) reads "OpenSSL 3.0.19 27 Jan 2026".
    std::string v = OpenSSL_version(OPENSSL_VERSION);
    std::size_t sp = v.find(' ');
    if (sp == std::string::npos) return v;
    std::size_t end = v.find(' ', sp + 1);
    return v.substr(0, sp) + "/" + v.substr(sp + 1, end == std::string::npos ? end : end - sp - 1);
  }();
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return library + ": " + buf;
}

const char* ssl_error_name(int e) {
  switch (e) {
    case SSL_ERROR_NONE:
      return "SSL_ERROR_NONE";
    case SSL_ERROR_SSL:
      return "SSL_ERROR_SSL";
    case SSL_ERROR_WANT_READ:
      return "SSL_ERROR_WANT_READ";
    case SSL_ERROR_WANT_WRITE:
      return "SSL_ERROR_WANT_WRITE";
    case SSL_ERROR_WANT_X509_LOOKUP:
      return "SSL_ERROR_WANT_X509_LOOKUP";
    case SSL_ERROR_SYSCALL:
      return "SSL_ERROR_SYSCALL";
    case SSL_ERROR_ZERO_RETURN:
      return "SSL_ERROR_ZERO_RETURN";
    case SSL_ERROR_WANT_CONNECT:
      return "SSL_ERROR_WANT_CONNECT";
    case SSL_ERROR_WANT_ACCEPT:
      return "SSL_ERROR_WANT_ACCEPT";
    default:
      return "SSL_ERROR unknown";
  }
}

}  // namespace

TlsStream::TlsStream(std::shared_ptr<TlsContext> ctx, std::shared_ptr<TlsSessionCache> sessions,
                     std::string session_key)
    : ctx_(std::move(ctx)), sessions_(std::move(sessions)), session_key_(std::move(session_key)) {}

TlsStream::~TlsStream() {
  if (ssl_ != nullptr) SSL_free(ssl_);  // frees the BIO too
}

TlsStream* TlsStream::from_ssl(const SSL* ssl) noexcept {
  int idx = stream_index();
  if (ssl == nullptr || idx < 0) return nullptr;
  return static_cast<TlsStream*>(SSL_get_ex_data(ssl, idx));
}

CURLcode TlsStream::start(int fd, const std::string& host, int port, const TlsConfig& cfg,
                          std::string* text, TlsStream* outer) {
  ERR_clear_error();
  host_ = host;
  port_ = port;
  cache_sessions_ = cfg.session_cache;
  io_.fd = fd;
  io_.outer = outer;
  ssl_ = SSL_new(ctx_->get());
  BIO_METHOD* method = socket_method();
  BIO* bio = method != nullptr ? BIO_new(method) : nullptr;
  if (ssl_ == nullptr || bio == nullptr) {
    if (bio != nullptr) BIO_free(bio);
    ERR_clear_error();
    *text = "SSL: couldn't create a context (handle)!";
    return CURLE_OUT_OF_MEMORY;
  }
  BIO_set_data(bio, &io_);
  SSL_set_bio(ssl_, bio, bio);
  SSL_set_ex_data(ssl_, stream_index(), this);
  SSL_set_connect_state(ssl_);
  if (cfg.verify_status) SSL_set_tlsext_status_type(ssl_, TLSEXT_STATUSTYPE_ocsp);
  if (!tls_host_is_address(host) && SSL_set_tlsext_host_name(ssl_, host.c_str()) != 1) {
    ERR_clear_error();
    *text = "Failed set SNI";
    return CURLE_SSL_CONNECT_ERROR;
  }
  if (cache_sessions_ && sessions_) {
    if (SSL_SESSION* s = sessions_->find(session_key_, lock_easy_)) {
      if (SSL_set_session(ssl_, s) != 1) ERR_clear_error();
      SSL_SESSION_free(s);  // SSL_set_session took its own reference
    }
  }
  return CURLE_OK;
}

bool TlsStream::would_block(int ssl_error) noexcept {
  if (ssl_error == SSL_ERROR_WANT_READ) {
    want_ = Want::Read;
    return true;
  }
  if (ssl_error == SSL_ERROR_WANT_WRITE) {
    want_ = Want::Write;
    return true;
  }
  return false;
}

CURLcode TlsStream::handshake(std::string* text) {
  ERR_clear_error();
  io_.last_errno = 0;
  int r = SSL_connect(ssl_);
  if (r == 1) {
    want_ = Want::None;
    done_ = true;
    return CURLE_OK;
  }
  int detail = SSL_get_error(ssl_, r);
  if (would_block(detail)) return CURLE_AGAIN;
  want_ = Want::None;
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  int lib = ERR_GET_LIB(e);
  int reason = ERR_GET_REASON(e);
  if (lib == ERR_LIB_SSL && (reason == SSL_R_CERTIFICATE_VERIFY_FAILED ||
                             reason == SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED)) {
    long v = SSL_get_verify_result(ssl_);
    if (v != X509_V_OK) {
      *text = std::string("SSL certificate problem: ") + X509_verify_cert_error_string(v);
    } else {
      *text = "SSL certificate verification failed";
    }
    return CURLE_PEER_FAILED_VERIFICATION;
  }
  if (lib == ERR_LIB_SSL && reason == SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED) {
    *text = error_string(e);
    return CURLE_SSL_CLIENTCERT;
  }
  if (e == 0) {
    const char* what = io_.last_errno != 0 && detail == SSL_ERROR_SYSCALL
                           ? std::strerror(io_.last_errno)
                           : ssl_error_name(detail);
    *text = std::string("OpenSSL SSL_connect: ") + what + " in connection to " + host_ + ":" +
            std::to_string(port_) + " ";
    return CURLE_SSL_CONNECT_ERROR;
  }
  *text = error_string(e);
  return CURLE_SSL_CONNECT_ERROR;
}

CURLcode TlsStream::check_peer(const TlsConfig& cfg, const std::string& host, long* verify_result,
                               std::string* text) {
  X509* cert = SSL_get1_peer_certificate(ssl_);
  if (cert == nullptr) {
    if (!cfg.verify_peer && !cfg.verify_host && cfg.pinned_key.empty()) {
      *verify_result = SSL_get_verify_result(ssl_);
      return CURLE_OK;
    }
    *text = "No certificate";
    return CURLE_PEER_FAILED_VERIFICATION;
  }
  CURLcode rc = CURLE_OK;
  if (cfg.verify_host) rc = tls_check_host(cert, host, text);
  if (rc == CURLE_OK && (!cfg.issuer_file.empty() || !cfg.issuer_blob.empty())) {
    rc = tls_check_issuer(cert, cfg.issuer_file, cfg.issuer_blob, text);
  }
  if (rc == CURLE_OK) *verify_result = SSL_get_verify_result(ssl_);
  if (rc == CURLE_OK && cfg.verify_peer && SSL_get_verify_result(ssl_) != X509_V_OK) {
    long v = SSL_get_verify_result(ssl_);
    *text = std::string("SSL certificate verify result: ") + X509_verify_cert_error_string(v) +
            " (" + std::to_string(v) + ")";
    rc = CURLE_PEER_FAILED_VERIFICATION;
  }
  if (rc == CURLE_OK && cfg.verify_status) rc = tls_check_ocsp(ssl_, cert, text);
  if (rc == CURLE_OK && !cfg.pinned_key.empty())
    rc = tls_check_pinned_key(cert, cfg.pinned_key, text);
  X509_free(cert);
  return rc;
}

ssize_t TlsStream::send(const char* buf, std::size_t len, CURLcode* err, int* os_errno,
                        std::string* text) {
  if (len == 0) return 0;
  ERR_clear_error();
  io_.last_errno = 0;
  int n = SSL_write(ssl_, buf, len > 0x7fffffff ? 0x7fffffff : static_cast<int>(len));
  if (n > 0) {
    want_ = Want::None;
    return n;
  }
  int detail = SSL_get_error(ssl_, n);
  if (would_block(detail)) {
    *err = CURLE_AGAIN;
    return -1;
  }
  want_ = Want::None;
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  *os_errno = io_.last_errno;
  if (detail == SSL_ERROR_SYSCALL) {
    std::string what = e != 0                ? error_string(e)
                       : io_.last_errno != 0 ? std::string(std::strerror(io_.last_errno))
                                             : std::string(ssl_error_name(detail));
    *text = "OpenSSL SSL_write: " + what + ", errno " + std::to_string(io_.last_errno);
  } else {
    *text = "SSL_write() error: " + error_string(e);
  }
  *err = CURLE_SEND_ERROR;
  return -1;
}

ssize_t TlsStream::recv(char* buf, std::size_t len, CURLcode* err, int* os_errno,
                        std::string* text) {
  ERR_clear_error();
  io_.last_errno = 0;
  int n = SSL_read(ssl_, buf, len > 0x7fffffff ? 0x7fffffff : static_cast<int>(len));
  if (n > 0) {
    want_ = Want::None;
    return n;
  }
  int detail = SSL_get_error(ssl_, n);
  if (would_block(detail)) {
    *err = CURLE_AGAIN;
    return -1;
  }
  want_ = Want::None;
  if (detail == SSL_ERROR_ZERO_RETURN) return 0;  // close_notify
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (detail == SSL_ERROR_SYSCALL && e == 0 && io_.last_errno == 0) return 0;  // plain EOF
  if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
    return 0;  // the peer closed without close_notify: the HTTP framing decides
  }
  *os_errno = io_.last_errno;
  std::string what = e != 0 ? error_string(e)
                            : std::string(io_.last_errno != 0 ? std::strerror(io_.last_errno)
                                                              : ssl_error_name(detail));
  *text = "OpenSSL SSL_read: " + what + ", errno " + std::to_string(io_.last_errno);
  *err = CURLE_RECV_ERROR;
  return -1;
}

void TlsStream::close_notify() noexcept {
  if (ssl_ == nullptr || !done_) return;
  ERR_clear_error();
  SSL_shutdown(ssl_);  // one non-blocking attempt; the answer is not awaited
  ERR_clear_error();
  done_ = false;
}

long TlsStream::verify_result() const noexcept {
  return ssl_ != nullptr ? SSL_get_verify_result(ssl_) : X509_V_OK;
}

bool TlsStream::session_reused() const noexcept {
  return ssl_ != nullptr && SSL_session_reused(ssl_) == 1;
}

std::string TlsStream::connection_text() const {
  if (ssl_ == nullptr) return {};
  const char* cipher = SSL_get_cipher_name(ssl_);
  return std::string(SSL_get_version(ssl_)) + " / " + (cipher != nullptr ? cipher : "(none)");
}

std::string TlsStream::alpn_text() const {
  const unsigned char* proto = nullptr;
  unsigned int len = 0;
  if (ssl_ != nullptr) SSL_get0_alpn_selected(ssl_, &proto, &len);
  return proto != nullptr ? std::string(reinterpret_cast<const char*>(proto), len) : std::string();
}

bool TlsStream::keep_session(SSL_SESSION* session) noexcept {
  if (!cache_sessions_ || !sessions_) return false;
  try {
    sessions_->store(session_key_, session, lock_easy_);
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace mcurl
