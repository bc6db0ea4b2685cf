// Transfer's setopt/getinfo/reset/duplicate glue; see transfer.h and transfer_info.h.
//
// What a handle answers before any transfer was measured on the system libcurl 7.88.1
// with tests/conformance/getinfo_fresh.c.
#include <cstring>
#include <new>

#include "tls/certinfo.h"
#include "multi/multi.h"
#include "multi/pool_use.h"
#include "multi/share.h"
#include "net/connection.h"
#include "transfer/ssl_engine.h"
#include "http/mime.h"
#include "transfer/transfer.h"
#include "util/alloc.h"
#include "util/version.h"  // what CURLINFO_CAINFO / CAPATH report, whatever the options say

namespace mcurl {
namespace {

// Builds a curl_slist the application frees with curl_slist_free_all (allocated with
// the global allocator hooks, like curl_slist_append's). Throws bad_alloc.
template <class Range>
curl_slist* make_slist(const Range& items) {
  curl_slist* head = nullptr;
  curl_slist** tail = &head;
  for (const auto& item : items) {
    auto* node = static_cast<curl_slist*>(alloc::malloc(sizeof(curl_slist)));
    char* data = node != nullptr ? alloc::strdup(item.c_str()) : nullptr;
    if (data == nullptr) {
      alloc::free(node);
      while (head != nullptr) {
        curl_slist* next = head->next;
        alloc::free(head->data);
        alloc::free(head);
        head = next;
      }
      throw std::bad_alloc();
    }
    node->data = data;
    node->next = nullptr;
    *tail = node;
    tail = &node->next;
  }
  return head;
}

const char* c_str_or_null(const OptString& s) noexcept { return s.c_str_or_null(); }
const char* c_str_or_null(const std::optional<std::string>& s) noexcept {
  return s ? s->c_str() : nullptr;
}

double seconds(curl_off_t us) noexcept { return static_cast<double>(us) / 1000000.0; }

}  // namespace

CURLcode Transfer::setopt(CURLoption option, const OptArg& arg) {
  tls_setup_.reset();  // before the change, so that a failed set cannot leave it stale
  const CURLcode result = options_.set(option, arg);
  if (result != CURLE_OK) return result;
  // 7.88.1 points its "current URL" and "current referer" at the new option values.
  if (option == CURLOPT_URL) info_.effective_url = options_.url;
  if (option == CURLOPT_REFERER) info_.referer = options_.referer;
  if (option == CURLOPT_COOKIEJAR || option == CURLOPT_COOKIEFILE || option == CURLOPT_COOKIELIST) {
    cookie_setopt(option);
  }
  return CURLE_OK;
}

std::shared_ptr<const TlsSetup> Transfer::tls_setup() {
  if (!tls_setup_) {
    auto s = std::make_shared<TlsSetup>();
    s->config = TlsConfig::from_options(options_);
    s->key = s->config.key();
    tls_setup_ = std::move(s);
  }
  return tls_setup_;
}

void Transfer::reset() {
  tls_setup_.reset();
  options_.reset();
  dup_mime_.reset();
  // 7.88.1 keeps the id of the last connection across a reset, so LASTSOCKET and
  // ACTIVESOCKET still name a connection that stays in the pool.
  std::uint64_t last = info_.last_connection;
  info_ = TransferInfo();
  info_.last_connection = last;
}

bool Transfer::copy_settings_from(const Transfer& other) {
  if (other.options_.duplicate_fails()) return false;
  Options options = other.options_;
  TransferInfo info;
  info.effective_url = other.info_.effective_url;
  info.referer = other.info_.referer;
  options_ = std::move(options);
  info_ = std::move(info);
  tls_setup_.reset();
  if (options_.mimepost.get() != nullptr) {
    dup_mime_ = reinterpret_cast<const Mime*>(options_.mimepost.get())->clone();
    options_.mimepost.ptr = reinterpret_cast<curl_mime*>(dup_mime_.get());
  }
  return true;
}

curl_socket_t Transfer::last_socket() const noexcept {
  if (kept_) return kept_->fd();  // CURLOPT_CONNECT_ONLY's connection
  if (info_.last_connection == TransferInfo::kNoConnection) return CURL_SOCKET_BAD;
  const Connection* c = nullptr;
  if (Share* s = connection_share(*this)) {
    // 7.88.1 looks through a shared pool under its CONNECT lock.
    s->lock(handle_, CURL_LOCK_DATA_CONNECT, CURL_LOCK_ACCESS_SINGLE);
    c = s->connections()->find_number(info_.last_connection);
    s->unlock(handle_, CURL_LOCK_DATA_CONNECT);
  } else {
    const Multi* m = multi_ != nullptr ? multi_ : private_multi_.get();
    if (m == nullptr) return CURL_SOCKET_BAD;
    c = m->pool().find_number(info_.last_connection);
  }
  return c != nullptr ? c->fd() : CURL_SOCKET_BAD;
}

// Tests: tests/conformance/getinfo_fresh.c
CURLcode Transfer::getinfo(CURLINFO info, void* out) const {
  if (out == nullptr) return CURLE_UNKNOWN_OPTION;
  const int id = static_cast<int>(info);
  const TransferInfo& i = info_;

  switch (id & CURLINFO_TYPEMASK) {
    case CURLINFO_STRING: {
      const char* v = nullptr;
      switch (info) {
        case CURLINFO_EFFECTIVE_URL:
          v = i.effective_url ? i.effective_url->c_str() : "";
          break;
        case CURLINFO_CONTENT_TYPE:
          v = c_str_or_null(i.content_type);
          break;
        case CURLINFO_PRIVATE:
          v = static_cast<const char*>(options_.private_data);
          break;
        case CURLINFO_FTP_ENTRY_PATH:
          v = c_str_or_null(i.ftp_entry_path);
          break;
        case CURLINFO_REDIRECT_URL:
          v = c_str_or_null(i.redirect_url);
          break;
        case CURLINFO_PRIMARY_IP:
          v = i.primary_ip.c_str();
          break;
        case CURLINFO_RTSP_SESSION_ID:
          v = c_str_or_null(i.rtsp_session_id);
          break;
        case CURLINFO_LOCAL_IP:
          v = i.local_ip.c_str();
          break;
        case CURLINFO_SCHEME:
          v = c_str_or_null(i.scheme);
          break;
        case CURLINFO_EFFECTIVE_METHOD:
          v = i.effective_method ? i.effective_method->c_str() : options_.effective_method();
          break;
        case CURLINFO_REFERER:
          v = c_str_or_null(i.referer);
          break;
        case CURLINFO_CAINFO:
          v = kDefaultCaInfo;
          break;
        case CURLINFO_CAPATH:
          v = kDefaultCaPath;
          break;
        default:
          return CURLE_UNKNOWN_OPTION;
      }
      // The application gets a char*; it must not write through it (libcurl's contract).
      *static_cast<char**>(out) = const_cast<char*>(v);
      return CURLE_OK;
    }
    case CURLINFO_LONG: {
      long v = 0;
      switch (info) {
        case CURLINFO_RESPONSE_CODE:
          v = i.response_code;
          break;
        case CURLINFO_HEADER_SIZE:
          v = i.header_size;
          break;
        case CURLINFO_REQUEST_SIZE:
          v = i.request_size;
          break;
        case CURLINFO_SSL_VERIFYRESULT:
          v = i.ssl_verifyresult;
          break;
        case CURLINFO_FILETIME:
          v = static_cast<long>(i.filetime);
          break;
        case CURLINFO_REDIRECT_COUNT:
          v = i.redirect_count;
          break;
        case CURLINFO_HTTP_CONNECTCODE:
          v = i.http_connectcode;
          break;
        case CURLINFO_HTTPAUTH_AVAIL:
          v = i.httpauth_avail;
          break;
        case CURLINFO_PROXYAUTH_AVAIL:
          v = i.proxyauth_avail;
          break;
        case CURLINFO_OS_ERRNO:
          v = i.os_errno;
          break;
        case CURLINFO_NUM_CONNECTS:
          v = i.num_connects;
          break;
        case CURLINFO_LASTSOCKET: {
          curl_socket_t s = last_socket();
          v = s == CURL_SOCKET_BAD ? -1 : long(s);
          break;
        }
        case CURLINFO_CONDITION_UNMET:
          v = i.condition_unmet;
          break;
        case CURLINFO_RTSP_CLIENT_CSEQ:
          v = i.rtsp_client_cseq;
          break;
        case CURLINFO_RTSP_SERVER_CSEQ:
          v = i.rtsp_server_cseq;
          break;
        case CURLINFO_RTSP_CSEQ_RECV:
          v = i.rtsp_cseq_recv;
          break;
        case CURLINFO_PRIMARY_PORT:
          v = i.primary_port;
          break;
        case CURLINFO_LOCAL_PORT:
          v = i.local_port;
          break;
        case CURLINFO_HTTP_VERSION:
          v = i.http_version;
          break;
        case CURLINFO_PROXY_SSL_VERIFYRESULT:
          v = i.proxy_ssl_verifyresult;
          break;
        case CURLINFO_PROTOCOL:
          v = i.protocol;
          break;
        case CURLINFO_PROXY_ERROR:
          v = i.proxy_error;
          break;
        default:
          return CURLE_UNKNOWN_OPTION;
      }
      *static_cast<long*>(out) = v;
      return CURLE_OK;
    }
    case CURLINFO_DOUBLE: {
      double v = 0;
      switch (info) {
        case CURLINFO_TOTAL_TIME:
          v = seconds(i.total_time);
          break;
        case CURLINFO_NAMELOOKUP_TIME:
          v = seconds(i.namelookup_time);
          break;
        case CURLINFO_CONNECT_TIME:
          v = seconds(i.connect_time);
          break;
        case CURLINFO_PRETRANSFER_TIME:
          v = seconds(i.pretransfer_time);
          break;
        case CURLINFO_SIZE_UPLOAD:
          v = static_cast<double>(i.size_upload);
          break;
        case CURLINFO_SIZE_DOWNLOAD:
          v = static_cast<double>(i.size_download);
          break;
        case CURLINFO_SPEED_DOWNLOAD:
          v = static_cast<double>(i.speed_download);
          break;
        case CURLINFO_SPEED_UPLOAD:
          v = static_cast<double>(i.speed_upload);
          break;
        case CURLINFO_CONTENT_LENGTH_DOWNLOAD:
          v = static_cast<double>(i.content_length_download);
          break;
        case CURLINFO_CONTENT_LENGTH_UPLOAD:
          v = static_cast<double>(i.content_length_upload);
          break;
        case CURLINFO_STARTTRANSFER_TIME:
          v = seconds(i.starttransfer_time);
          break;
        case CURLINFO_REDIRECT_TIME:
          v = seconds(i.redirect_time);
          break;
        case CURLINFO_APPCONNECT_TIME:
          v = seconds(i.appconnect_time);
          break;
        default:
          return CURLE_UNKNOWN_OPTION;
      }
      *static_cast<double*>(out) = v;
      return CURLE_OK;
    }
    case CURLINFO_SLIST: {  // also CURLINFO_PTR
      void* v = nullptr;
      switch (info) {
        case CURLINFO_SSL_ENGINES:
          v = make_slist(ssl_engine::list());
          break;
        case CURLINFO_COOKIELIST:
          v = make_slist(cookie_lines());  // NULL when there are none
          break;
        case CURLINFO_CERTINFO:
          v = const_cast<curl_certinfo*>(i.certs ? i.certs->view() : &i.certinfo);
          break;
        case CURLINFO_TLS_SESSION:
          v = const_cast<curl_tlssessioninfo*>(&i.tls_session);
          break;
        case CURLINFO_TLS_SSL_PTR:
          v = const_cast<curl_tlssessioninfo*>(&i.tls_ssl);
          break;
        default:
          return CURLE_UNKNOWN_OPTION;
      }
      *static_cast<void**>(out) = v;
      return CURLE_OK;
    }
    case CURLINFO_SOCKET:
      if (info != CURLINFO_ACTIVESOCKET) return CURLE_UNKNOWN_OPTION;
      *static_cast<curl_socket_t*>(out) = last_socket();
      return CURLE_OK;
    case CURLINFO_OFF_T: {
      curl_off_t v = 0;
      switch (info) {
        case CURLINFO_SIZE_UPLOAD_T:
          v = i.size_upload;
          break;
        case CURLINFO_SIZE_DOWNLOAD_T:
          v = i.size_download;
          break;
        case CURLINFO_SPEED_DOWNLOAD_T:
          v = i.speed_download;
          break;
        case CURLINFO_SPEED_UPLOAD_T:
          v = i.speed_upload;
          break;
        case CURLINFO_FILETIME_T:
          v = i.filetime;
          break;
        case CURLINFO_CONTENT_LENGTH_DOWNLOAD_T:
          v = i.content_length_download;
          break;
        case CURLINFO_CONTENT_LENGTH_UPLOAD_T:
          v = i.content_length_upload;
          break;
        case CURLINFO_TOTAL_TIME_T:
          v = i.total_time;
          break;
        case CURLINFO_NAMELOOKUP_TIME_T:
          v = i.namelookup_time;
          break;
        case CURLINFO_CONNECT_TIME_T:
          v = i.connect_time;
          break;
        case CURLINFO_PRETRANSFER_TIME_T:
          v = i.pretransfer_time;
          break;
        case CURLINFO_STARTTRANSFER_TIME_T:
          v = i.starttransfer_time;
          break;
        case CURLINFO_REDIRECT_TIME_T:
          v = i.redirect_time;
          break;
        case CURLINFO_APPCONNECT_TIME_T:
          v = i.appconnect_time;
          break;
        case CURLINFO_RETRY_AFTER:
          v = i.retry_after;
          break;
        default:
          return CURLE_UNKNOWN_OPTION;
      }
      *static_cast<curl_off_t*>(out) = v;
      return CURLE_OK;
    }
    default:
      return CURLE_UNKNOWN_OPTION;
  }
}

}  // namespace mcurl
