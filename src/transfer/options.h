// struct Options: everything curl_easy_setopt stored on one easy handle, typed.
//
// Ownership is in the types (STYLE.md §5.6):
//   * strings the application passes are copied: OptString (util/opt_string.h, an
//     optional string in one pointer), where unset is "never set / set to NULL" and
//     differs from "";
//   * CURLOPT_POSTFIELDS is borrowed (the application keeps the bytes alive until the
//     transfer is done); CURLOPT_COPYPOSTFIELDS is copied;
//   * lists (HTTPHEADER, QUOTE, RESOLVE, …), CURLU, HTTPPOST, MIMEPOST, STDERR, the
//     error buffer and every callback data pointer are borrowed: Borrowed<T> never frees;
//   * blobs are copied when the application passes CURL_BLOB_COPY, borrowed otherwise.
//
// `set` is the one entry point that decodes a setopt call (the facade turns the va_list
// into an OptArg first, src/api/varargs.h); it answers exactly what libcurl 7.88.1 (the
// Debian OpenSSL build, every protocol enabled) answers, and leaves the stored value
// unchanged when it rejects one. Options is a value type: copying it is what
// curl_easy_duphandle does (strings deep-copied, borrowed things still borrowed), and
// `reset()` is curl_easy_reset.
//
// Thread affinity: the owning handle's (one thread at a time). Nothing here calls into
// the application.
//
// Tests: tests/unit/transfer/options_test.cc, tests/conformance/setopt_matrix.c
#ifndef MCURL_TRANSFER_OPTIONS_H
#define MCURL_TRANSFER_OPTIONS_H

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <curl/curl.h>

#include "util/opt_string.h"

namespace mcurl {

// One decoded curl_easy_setopt argument. The facade reads the va_list once, by the
// option number's type range (LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000, OFF_T
// 30000, BLOB 40000), and fills the matching field; `None` means the number is in no
// range and nothing was read.
struct OptArg {
  enum class Kind { None, Long, Ptr, Func, OffT };
  using AnyFn = void (*)();

  Kind kind = Kind::None;
  long l = 0;
  void* p = nullptr;
  AnyFn f = nullptr;
  curl_off_t o = 0;

  static OptArg of_long(long v) noexcept { return {Kind::Long, v, nullptr, nullptr, 0}; }
  static OptArg of_ptr(void* v) noexcept { return {Kind::Ptr, 0, v, nullptr, 0}; }
  static OptArg of_func(AnyFn v) noexcept { return {Kind::Func, 0, nullptr, v, 0}; }
  static OptArg of_off(curl_off_t v) noexcept { return {Kind::OffT, 0, nullptr, nullptr, v}; }
};

// The type range an option number belongs to (what decides how its argument is read).
OptArg::Kind arg_kind_of(CURLoption option) noexcept;

// A pointer the application owns and keeps alive; Options never frees it.
template <class T>
struct Borrowed {
  T* ptr = nullptr;
  explicit operator bool() const noexcept { return ptr != nullptr; }
  T* get() const noexcept { return ptr; }
};

// A CURLOPT_*_BLOB value: either a copy (CURL_BLOB_COPY) or the application's bytes.
// One pointer while unset (most handles set no blob); copying deep-copies a copied blob.
class BlobValue {
 public:
  BlobValue() noexcept = default;
  BlobValue(const BlobValue& other) : v_(other.v_ ? std::make_unique<Value>(*other.v_) : nullptr) {}
  BlobValue(BlobValue&&) noexcept = default;
  BlobValue& operator=(const BlobValue& other) {
    if (this != &other) v_ = other.v_ ? std::make_unique<Value>(*other.v_) : nullptr;
    return *this;
  }
  BlobValue& operator=(BlobValue&&) noexcept = default;

  bool is_set() const noexcept { return v_ != nullptr; }
  const void* data() const noexcept {
    return !v_ ? nullptr : v_->copied ? v_->copy.data() : v_->borrowed;
  }
  std::size_t size() const noexcept { return !v_ ? 0 : v_->copied ? v_->copy.size() : v_->size; }
  bool is_copy() const noexcept { return v_ && v_->copied; }

  void clear() noexcept { v_.reset(); }
  // Stores `b` (copying its bytes when b.flags has CURL_BLOB_COPY). May throw bad_alloc.
  void assign(const curl_blob& b);

 private:
  struct Value {
    bool copied = false;
    std::string copy;
    const void* borrowed = nullptr;
    std::size_t size = 0;
  };
  std::unique_ptr<Value> v_;
};

// The request method chosen by POST/POSTFIELDS/HTTPPOST/MIMEPOST/UPLOAD/PUT/HTTPGET/NOBODY,
// as 7.88.1 tracks it (CUSTOMREQUEST overrides the word, not this).
enum class HttpMethod { Get, Post, PostForm, PostMime, Put, Head };

// The application's callbacks and their data pointers (all borrowed): those of every
// transfer; the rest are in ColdCallbacks.
struct Callbacks {
  curl_write_callback write = nullptr;  // nullptr: fwrite to write_data (a FILE*)
  void* write_data = nullptr;           // CURLOPT_WRITEDATA / FILE
  curl_read_callback read = nullptr;    // nullptr: fread from read_data (a FILE*)
  void* read_data = nullptr;            // CURLOPT_READDATA / INFILE
  curl_write_callback header = nullptr;
  void* header_data = nullptr;  // CURLOPT_HEADERDATA / WRITEHEADER
  curl_progress_callback progress = nullptr;
  curl_xferinfo_callback xferinfo = nullptr;
  void* progress_data = nullptr;  // PROGRESSDATA and XFERINFODATA are one pointer
  curl_debug_callback debug = nullptr;
  void* debug_data = nullptr;
};

// Long options stored as given (after the range check in setopt.cc):
//   X(OPTION, member, default)
// Options with a range check, a clamp or side effects are members of their own below.
#define MCURL_PLAIN_LONG_OPTIONS(X)                                          \
  X(APPEND, append, 0L)                                                      \
  X(AUTOREFERER, autoreferer, 0L)                                            \
  X(CERTINFO, certinfo, 0L)                                                  \
  X(CONNECTTIMEOUT_MS, connecttimeout_ms, 0L)                                \
  X(CONNECT_ONLY, connect_only, 0L)                                          \
  X(DISALLOW_USERNAME_IN_URL, disallow_username_in_url, 0L)                  \
  X(DNS_CACHE_TIMEOUT, dns_cache_timeout, 60L)                               \
  X(FAILONERROR, failonerror, 0L)                                            \
  X(FILETIME, filetime, 0L)                                                  \
  X(FOLLOWLOCATION, followlocation, 0L)                                      \
  X(FORBID_REUSE, forbid_reuse, 0L)                                          \
  X(FRESH_CONNECT, fresh_connect, 0L)                                        \
  X(HAPPY_EYEBALLS_TIMEOUT_MS, happy_eyeballs_timeout_ms, 200L)              \
  X(HAPROXYPROTOCOL, haproxyprotocol, 0L)                                    \
  X(HEADER, header, 0L)                                                      \
  X(HEADEROPT, headeropt, 1L)                                                \
  X(HTTP09_ALLOWED, http09_allowed, 0L)                                      \
  X(HTTPPROXYTUNNEL, httpproxytunnel, 0L)                                    \
  X(IPRESOLVE, ipresolve, 0L)                                                \
  X(LOCALPORT, localport, 0L)                                                \
  X(LOCALPORTRANGE, localportrange, 1L)                                      \
  X(LOW_SPEED_LIMIT, low_speed_limit, 0L)                                    \
  X(LOW_SPEED_TIME, low_speed_time, 0L)                                      \
  X(MAXAGE_CONN, maxage_conn, 118L)                                          \
  X(MAXCONNECTS, maxconnects, 5L)                                            \
  X(MAXLIFETIME_CONN, maxlifetime_conn, 0L)                                  \
  X(MAXREDIRS, maxredirs, -1L)                                               \
  X(MIME_OPTIONS, mime_options, 0L)                                          \
  X(NETRC, netrc, 0L)                                                        \
  X(NOPROGRESS, noprogress, 1L)                                              \
  X(PATH_AS_IS, path_as_is, 0L)                                              \
  X(PORT, port, 0L)                                                          \
  X(PROTOCOLS, protocols, long(CURLPROTO_ALL))                               \
  X(PROXYPORT, proxyport, 0L)                                                \
  X(PROXYTYPE, proxytype, long(CURLPROXY_HTTP))                              \
  X(PROXY_SSL_OPTIONS, proxy_ssl_options, 0L)                                \
  X(PROXY_SSL_VERIFYHOST, proxy_ssl_verifyhost, 2L)                          \
  X(PROXY_SSL_VERIFYPEER, proxy_ssl_verifypeer, 1L)                          \
  X(PROXY_TRANSFER_MODE, proxy_transfer_mode, 0L)                            \
  X(REDIR_PROTOCOLS, redir_protocols,                                        \
    long(CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FTP | CURLPROTO_FTPS)) \
  X(RTSP_CLIENT_CSEQ, rtsp_client_cseq, 0L)                                  \
  X(RTSP_SERVER_CSEQ, rtsp_server_cseq, 0L)                                  \
  X(SOCKS5_GSSAPI_NEC, socks5_gssapi_nec, 0L)                                \
  X(SSL_ENABLE_ALPN, ssl_enable_alpn, 1L)                                    \
  X(SSL_OPTIONS, ssl_options, 0L)                                            \
  X(SSL_SESSIONID_CACHE, ssl_sessionid_cache, 1L)                            \
  X(SSL_VERIFYHOST, ssl_verifyhost, 2L)                                      \
  X(SSL_VERIFYPEER, ssl_verifypeer, 1L)                                      \
  X(SSL_VERIFYSTATUS, ssl_verifystatus, 0L)                                  \
  X(SUPPRESS_CONNECT_HEADERS, suppress_connect_headers, 0L)                  \
  X(TCP_KEEPALIVE, tcp_keepalive, 0L)                                        \
  X(TCP_KEEPIDLE, tcp_keepidle, 60L)                                         \
  X(TCP_KEEPINTVL, tcp_keepintvl, 60L)                                       \
  X(TCP_NODELAY, tcp_nodelay, 1L)                                            \
  X(TIMEOUT_MS, timeout_ms, 0L)                                              \
  X(TRANSFER_ENCODING, transfer_encoding, 0L)                                \
  X(VERBOSE, verbose, 0L)
// The same for options no code reads yet (protocols and features mcurl does not
// implement: FTP, SSH, mail, RTSP, TFTP, DoH, HSTS, ...) and for options read in one
// place that applications rarely set: kept in ColdOptions, out of line.
#define MCURL_COLD_LONG_OPTIONS(X)                              \
  X(ACCEPTTIMEOUT_MS, accepttimeout_ms, 60000L)                 \
  X(ADDRESS_SCOPE, address_scope, 0L)                           \
  X(CA_CACHE_TIMEOUT, ca_cache_timeout, 86400L)                 \
  X(COOKIESESSION, cookiesession, 0L)                           \
  X(CRLF, crlf, 0L)                                             \
  X(DIRLISTONLY, dirlistonly, 0L)                               \
  X(DNS_SHUFFLE_ADDRESSES, dns_shuffle_addresses, 0L)           \
  X(DNS_USE_GLOBAL_CACHE, dns_use_global_cache, 0L)             \
  X(DOH_SSL_VERIFYHOST, doh_ssl_verifyhost, 2L)                 \
  X(DOH_SSL_VERIFYPEER, doh_ssl_verifypeer, 1L)                 \
  X(DOH_SSL_VERIFYSTATUS, doh_ssl_verifystatus, 0L)             \
  X(EXPECT_100_TIMEOUT_MS, expect_100_timeout_ms, 1000L)        \
  X(FTPSSLAUTH, ftpsslauth, 0L)                                 \
  X(FTP_CREATE_MISSING_DIRS, ftp_create_missing_dirs, 0L)       \
  X(FTP_FILEMETHOD, ftp_filemethod, 1L)                         \
  X(FTP_SKIP_PASV_IP, ftp_skip_pasv_ip, 1L)                     \
  X(FTP_SSL_CCC, ftp_ssl_ccc, 0L)                               \
  X(FTP_USE_EPRT, ftp_use_eprt, 1L)                             \
  X(FTP_USE_EPSV, ftp_use_epsv, 1L)                             \
  X(FTP_USE_PRET, ftp_use_pret, 0L)                             \
  X(GSSAPI_DELEGATION, gssapi_delegation, 0L)                   \
  X(HSTS_CTRL, hsts_ctrl, 0L)                                   \
  X(HTTP_CONTENT_DECODING, http_content_decoding, 1L)           \
  X(HTTP_TRANSFER_DECODING, http_transfer_decoding, 1L)         \
  X(IGNORE_CONTENT_LENGTH, ignore_content_length, 0L)           \
  X(KEEP_SENDING_ON_ERROR, keep_sending_on_error, 0L)           \
  X(MAIL_RCPT_ALLLOWFAILS, mail_rcpt_allowfails, 0L)            \
  X(NEW_DIRECTORY_PERMS, new_directory_perms, 0755L)            \
  X(NEW_FILE_PERMS, new_file_perms, 0644L)                      \
  X(NOSIGNAL, nosignal, 0L)                                     \
  X(PIPEWAIT, pipewait, 0L)                                     \
  X(POSTREDIR, postredir, 0L)                                   \
  X(QUICK_EXIT, quick_exit, 0L)                                 \
  X(RTSP_REQUEST, rtsp_request, long(CURL_RTSPREQ_OPTIONS))     \
  X(SASL_IR, sasl_ir, 0L)                                       \
  X(SSH_AUTH_TYPES, ssh_auth_types, long(CURLSSH_AUTH_DEFAULT)) \
  X(SSH_COMPRESSION, ssh_compression, 0L)                       \
  X(SSLENGINE_DEFAULT, sslengine_default, 0L)                   \
  X(SSL_ENABLE_NPN, ssl_enable_npn, 1L)                         \
  X(STREAM_WEIGHT, stream_weight, 16L)                          \
  X(TCP_FASTOPEN, tcp_fastopen, 0L)                             \
  X(TFTP_BLKSIZE, tftp_blksize, 512L)                           \
  X(TFTP_NO_OPTIONS, tftp_no_options, 0L)                       \
  X(TIMECONDITION, timecondition, long(CURL_TIMECOND_NONE))     \
  X(TRANSFERTEXT, transfertext, 0L)                             \
  X(UNRESTRICTED_AUTH, unrestricted_auth, 0L)                   \
  X(UPKEEP_INTERVAL_MS, upkeep_interval_ms, 60000L)             \
  X(USE_SSL, use_ssl, long(CURLUSESSL_NONE))                    \
  X(WILDCARDMATCH, wildcardmatch, 0L)

// String options copied as given (7.88.1 rejects more than CURL_MAX_INPUT_LENGTH bytes):
//   X(OPTION, member)
#define MCURL_PLAIN_STRING_OPTIONS(X)               \
  X(ACCEPT_ENCODING, accept_encoding)               \
  X(CAINFO, cainfo)                                 \
  X(CAPATH, capath)                                 \
  X(COOKIE, cookie)                                 \
  X(COOKIEJAR, cookiejar)                           \
  X(CRLFILE, crlfile)                               \
  X(CUSTOMREQUEST, customrequest)                   \
  X(INTERFACE, interface)                           \
  X(ISSUERCERT, issuercert)                         \
  X(KEYPASSWD, keypasswd)                           \
  X(NETRC_FILE, netrc_file)                         \
  X(NOPROXY, noproxy)                               \
  X(PASSWORD, password)                             \
  X(PINNEDPUBLICKEY, pinnedpublickey)               \
  X(PRE_PROXY, pre_proxy)                           \
  X(PROXY, proxy)                                   \
  X(PROXYPASSWORD, proxypassword)                   \
  X(PROXYUSERNAME, proxyusername)                   \
  X(PROXY_CAINFO, proxy_cainfo)                     \
  X(PROXY_CAPATH, proxy_capath)                     \
  X(PROXY_CRLFILE, proxy_crlfile)                   \
  X(PROXY_ISSUERCERT, proxy_issuercert)             \
  X(PROXY_KEYPASSWD, proxy_keypasswd)               \
  X(PROXY_PINNEDPUBLICKEY, proxy_pinnedpublickey)   \
  X(PROXY_SERVICE_NAME, proxy_service_name)         \
  X(PROXY_SSLCERT, proxy_sslcert)                   \
  X(PROXY_SSLCERTTYPE, proxy_sslcerttype)           \
  X(PROXY_SSLKEY, proxy_sslkey)                     \
  X(PROXY_SSLKEYTYPE, proxy_sslkeytype)             \
  X(PROXY_SSL_CIPHER_LIST, proxy_ssl_cipher_list)   \
  X(PROXY_TLS13_CIPHERS, proxy_tls13_ciphers)       \
  X(PROXY_TLSAUTH_PASSWORD, proxy_tlsauth_password) \
  X(PROXY_TLSAUTH_USERNAME, proxy_tlsauth_username) \
  X(RANGE, range)                                   \
  X(REFERER, referer)                               \
  X(RTSP_SESSION_ID, rtsp_session_id)               \
  X(SOCKS5_GSSAPI_SERVICE, socks5_gssapi_service)   \
  X(SSLCERT, sslcert)                               \
  X(SSLCERTTYPE, sslcerttype)                       \
  X(SSLKEY, sslkey)                                 \
  X(SSLKEYTYPE, sslkeytype)                         \
  X(SSL_CIPHER_LIST, ssl_cipher_list)               \
  X(SSL_EC_CURVES, ssl_ec_curves)                   \
  X(TLS13_CIPHERS, tls13_ciphers)                   \
  X(URL, url)                                       \
  X(USERAGENT, useragent)                           \
  X(USERNAME, username)                             \
  X(XOAUTH2_BEARER, xoauth2_bearer)

// String options no code reads yet: in ColdOptions.
#define MCURL_COLD_STRING_OPTIONS(X)                        \
  X(ALTSVC, altsvc)                                         \
  X(AWS_SIGV4, aws_sigv4)                                   \
  X(DEFAULT_PROTOCOL, default_protocol)                     \
  X(DOH_URL, doh_url)                                       \
  X(FTPPORT, ftpport)                                       \
  X(FTP_ACCOUNT, ftp_account)                               \
  X(FTP_ALTERNATIVE_TO_USER, ftp_alternative_to_user)       \
  X(HSTS, hsts)                                             \
  X(KRBLEVEL, krblevel)                                     \
  X(LOGIN_OPTIONS, login_options)                           \
  X(MAIL_AUTH, mail_auth)                                   \
  X(MAIL_FROM, mail_from)                                   \
  X(REQUEST_TARGET, request_target)                         \
  X(RTSP_STREAM_URI, rtsp_stream_uri)                       \
  X(RTSP_TRANSPORT, rtsp_transport)                         \
  X(SASL_AUTHZID, sasl_authzid)                             \
  X(SERVICE_NAME, service_name)                             \
  X(SSH_HOST_PUBLIC_KEY_MD5, ssh_host_public_key_md5)       \
  X(SSH_HOST_PUBLIC_KEY_SHA256, ssh_host_public_key_sha256) \
  X(SSH_KNOWNHOSTS, ssh_knownhosts)                         \
  X(SSH_PRIVATE_KEYFILE, ssh_private_keyfile)               \
  X(SSH_PUBLIC_KEYFILE, ssh_public_keyfile)                 \
  X(TLSAUTH_PASSWORD, tlsauth_password)                     \
  X(TLSAUTH_USERNAME, tlsauth_username)

// Borrowed lists: X(OPTION, member). RTSPHEADER is HTTPHEADER's alias.
#define MCURL_SLIST_OPTIONS(X)      \
  X(CONNECT_TO, connect_to)         \
  X(HTTP200ALIASES, http200aliases) \
  X(HTTPHEADER, httpheader)         \
  X(PROXYHEADER, proxyheader)       \
  X(RESOLVE, resolve)

// Lists no code reads yet (FTP quote lists, mail recipients, telnet): in ColdOptions.
#define MCURL_COLD_SLIST_OPTIONS(X) \
  X(MAIL_RCPT, mail_rcpt)           \
  X(POSTQUOTE, postquote)           \
  X(PREQUOTE, prequote)             \
  X(QUOTE, quote)                   \
  X(TELNETOPTIONS, telnetoptions)

// Blobs: X(OPTION, member).
#define MCURL_BLOB_OPTIONS(X)                     \
  X(CAINFO_BLOB, cainfo_blob)                     \
  X(ISSUERCERT_BLOB, issuercert_blob)             \
  X(PROXY_CAINFO_BLOB, proxy_cainfo_blob)         \
  X(PROXY_ISSUERCERT_BLOB, proxy_issuercert_blob) \
  X(PROXY_SSLCERT_BLOB, proxy_sslcert_blob)       \
  X(PROXY_SSLKEY_BLOB, proxy_sslkey_blob)         \
  X(SSLCERT_BLOB, sslcert_blob)                   \
  X(SSLKEY_BLOB, sslkey_blob)

// The callbacks applications rarely set (socket hooks, SSL_CTX, rewinding, pre-request,
// resolver start; a handle that sets one carries the cold block), and those of protocols
// and features mcurl does not implement yet (RTSP interleave, FTP wildcards, SSH keys,
// upload trailers, HSTS): stored, not called.
struct ColdCallbacks {
  curl_seek_callback seek = nullptr;
  void* seek_data = nullptr;
  curl_ioctl_callback ioctl = nullptr;
  void* ioctl_data = nullptr;
  curl_sockopt_callback sockopt = nullptr;
  void* sockopt_data = nullptr;
  curl_opensocket_callback opensocket = nullptr;
  void* opensocket_data = nullptr;
  curl_closesocket_callback closesocket = nullptr;
  void* closesocket_data = nullptr;
  curl_ssl_ctx_callback ssl_ctx = nullptr;
  void* ssl_ctx_data = nullptr;
  curl_resolver_start_callback resolver_start = nullptr;
  void* resolver_start_data = nullptr;
  curl_prereq_callback prereq = nullptr;
  void* prereq_data = nullptr;
  curl_write_callback interleave = nullptr;
  void* interleave_data = nullptr;
  curl_chunk_bgn_callback chunk_bgn = nullptr;
  curl_chunk_end_callback chunk_end = nullptr;
  void* chunk_data = nullptr;
  curl_fnmatch_callback fnmatch = nullptr;
  void* fnmatch_data = nullptr;
  curl_sshkeycallback ssh_key = nullptr;
  void* ssh_key_data = nullptr;
  curl_sshhostkeycallback ssh_hostkey = nullptr;
  void* ssh_hostkey_data = nullptr;
  curl_trailer_callback trailer = nullptr;
  void* trailer_data = nullptr;
  curl_hstsread_callback hsts_read = nullptr;
  void* hsts_read_data = nullptr;
  curl_hstswrite_callback hsts_write = nullptr;
  void* hsts_write_data = nullptr;
};

// The options no code reads yet, out of line: an easy handle allocates this block only
// when one of them is set, so a handle costs less memory (docs/PERFORMANCE.md, "held
// transfers"). Moving an option here or back is a matter of the X lists above; code
// reads a cold option through Options::cold() (the defaults when the block is absent).
struct ColdOptions {
#define MCURL_DECLARE_LONG(opt, member, def) long member = def;
  MCURL_COLD_LONG_OPTIONS(MCURL_DECLARE_LONG)
#undef MCURL_DECLARE_LONG
#define MCURL_DECLARE_STRING(opt, member) OptString member;
  MCURL_COLD_STRING_OPTIONS(MCURL_DECLARE_STRING)
#undef MCURL_DECLARE_STRING
#define MCURL_DECLARE_SLIST(opt, member) Borrowed<const curl_slist> member;
  MCURL_COLD_SLIST_OPTIONS(MCURL_DECLARE_SLIST)
#undef MCURL_DECLARE_SLIST
  curl_off_t max_send_speed = 0;       // MAX_SEND_SPEED_LARGE
  curl_off_t max_recv_speed = 0;       // MAX_RECV_SPEED_LARGE
  long server_response_timeout_s = 0;  // SERVER_RESPONSE_TIMEOUT / FTP_RESPONSE_TIMEOUT
  long altsvc_ctrl = 0;
  OptString sslengine;         // SSLENGINE, validated against OpenSSL
  bool tlsauth_srp = false;    // TLSAUTH_TYPE "SRP"
  OptString unix_socket_path;  // UNIX_SOCKET_PATH or ABSTRACT_UNIX_SOCKET
  bool abstract_unix_socket = false;
  CURL* stream_depends = nullptr;  // STREAM_DEPENDS(_E): HTTP/2 only, kept for the record
  bool stream_depends_exclusive = false;
  ColdCallbacks cb;
};

// An owning pointer that deep-copies: Options stays a value type with its cold block.
template <class T>
class CopiedPtr {
 public:
  CopiedPtr() noexcept = default;
  CopiedPtr(const CopiedPtr& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  CopiedPtr(CopiedPtr&&) noexcept = default;
  CopiedPtr& operator=(const CopiedPtr& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  CopiedPtr& operator=(CopiedPtr&&) noexcept = default;
  T* get() const noexcept { return p_.get(); }
  T& make() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }

 private:
  std::unique_ptr<T> p_;
};

struct Options {
  // Plain members, defaults as documented in the CURLOPT_* man pages of 7.88.1.
#define MCURL_DECLARE_LONG(opt, member, def) long member = def;
  MCURL_PLAIN_LONG_OPTIONS(MCURL_DECLARE_LONG)
#undef MCURL_DECLARE_LONG
#define MCURL_DECLARE_STRING(opt, member) OptString member;
  MCURL_PLAIN_STRING_OPTIONS(MCURL_DECLARE_STRING)
#undef MCURL_DECLARE_STRING
#define MCURL_DECLARE_SLIST(opt, member) Borrowed<const curl_slist> member;
  MCURL_SLIST_OPTIONS(MCURL_DECLARE_SLIST)
#undef MCURL_DECLARE_SLIST
#define MCURL_DECLARE_BLOB(opt, member) BlobValue member;
  MCURL_BLOB_OPTIONS(MCURL_DECLARE_BLOB)
#undef MCURL_DECLARE_BLOB

  // Options with checks, clamps or shared storage.
  long buffersize = CURL_MAX_WRITE_SIZE;  // BUFFERSIZE, clamped to [1024, 512 KiB]
  long upload_buffersize = 65536;         // UPLOAD_BUFFERSIZE, clamped to [16 KiB, 2 MiB]
  long timeout_s = 0;                     // TIMEOUT (seconds; TIMEOUT_MS is separate)
  long connecttimeout_s = 0;              // CONNECTTIMEOUT
  long http_version = CURL_HTTP_VERSION_NONE;
  unsigned long httpauth = CURLAUTH_BASIC;  // DIGEST_IE folded into DIGEST
  bool httpauth_digest_ie = false;
  unsigned long proxyauth = CURLAUTH_BASIC;
  bool proxyauth_digest_ie = false;
  unsigned char socks5_auth = CURLAUTH_BASIC | CURLAUTH_GSSAPI;
  long sslversion = CURL_SSLVERSION_DEFAULT;  // min | max << 16
  long proxy_sslversion = CURL_SSLVERSION_DEFAULT;
  curl_off_t infilesize = -1;  // INFILESIZE(_LARGE)
  curl_off_t maxfilesize = 0;  // MAXFILESIZE(_LARGE)
  curl_off_t resume_from = 0;  // RESUME_FROM(_LARGE)
  curl_off_t timevalue = 0;    // TIMEVALUE(_LARGE)

  // Request body and method.
  curl_off_t postfieldsize = -1;  // POSTFIELDSIZE(_LARGE); -1: strlen of the data
  // POSTFIELDS (borrowed) and COPYPOSTFIELDS (copied) exclude each other: setting one
  // clears the other. postfields_data() is whichever is set, or nullptr.
  Borrowed<const char> postfields;
  OptString postfields_copy;
  const char* postfields_data() const noexcept {
    return postfields_copy ? postfields_copy->c_str() : postfields.get();
  }
  HttpMethod method = HttpMethod::Get;
  bool no_body = false;  // NOBODY
  bool upload = false;   // UPLOAD / PUT
  Borrowed<curl_httppost> httppost;
  Borrowed<curl_mime> mimepost;

  // USERPWD and PROXYUSERPWD are split at the first ':' into username/password and
  // proxyusername/proxypassword (string list above). PROTOCOLS_STR and
  // REDIR_PROTOCOLS_STR land in protocols / redir_protocols as CURLPROTO_* bits.

  std::vector<std::string> cookie_files;  // each COOKIEFILE adds one; NULL clears
  // COOKIELIST commands ("ALL", "SESS", "FLUSH", "RELOAD" or a cookie line) in order,
  // for the cookie engine to apply.
  std::vector<std::string> cookielist_commands;

  // Borrowed objects.
  char* errorbuffer = nullptr;  // CURL_ERROR_SIZE bytes owned by the application
  void* private_data = nullptr;
  FILE* stderr_stream = nullptr;  // nullptr: the C library's stderr
  Borrowed<CURLU> curlu;

  Callbacks cb;

  // The options no code reads yet (see ColdOptions): cold() reads them (the defaults
  // when none was set), cold_mut() allocates the block for setting one (may throw
  // bad_alloc).
  const ColdOptions& cold() const noexcept {
    const ColdOptions* c = cold_.get();
    return c != nullptr ? *c : cold_defaults();
  }
  ColdOptions& cold_mut() { return cold_.make(); }

  // curl_easy_setopt: stores `arg` for `option` and returns what 7.88.1 returns:
  // CURLE_OK, CURLE_UNKNOWN_OPTION (no such option, or one compiled out of the Debian build:
  // DNS_SERVERS and friends, WS_OPTIONS, CONV_*), CURLE_BAD_FUNCTION_ARGUMENT (a value
  // 7.88.1 rejects), CURLE_NOT_BUILT_IN (a feature the Debian build lacks),
  // CURLE_UNSUPPORTED_PROTOCOL (HTTP_VERSION 3, an unknown name in PROTOCOLS_STR),
  // CURLE_SSL_ENGINE_NOTFOUND / CURLE_SSL_ENGINE_INITFAILED (SSLENGINE). On an error the
  // stored value is unchanged. CURLOPT_SHARE is not handled here (the facade owns the
  // share link, which curl_easy_reset keeps): it answers CURLE_UNKNOWN_OPTION.
  // May throw std::bad_alloc.
  CURLcode set(CURLoption option, const OptArg& arg);

  // curl_easy_reset: every option back to its default.
  void reset() { *this = Options(); }

  // 7.88.1's curl_easy_duphandle fails when COPYPOSTFIELDS was set while POSTFIELDSIZE
  // was -1 (it copies "-1 bytes"); the facade reproduces that answer.
  bool duplicate_fails() const noexcept {
    return postfields_copy.has_value() && postfieldsize == -1;
  }

  // The method word for CURLINFO_EFFECTIVE_METHOD before any transfer.
  const char* effective_method() const noexcept;

 private:
  static const ColdOptions& cold_defaults() noexcept;
  CopiedPtr<ColdOptions> cold_;
};

}  // namespace mcurl

#endif  // MCURL_TRANSFER_OPTIONS_H
