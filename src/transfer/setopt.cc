// Options::set: curl_easy_setopt's storage and answers; see options.h.
//
// Every answer here was measured on the system libcurl 7.88.1 (Debian, OpenSSL) with
// tests/conformance/setopt_matrix.c, which probes each option of the table with a fixed
// set of values on a fresh handle and must print the same on both libraries.
#include <climits>
#include <cstring>
#include <string_view>

#include "transfer/options.h"
#include "transfer/ssl_engine.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

// libcurl refuses longer strings and blobs (its internal CURL_MAX_INPUT_LENGTH).
constexpr std::size_t kMaxInputLength = 8000000;

// BUFFERSIZE and UPLOAD_BUFFERSIZE limits of 7.88.1 (values out of range are clamped,
// not rejected).
constexpr long kReadBufferMin = 1024;
constexpr long kReadBufferMax = 512 * 1024;
constexpr long kReadBufferDefault = CURL_MAX_WRITE_SIZE;
constexpr long kUploadBufferMin = 16 * 1024;
constexpr long kUploadBufferMax = 2 * 1024 * 1024;

// The seconds-valued timeouts are multiplied by 1000 into an int in 7.88.1.
constexpr long kMaxTimeoutSeconds = INT_MAX / 1000;

struct LongRange {
  long lo;
  long hi;
};

// The range 7.88.1 accepts for a plain long option; CURLE_BAD_FUNCTION_ARGUMENT outside.
LongRange long_range(CURLoption option) noexcept {
  switch (option) {
    case CURLOPT_ADDRESS_SCOPE:
      return {0, 0xffffffffL};
    case CURLOPT_CA_CACHE_TIMEOUT:
    case CURLOPT_DNS_CACHE_TIMEOUT:
    case CURLOPT_MAXREDIRS:
      return {-1, LONG_MAX};
    case CURLOPT_CONNECT_ONLY:
      return {LONG_MIN, 2};
    case CURLOPT_HTTP09_ALLOWED:
      return {LONG_MIN, 1};
    case CURLOPT_EXPECT_100_TIMEOUT_MS:
    case CURLOPT_LOW_SPEED_LIMIT:
    case CURLOPT_LOW_SPEED_TIME:
    case CURLOPT_MAXAGE_CONN:
    case CURLOPT_MAXCONNECTS:
    case CURLOPT_MAXLIFETIME_CONN:
    case CURLOPT_POSTREDIR:
    case CURLOPT_TCP_KEEPIDLE:
    case CURLOPT_TCP_KEEPINTVL:
    case CURLOPT_TFTP_BLKSIZE:
    case CURLOPT_UPKEEP_INTERVAL_MS:
      return {0, LONG_MAX};
    case CURLOPT_FTPSSLAUTH:
    case CURLOPT_FTP_CREATE_MISSING_DIRS:
    case CURLOPT_FTP_SSL_CCC:
    case CURLOPT_IPRESOLVE:
    case CURLOPT_NETRC:
      return {0, 2};
    case CURLOPT_FTP_FILEMETHOD:
    case CURLOPT_USE_SSL:
    case CURLOPT_TIMECONDITION:
      return {0, 3};
    case CURLOPT_LOCALPORT:
    case CURLOPT_LOCALPORTRANGE:
    case CURLOPT_PORT:
    case CURLOPT_PROXYPORT:
      return {0, 65535};
    case CURLOPT_NEW_DIRECTORY_PERMS:
    case CURLOPT_NEW_FILE_PERMS:
      return {0, 0777};
    case CURLOPT_PROXYTYPE:
      return {0, 7};
    case CURLOPT_PROXY_TRANSFER_MODE:
      return {0, 1};
    default:
      return {LONG_MIN, LONG_MAX};
  }
}

// CURLOPT_SSLVERSION / PROXY_SSLVERSION: the minimum in the low 16 bits, the maximum in
// the next 16; SSLv2 and SSLv3 are refused, as are values past the known versions.
bool valid_sslversion(long arg) noexcept {
  const long version = arg & 0xffff;
  const long version_max = arg & 0xffff0000L;
  if (version == CURL_SSLVERSION_SSLv2 || version == CURL_SSLVERSION_SSLv3) return false;
  if (version >= CURL_SSLVERSION_LAST) return false;
  return version_max < CURL_SSLVERSION_MAX_LAST;
}

// CURLOPT_HTTPAUTH / PROXYAUTH: 0 is fine; otherwise at least one of the 31 method bits
// must be set (CURLAUTH_ONLY alone, or only bits above 31, is CURLE_NOT_BUILT_IN).
CURLcode set_auth(long arg, unsigned long& bits, bool& digest_ie) noexcept {
  unsigned long auth = static_cast<unsigned long>(arg);
  if (auth == CURLAUTH_NONE) {
    bits = auth;
    return CURLE_OK;
  }
  const bool ie = (auth & CURLAUTH_DIGEST_IE) != 0;
  if (ie) auth = (auth | CURLAUTH_DIGEST) & ~CURLAUTH_DIGEST_IE;
  if ((auth & 0x7fffffffUL) == 0) return CURLE_NOT_BUILT_IN;
  digest_ie = ie;
  bits = auth;
  return CURLE_OK;
}

bool too_long(const char* s) noexcept { return s != nullptr && std::strlen(s) > kMaxInputLength; }

// Curl_setstropt: copy, or unset on nullptr.
CURLcode set_string(OptString& dst, const char* s) {
  if (too_long(s)) return CURLE_BAD_FUNCTION_ARGUMENT;
  if (s == nullptr) {
    dst.reset();
  } else {
    dst.emplace(s);
  }
  return CURLE_OK;
}

// USERPWD / PROXYUSERPWD: "user:password"; no ':' leaves the password unset, nullptr
// unsets both.
CURLcode set_userpwd(OptString& user, OptString& password, const char* s) {
  if (too_long(s)) return CURLE_BAD_FUNCTION_ARGUMENT;
  if (s == nullptr) {
    user.reset();
    password.reset();
    return CURLE_OK;
  }
  const std::string_view v(s);
  const auto colon = v.find(':');
  if (colon == std::string_view::npos) {
    user.emplace(v);
    password.reset();
  } else {
    user.emplace(v.substr(0, colon));
    password.emplace(v.substr(colon + 1));
  }
  return CURLE_OK;
}

struct SchemeBit {
  std::string_view name;
  long bit;
};

// The schemes of the Debian 7.88.1 build (curl_version_info()->protocols).
constexpr SchemeBit kSchemes[] = {
    {"dict", CURLPROTO_DICT},   {"file", CURLPROTO_FILE},     {"ftp", CURLPROTO_FTP},
    {"ftps", CURLPROTO_FTPS},   {"gopher", CURLPROTO_GOPHER}, {"gophers", CURLPROTO_GOPHERS},
    {"http", CURLPROTO_HTTP},   {"https", CURLPROTO_HTTPS},   {"imap", CURLPROTO_IMAP},
    {"imaps", CURLPROTO_IMAPS}, {"ldap", CURLPROTO_LDAP},     {"ldaps", CURLPROTO_LDAPS},
    {"mqtt", CURLPROTO_MQTT},   {"pop3", CURLPROTO_POP3},     {"pop3s", CURLPROTO_POP3S},
    {"rtmp", CURLPROTO_RTMP},   {"rtmpe", CURLPROTO_RTMPE},   {"rtmps", CURLPROTO_RTMPS},
    {"rtmpt", CURLPROTO_RTMPT}, {"rtmpte", CURLPROTO_RTMPTE}, {"rtmpts", CURLPROTO_RTMPTS},
    {"rtsp", CURLPROTO_RTSP},   {"scp", CURLPROTO_SCP},       {"sftp", CURLPROTO_SFTP},
    {"smb", CURLPROTO_SMB},     {"smbs", CURLPROTO_SMBS},     {"smtp", CURLPROTO_SMTP},
    {"smtps", CURLPROTO_SMTPS}, {"telnet", CURLPROTO_TELNET}, {"tftp", CURLPROTO_TFTP},
};

// PROTOCOLS_STR / REDIR_PROTOCOLS_STR: "all", or comma-separated scheme names (empty
// items skipped, no blanks allowed). An unknown name is CURLE_UNSUPPORTED_PROTOCOL, an
// empty set CURLE_BAD_FUNCTION_ARGUMENT.
CURLcode parse_protocols(const char* s, long& out) noexcept {
  if (s == nullptr) return CURLE_BAD_FUNCTION_ARGUMENT;
  if (iequals(s, "all")) {
    out = long(CURLPROTO_ALL);
    return CURLE_OK;
  }
  long bits = 0;
  std::string_view rest(s);
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    if (!item.empty()) {
      long bit = 0;
      for (const auto& scheme : kSchemes) {
        if (iequals(item, scheme.name)) bit = scheme.bit;
      }
      if (bit == 0) return CURLE_UNSUPPORTED_PROTOCOL;
      bits |= bit;
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (bits == 0) return CURLE_BAD_FUNCTION_ARGUMENT;
  out = bits;
  return CURLE_OK;
}

template <class Fn>
Fn as(OptArg::AnyFn f) noexcept {
  return reinterpret_cast<Fn>(f);
}

}  // namespace

OptArg::Kind arg_kind_of(CURLoption option) noexcept {
  const int n = static_cast<int>(option);
  if (n < 0) return OptArg::Kind::None;
  if (n < CURLOPTTYPE_OBJECTPOINT) return OptArg::Kind::Long;
  if (n < CURLOPTTYPE_FUNCTIONPOINT) return OptArg::Kind::Ptr;
  if (n < CURLOPTTYPE_OFF_T) return OptArg::Kind::Func;
  if (n < CURLOPTTYPE_BLOB) return OptArg::Kind::OffT;
  if (n < CURLOPTTYPE_BLOB + 10000) return OptArg::Kind::Ptr;
  return OptArg::Kind::None;
}

void BlobValue::assign(const curl_blob& b) {
  auto v = std::make_unique<Value>();
  if ((b.flags & CURL_BLOB_COPY) != 0) {
    v->copied = true;
    v->copy.assign(static_cast<const char*>(b.data), b.len);
  } else {
    v->borrowed = b.data;
    v->size = b.len;
  }
  v_ = std::move(v);
}

const ColdOptions& Options::cold_defaults() noexcept {
  static const ColdOptions defaults;
  return defaults;
}

const char* Options::effective_method() const noexcept {
  if (customrequest) return customrequest->c_str();
  // Before a transfer 7.88.1 knows only NOBODY; the POST/PUT choice is made at perform.
  return no_body ? "HEAD" : "GET";
}

// Tests: tests/unit/transfer/options_test.cc, tests/conformance/setopt_matrix.c
CURLcode Options::set(CURLoption option, const OptArg& arg) {
  const long l = arg.l;
  const curl_off_t o = arg.o;
  void* const p = arg.p;
  const char* const s = static_cast<const char*>(arg.p);

  switch (option) {
      // --- longs with checks, clamps or side effects -----------------------------------
    case CURLOPT_BUFFERSIZE:
      if (l > kReadBufferMax) {
        buffersize = kReadBufferMax;
      } else if (l < 1) {
        buffersize = kReadBufferDefault;
      } else {
        buffersize = l < kReadBufferMin ? kReadBufferMin : l;
      }
      return CURLE_OK;
    case CURLOPT_UPLOAD_BUFFERSIZE:
      upload_buffersize = l > kUploadBufferMax   ? kUploadBufferMax
                          : l < kUploadBufferMin ? kUploadBufferMin
                                                 : l;
      return CURLE_OK;
    case CURLOPT_TIMEOUT:
    case CURLOPT_CONNECTTIMEOUT:
    case CURLOPT_SERVER_RESPONSE_TIMEOUT:
      if (l < 0 || l > kMaxTimeoutSeconds) return CURLE_BAD_FUNCTION_ARGUMENT;
      (option == CURLOPT_TIMEOUT          ? timeout_s
       : option == CURLOPT_CONNECTTIMEOUT ? connecttimeout_s
                                          : cold_mut().server_response_timeout_s) = l;
      return CURLE_OK;
    case CURLOPT_HTTP_VERSION:
      if (l < 0) return CURLE_BAD_FUNCTION_ARGUMENT;
      // HTTP/3 (30, 31) and anything past PRIOR_KNOWLEDGE is not in the Debian build.
      if (l > CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE) return CURLE_UNSUPPORTED_PROTOCOL;
      http_version = l;
      return CURLE_OK;
    case CURLOPT_HTTPAUTH:
      return set_auth(l, httpauth, httpauth_digest_ie);
    case CURLOPT_PROXYAUTH:
      return set_auth(l, proxyauth, proxyauth_digest_ie);
    case CURLOPT_SOCKS5_AUTH: {
      // 7.88.1 keeps the low byte and knows only BASIC and GSSAPI.
      const auto byte = static_cast<unsigned char>(static_cast<unsigned long>(l));
      if ((byte & ~(CURLAUTH_BASIC | CURLAUTH_GSSAPI)) != 0) return CURLE_NOT_BUILT_IN;
      socks5_auth = byte;
      return CURLE_OK;
    }
    case CURLOPT_SSLVERSION:
    case CURLOPT_PROXY_SSLVERSION:
      if (!valid_sslversion(l)) return CURLE_BAD_FUNCTION_ARGUMENT;
      (option == CURLOPT_SSLVERSION ? sslversion : proxy_sslversion) = l;
      return CURLE_OK;
    case CURLOPT_ALTSVC_CTRL:
      if (l == 0) return CURLE_BAD_FUNCTION_ARGUMENT;
      cold_mut().altsvc_ctrl = l;
      return CURLE_OK;
    case CURLOPT_SSL_FALSESTART:  // not with OpenSSL
      return CURLE_NOT_BUILT_IN;
    case CURLOPT_WS_OPTIONS:  // WebSockets are compiled out of the Debian 7.88.1 build
      return CURLE_UNKNOWN_OPTION;
    case CURLOPT_INFILESIZE:
    case CURLOPT_RESUME_FROM:
      if (l < -1) return CURLE_BAD_FUNCTION_ARGUMENT;
      (option == CURLOPT_INFILESIZE ? infilesize : resume_from) = l;
      return CURLE_OK;
    case CURLOPT_MAXFILESIZE:
      if (l < 0) return CURLE_BAD_FUNCTION_ARGUMENT;
      maxfilesize = l;
      return CURLE_OK;
    case CURLOPT_TIMEVALUE:
      timevalue = l;
      return CURLE_OK;
    case CURLOPT_POSTFIELDSIZE:
    case CURLOPT_POSTFIELDSIZE_LARGE: {
      const curl_off_t size = option == CURLOPT_POSTFIELDSIZE ? curl_off_t(l) : o;
      if (size < -1) return CURLE_BAD_FUNCTION_ARGUMENT;
      // A COPYPOSTFIELDS copy shorter than the new size is dropped (7.88.1).
      if (postfieldsize < size && !postfields) postfields_copy.reset();
      postfieldsize = size;
      return CURLE_OK;
    }
    case CURLOPT_NOBODY:
      no_body = l != 0;
      if (no_body) {
        method = HttpMethod::Head;
      } else if (method == HttpMethod::Head) {
        method = HttpMethod::Get;
      }
      return CURLE_OK;
    case CURLOPT_UPLOAD:
    case CURLOPT_PUT:
      upload = l != 0;
      if (upload) {
        method = HttpMethod::Put;
        no_body = false;
      } else {
        method = HttpMethod::Get;
      }
      return CURLE_OK;
    case CURLOPT_POST:
      if (l != 0) {
        method = HttpMethod::Post;
        no_body = false;
      } else {
        method = HttpMethod::Get;
      }
      return CURLE_OK;
    case CURLOPT_HTTPGET:
      if (l != 0) {
        method = HttpMethod::Get;
        upload = false;
        no_body = false;
      }
      return CURLE_OK;

      // --- off_t ---------------------------------------------------------------------------
    case CURLOPT_INFILESIZE_LARGE:
    case CURLOPT_RESUME_FROM_LARGE:
      if (o < -1) return CURLE_BAD_FUNCTION_ARGUMENT;
      (option == CURLOPT_INFILESIZE_LARGE ? infilesize : resume_from) = o;
      return CURLE_OK;
    case CURLOPT_MAXFILESIZE_LARGE:
    case CURLOPT_MAX_SEND_SPEED_LARGE:
    case CURLOPT_MAX_RECV_SPEED_LARGE:
      if (o < 0) return CURLE_BAD_FUNCTION_ARGUMENT;
      (option == CURLOPT_MAXFILESIZE_LARGE      ? maxfilesize
       : option == CURLOPT_MAX_SEND_SPEED_LARGE ? cold_mut().max_send_speed
                                                : cold_mut().max_recv_speed) = o;
      return CURLE_OK;
    case CURLOPT_TIMEVALUE_LARGE:
      timevalue = o;
      return CURLE_OK;

      // --- strings with their own rules ----------------------------------------------------
    case CURLOPT_PROTOCOLS_STR:
      return parse_protocols(s, protocols);
    case CURLOPT_REDIR_PROTOCOLS_STR:
      return parse_protocols(s, redir_protocols);
    case CURLOPT_DNS_SERVERS:  // c-ares only: compiled out of the Debian build
    case CURLOPT_DNS_INTERFACE:
    case CURLOPT_DNS_LOCAL_IP4:
    case CURLOPT_DNS_LOCAL_IP6:
      return CURLE_UNKNOWN_OPTION;
    case CURLOPT_EGDSOCKET:  // accepted and ignored since 7.84.0
    case CURLOPT_RANDOM_FILE:
      return CURLE_OK;
    case CURLOPT_SSLENGINE: {
      if (s == nullptr || s[0] == '\0') return CURLE_OK;
      if (too_long(s)) return CURLE_BAD_FUNCTION_ARGUMENT;
      const CURLcode result = ssl_engine::probe(s);
      if (result == CURLE_OK) cold_mut().sslengine.emplace(s);
      return result;
    }
    case CURLOPT_TLSAUTH_TYPE:
      if (s == nullptr) {
        if (cold().tlsauth_srp) cold_mut().tlsauth_srp = false;
        return CURLE_OK;
      }
      if (!istarts_with(s, "SRP")) return CURLE_BAD_FUNCTION_ARGUMENT;
      cold_mut().tlsauth_srp = true;
      return CURLE_OK;
    case CURLOPT_PROXY_TLSAUTH_TYPE:  // 7.88.1 refuses every value, NULL included
      return CURLE_BAD_FUNCTION_ARGUMENT;
    case CURLOPT_USERPWD:
      return set_userpwd(username, password, s);
    case CURLOPT_PROXYUSERPWD:
      return set_userpwd(proxyusername, proxypassword, s);
    case CURLOPT_UNIX_SOCKET_PATH:
    case CURLOPT_ABSTRACT_UNIX_SOCKET: {
      ColdOptions& c = cold_mut();
      const CURLcode result = set_string(c.unix_socket_path, s);
      if (result == CURLE_OK) c.abstract_unix_socket = option == CURLOPT_ABSTRACT_UNIX_SOCKET;
      return result;
    }
    case CURLOPT_COOKIEFILE:
      if (too_long(s)) return CURLE_BAD_FUNCTION_ARGUMENT;
      if (s == nullptr) {
        cookie_files.clear();
      } else {
        cookie_files.emplace_back(s);
      }
      return CURLE_OK;
    case CURLOPT_COOKIELIST:
      if (too_long(s)) return CURLE_BAD_FUNCTION_ARGUMENT;
      if (s != nullptr) cookielist_commands.emplace_back(s);
      return CURLE_OK;

      // --- objects ---------------------------------------------------------------------------
    case CURLOPT_POSTFIELDS:
      postfields.ptr = s;
      postfields_copy.reset();
      method = HttpMethod::Post;
      return CURLE_OK;
    case CURLOPT_COPYPOSTFIELDS:
      if (s == nullptr || postfieldsize == -1) {
        const CURLcode result = set_string(postfields_copy, s);
        if (result != CURLE_OK) return result;
      } else {
        // POSTFIELDSIZE bytes, which may include NULs.
        postfields_copy.emplace(s, static_cast<std::size_t>(postfieldsize));
      }
      postfields.ptr = nullptr;
      method = HttpMethod::Post;
      return CURLE_OK;
    case CURLOPT_ERRORBUFFER:
      errorbuffer = static_cast<char*>(p);
      return CURLE_OK;
    case CURLOPT_PRIVATE:
      private_data = p;
      return CURLE_OK;
    case CURLOPT_STDERR:
      stderr_stream = static_cast<FILE*>(p);
      return CURLE_OK;
    case CURLOPT_CURLU:
      curlu.ptr = static_cast<CURLU*>(p);
      return CURLE_OK;
    case CURLOPT_HTTPPOST:
      httppost.ptr = static_cast<curl_httppost*>(p);
      method = HttpMethod::PostForm;
      no_body = false;
      return CURLE_OK;
    case CURLOPT_MIMEPOST:
      mimepost.ptr = static_cast<curl_mime*>(p);
      method = HttpMethod::PostMime;
      no_body = false;
      return CURLE_OK;
    case CURLOPT_STREAM_DEPENDS:
    case CURLOPT_STREAM_DEPENDS_E:
      cold_mut().stream_depends = static_cast<CURL*>(p);
      cold_mut().stream_depends_exclusive = option == CURLOPT_STREAM_DEPENDS_E;
      return CURLE_OK;

      // --- callback data pointers ------------------------------------------------------------
    case CURLOPT_WRITEDATA:
      cb.write_data = p;
      return CURLE_OK;
    case CURLOPT_READDATA:
      cb.read_data = p;
      return CURLE_OK;
    case CURLOPT_HEADERDATA:
      cb.header_data = p;
      return CURLE_OK;
    case CURLOPT_XFERINFODATA:
      cb.progress_data = p;
      return CURLE_OK;
    case CURLOPT_DEBUGDATA:
      cb.debug_data = p;
      return CURLE_OK;
    case CURLOPT_SEEKDATA:
      cold_mut().cb.seek_data = p;
      return CURLE_OK;
    case CURLOPT_IOCTLDATA:
      cold_mut().cb.ioctl_data = p;
      return CURLE_OK;
    case CURLOPT_SOCKOPTDATA:
      cold_mut().cb.sockopt_data = p;
      return CURLE_OK;
    case CURLOPT_OPENSOCKETDATA:
      cold_mut().cb.opensocket_data = p;
      return CURLE_OK;
    case CURLOPT_CLOSESOCKETDATA:
      cold_mut().cb.closesocket_data = p;
      return CURLE_OK;
    case CURLOPT_SSL_CTX_DATA:
      cold_mut().cb.ssl_ctx_data = p;
      return CURLE_OK;
    case CURLOPT_INTERLEAVEDATA:
      cold_mut().cb.interleave_data = p;
      return CURLE_OK;
    case CURLOPT_CHUNK_DATA:
      cold_mut().cb.chunk_data = p;
      return CURLE_OK;
    case CURLOPT_FNMATCH_DATA:
      cold_mut().cb.fnmatch_data = p;
      return CURLE_OK;
    case CURLOPT_SSH_KEYDATA:
      cold_mut().cb.ssh_key_data = p;
      return CURLE_OK;
    case CURLOPT_SSH_HOSTKEYDATA:
      cold_mut().cb.ssh_hostkey_data = p;
      return CURLE_OK;
    case CURLOPT_RESOLVER_START_DATA:
      cold_mut().cb.resolver_start_data = p;
      return CURLE_OK;
    case CURLOPT_PREREQDATA:
      cold_mut().cb.prereq_data = p;
      return CURLE_OK;
    case CURLOPT_TRAILERDATA:
      cold_mut().cb.trailer_data = p;
      return CURLE_OK;
    case CURLOPT_HSTSREADDATA:
      cold_mut().cb.hsts_read_data = p;
      return CURLE_OK;
    case CURLOPT_HSTSWRITEDATA:
      cold_mut().cb.hsts_write_data = p;
      return CURLE_OK;

      // --- callbacks -------------------------------------------------------------------------
    case CURLOPT_WRITEFUNCTION:
      cb.write = as<curl_write_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_READFUNCTION:
      cb.read = as<curl_read_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_HEADERFUNCTION:
      cb.header = as<curl_write_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_PROGRESSFUNCTION:
      cb.progress = as<curl_progress_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_XFERINFOFUNCTION:
      cb.xferinfo = as<curl_xferinfo_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_DEBUGFUNCTION:
      cb.debug = as<curl_debug_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_SEEKFUNCTION:
      cold_mut().cb.seek = as<curl_seek_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_IOCTLFUNCTION:
      cold_mut().cb.ioctl = as<curl_ioctl_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_SOCKOPTFUNCTION:
      cold_mut().cb.sockopt = as<curl_sockopt_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_OPENSOCKETFUNCTION:
      cold_mut().cb.opensocket = as<curl_opensocket_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_CLOSESOCKETFUNCTION:
      cold_mut().cb.closesocket = as<curl_closesocket_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_SSL_CTX_FUNCTION:
      cold_mut().cb.ssl_ctx = as<curl_ssl_ctx_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_INTERLEAVEFUNCTION:
      cold_mut().cb.interleave = as<curl_write_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_CHUNK_BGN_FUNCTION:
      cold_mut().cb.chunk_bgn = as<curl_chunk_bgn_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_CHUNK_END_FUNCTION:
      cold_mut().cb.chunk_end = as<curl_chunk_end_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_FNMATCH_FUNCTION:
      cold_mut().cb.fnmatch = as<curl_fnmatch_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_SSH_KEYFUNCTION:
      cold_mut().cb.ssh_key = as<curl_sshkeycallback>(arg.f);
      return CURLE_OK;
    case CURLOPT_SSH_HOSTKEYFUNCTION:
      cold_mut().cb.ssh_hostkey = as<curl_sshhostkeycallback>(arg.f);
      return CURLE_OK;
    case CURLOPT_RESOLVER_START_FUNCTION:
      cold_mut().cb.resolver_start = as<curl_resolver_start_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_PREREQFUNCTION:
      cold_mut().cb.prereq = as<curl_prereq_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_TRAILERFUNCTION:
      cold_mut().cb.trailer = as<curl_trailer_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_HSTSREADFUNCTION:
      cold_mut().cb.hsts_read = as<curl_hstsread_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_HSTSWRITEFUNCTION:
      cold_mut().cb.hsts_write = as<curl_hstswrite_callback>(arg.f);
      return CURLE_OK;
    case CURLOPT_CONV_FROM_NETWORK_FUNCTION:  // in the table, but gone since 7.82.0
    case CURLOPT_CONV_TO_NETWORK_FUNCTION:
    case CURLOPT_CONV_FROM_UTF8_FUNCTION:
      return CURLE_UNKNOWN_OPTION;

      // --- the plain tables -------------------------------------------------------------------
#define MCURL_SET_LONG(opt, member, def)                                  \
  case CURLOPT_##opt: {                                                   \
    const LongRange range = long_range(CURLOPT_##opt);                    \
    if (l < range.lo || l > range.hi) return CURLE_BAD_FUNCTION_ARGUMENT; \
    member = l;                                                           \
    return CURLE_OK;                                                      \
  }
      MCURL_PLAIN_LONG_OPTIONS(MCURL_SET_LONG)
#undef MCURL_SET_LONG
#define MCURL_SET_COLD_LONG(opt, member, def)                             \
  case CURLOPT_##opt: {                                                   \
    const LongRange range = long_range(CURLOPT_##opt);                    \
    if (l < range.lo || l > range.hi) return CURLE_BAD_FUNCTION_ARGUMENT; \
    cold_mut().member = l;                                                \
    return CURLE_OK;                                                      \
  }
      MCURL_COLD_LONG_OPTIONS(MCURL_SET_COLD_LONG)
#undef MCURL_SET_COLD_LONG
#define MCURL_SET_STRING(opt, member) \
  case CURLOPT_##opt:                 \
    return set_string(member, s);
      MCURL_PLAIN_STRING_OPTIONS(MCURL_SET_STRING)
#undef MCURL_SET_STRING
#define MCURL_SET_COLD_STRING(opt, member) \
  case CURLOPT_##opt:                      \
    return set_string(cold_mut().member, s);
      MCURL_COLD_STRING_OPTIONS(MCURL_SET_COLD_STRING)
#undef MCURL_SET_COLD_STRING
#define MCURL_SET_SLIST(opt, member)                \
  case CURLOPT_##opt:                               \
    member.ptr = static_cast<const curl_slist*>(p); \
    return CURLE_OK;
      MCURL_SLIST_OPTIONS(MCURL_SET_SLIST)
#undef MCURL_SET_SLIST
#define MCURL_SET_COLD_SLIST(opt, member)                      \
  case CURLOPT_##opt:                                          \
    cold_mut().member.ptr = static_cast<const curl_slist*>(p); \
    return CURLE_OK;
      MCURL_COLD_SLIST_OPTIONS(MCURL_SET_COLD_SLIST)
#undef MCURL_SET_COLD_SLIST
#define MCURL_SET_BLOB(opt, member)                                      \
  case CURLOPT_##opt: {                                                  \
    const auto* blob = static_cast<const curl_blob*>(p);                 \
    if (blob == nullptr) {                                               \
      member.clear();                                                    \
      return CURLE_OK;                                                   \
    }                                                                    \
    if (blob->len > kMaxInputLength) return CURLE_BAD_FUNCTION_ARGUMENT; \
    member.assign(*blob);                                                \
    return CURLE_OK;                                                     \
  }
      MCURL_BLOB_OPTIONS(MCURL_SET_BLOB)
#undef MCURL_SET_BLOB

    default:
      // CURLOPT_SHARE is the facade's; everything else is not a 7.88.1 option.
      return CURLE_UNKNOWN_OPTION;
  }
}

}  // namespace mcurl
