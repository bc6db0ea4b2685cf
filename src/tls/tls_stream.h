// class TlsStream: the TLS layer of one connection, on top of its non-blocking socket.
//
// The handshake runs in steps from the event loop (`handshake` answers CURLE_AGAIN with
// `wants_read()` / `wants_write()` saying what to wait for) and never blocks. After it,
// `check_peer` applies the checks 7.88.1 makes itself: host name, issuer, OCSP status and
// the pinned public key. `send` / `recv` then carry the application data; `recv` keeps
// returning bytes OpenSSL already decrypted before it reports CURLE_AGAIN, so the caller
// that reads until CURLE_AGAIN never waits on the socket for data that has arrived.
//
// The socket is driven through a BIO of ours that sends with MSG_NOSIGNAL: a peer that
// went away never raises SIGPIPE (BEHAVIOUR.md item 110).
//
// Ownership: owned by its Connection; holds shared references to its context and to the
// session cache it reports new sessions to.
// Thread affinity: the multi's thread.
#ifndef MCURL_TLS_TLS_STREAM_H
#define MCURL_TLS_TLS_STREAM_H

#include <openssl/ssl.h>
#include <sys/types.h>

#include <memory>
#include <string>

#include <curl/curl.h>

#include "tls/tls_config.h"
#include "tls/tls_context.h"

namespace mcurl {

class TlsStream;

// What the BIO needs: the descriptor and the errno of its last failed call, or, for TLS
// inside TLS (an https target through an HTTPS proxy), the outer stream that carries the
// records instead of the socket.
struct TlsSocketIo {
  int fd = -1;
  int last_errno = 0;
  TlsStream* outer = nullptr;
};

class TlsStream {
 public:
  TlsStream(std::shared_ptr<TlsContext> ctx, std::shared_ptr<TlsSessionCache> sessions,
            std::string session_key);
  ~TlsStream();
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  // The stream an SSL object belongs to (for OpenSSL's callbacks), or nullptr.
  static TlsStream* from_ssl(const SSL* ssl) noexcept;

  // Prepares the session on the connected socket `fd` for `host` (SNI when it is a name,
  // not an address), ALPN, an OCSP request with CURLOPT_SSL_VERIFYSTATUS and a kept
  // session when one exists. With `outer`, the records go through that established
  // stream (TLS inside the TLS to an HTTPS proxy; `outer` must outlive this stream) and
  // `fd` only names the socket. Errors: CURLE_OUT_OF_MEMORY, CURLE_SSL_CONNECT_ERROR.
  CURLcode start(int fd, const std::string& host, int port, const TlsConfig& cfg, std::string* text,
                 TlsStream* outer = nullptr);

  // One handshake step. CURLE_OK: done. CURLE_AGAIN: wait for the socket (see wants_*).
  // Errors as 7.88.1 maps them: CURLE_PEER_FAILED_VERIFICATION (the chain did not verify),
  // CURLE_SSL_CLIENTCERT (the server wanted a certificate), CURLE_SSL_CONNECT_ERROR; *text
  // names the problem.
  CURLcode handshake(std::string* text);

  // The checks after the handshake: host name (CURLOPT_SSL_VERIFYHOST), issuer
  // (ISSUERCERT), OCSP stapling (SSL_VERIFYSTATUS), pinned key (PINNEDPUBLICKEY).
  // *verify_result gets OpenSSL's chain verification result at the point 7.88.1 reads it
  // (after the host name and issuer checks); it is left alone when those fail.
  CURLcode check_peer(const TlsConfig& cfg, const std::string& host, long* verify_result,
                      std::string* text);

  // As Connection::send / recv. On errors *text says what happened.
  ssize_t send(const char* buf, std::size_t len, CURLcode* err, int* os_errno, std::string* text);
  ssize_t recv(char* buf, std::size_t len, CURLcode* err, int* os_errno, std::string* text);

  // What the last operation that answered CURLE_AGAIN waits for.
  bool wants_read() const noexcept { return want_ == Want::Read; }
  bool wants_write() const noexcept { return want_ == Want::Write; }

  // Sends close_notify if the handshake completed (best effort, never blocks).
  void close_notify() noexcept;

  // The handle using the connection, passed to a share's lock callbacks around the
  // session cache (never dereferenced here).
  void set_lock_easy(CURL* easy) noexcept { lock_easy_ = easy; }

  SSL* ssl() const noexcept { return ssl_; }
  SSL_CTX* ctx() const noexcept { return ctx_ ? ctx_->get() : nullptr; }
  // X509_V_OK or the verification result OpenSSL reached (CURLINFO_SSL_VERIFYRESULT).
  long verify_result() const noexcept;
  bool session_reused() const noexcept;
  // "TLSv1.3 / TLS_AES_256_GCM_SHA384" and the protocol ALPN settled on (may be empty).
  std::string connection_text() const;
  std::string alpn_text() const;

  // OpenSSL's new-session callback: keeps `session` in the cache. True if kept.
  bool keep_session(SSL_SESSION* session) noexcept;

 private:
  enum class Want : unsigned char { None, Read, Write };
  // Maps an SSL_get_error answer for an I/O call; sets want_ on CURLE_AGAIN.
  bool would_block(int ssl_error) noexcept;

  std::shared_ptr<TlsContext> ctx_;
  std::shared_ptr<TlsSessionCache> sessions_;
  std::string session_key_;
  CURL* lock_easy_ = nullptr;  // see set_lock_easy
  bool cache_sessions_ = true;
  SSL* ssl_ = nullptr;
  TlsSocketIo io_;
  std::string host_;
  int port_ = 0;
  Want want_ = Want::None;
  bool done_ = false;
};

}  // namespace mcurl

#endif  // MCURL_TLS_TLS_STREAM_H
