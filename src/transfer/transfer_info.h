// struct TransferInfo: the figures behind curl_easy_getinfo.
//
// A Transfer owns one. Before any transfer every field holds what 7.88.1 answers on a
// fresh handle (zeros, -1 for unknown lengths and the file time, empty IP strings, NULL
// for the rest); the engine fills them as a transfer runs. curl_easy_reset starts over
// from these values; curl_easy_duphandle copies only the URL and the referer.
//
// Times are kept in microseconds (the *_TIME_T infos); the double infos are derived.
//
// Tests: tests/conformance/getinfo_fresh.c
#ifndef MCURL_TRANSFER_TRANSFER_INFO_H
#define MCURL_TRANSFER_TRANSFER_INFO_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <curl/curl.h>

#include "util/opt_string.h"

namespace mcurl {

class CertChainInfo;

struct TransferInfo {
  // The URL of the last request (set by CURLOPT_URL, then by redirects), and the
  // Referer: header value (CURLOPT_REFERER, then AUTOREFERER). Unset: "" / NULL.
  OptString effective_url;
  OptString referer;

  OptString ftp_entry_path;
  OptString redirect_url;
  OptString rtsp_session_id;
  // Set by (nearly) every transfer: inline, so that a transfer allocates no holder for
  // them (the two above are one pointer while unset, which they mostly are).
  std::optional<std::string> content_type;
  std::optional<std::string> scheme;
  std::optional<std::string> effective_method;  // the method of the last request sent
  std::string primary_ip;                       // "" until connected
  std::string local_ip;

  long response_code = 0;
  long http_connectcode = 0;
  long header_size = 0;
  long request_size = 0;
  long ssl_verifyresult = 0;
  long proxy_ssl_verifyresult = 0;
  long redirect_count = 0;
  long httpauth_avail = 0;
  long proxyauth_avail = 0;
  long os_errno = 0;
  long num_connects = 0;
  long condition_unmet = 0;
  long rtsp_client_cseq = 0;
  long rtsp_server_cseq = 0;
  long rtsp_cseq_recv = 0;
  long primary_port = 0;
  long local_port = 0;
  long http_version = 0;
  long protocol = 0;  // CURLPROTO_* of the last transfer
  long proxy_error = 0;

  curl_off_t filetime = -1;
  curl_off_t size_upload = 0;
  curl_off_t size_download = 0;
  curl_off_t speed_upload = 0;  // bytes per second
  curl_off_t speed_download = 0;
  curl_off_t content_length_download = -1;
  curl_off_t content_length_upload = -1;
  curl_off_t retry_after = 0;

  // Microseconds.
  curl_off_t total_time = 0;
  curl_off_t namelookup_time = 0;
  curl_off_t connect_time = 0;
  curl_off_t appconnect_time = 0;
  curl_off_t pretransfer_time = 0;
  curl_off_t starttransfer_time = 0;
  curl_off_t redirect_time = 0;

  // The connection the last finished transfer left in the pool (its number, or
  // kNoConnection).
  // CURLINFO_ACTIVESOCKET / LASTSOCKET look it up there (7.88.1's lastconnect_id): no
  // socket while a transfer runs, after the connection closed, or once the handle left
  // the multi whose pool holds it.
  static constexpr std::uint64_t kNoConnection = ~std::uint64_t{0};
  std::uint64_t last_connection = kNoConnection;

  // Handed out by pointer (CURLINFO_CERTINFO, CURLINFO_TLS_SSL_PTR / TLS_SESSION); they
  // live as long as the handle, as in libcurl.
  curl_certinfo certinfo{0, nullptr};          // handed out while `certs` is unset
  std::shared_ptr<const CertChainInfo> certs;  // the last CURLOPT_CERTINFO handshake
  curl_tlssessioninfo tls_session{CURLSSLBACKEND_OPENSSL, nullptr};  // SSL_CTX*
  curl_tlssessioninfo tls_ssl{CURLSSLBACKEND_OPENSSL, nullptr};      // SSL*

  // The start of a transfer (curl_easy_perform, or an add to a multi) clears the
  // figures of the previous one, as 7.88.1 does; the URL and the referer stay.
  void start_transfer() {
    TransferInfo fresh;
    fresh.effective_url = std::move(effective_url);
    fresh.referer = std::move(referer);
    fresh.certinfo = certinfo;
    fresh.certs = std::move(certs);
    fresh.tls_session = tls_session;
    fresh.tls_ssl = tls_ssl;
    fresh.ssl_verifyresult = ssl_verifyresult;  // kept by a transfer on a reused connection
    fresh.proxy_ssl_verifyresult = proxy_ssl_verifyresult;  // the same for an HTTPS proxy
    *this = std::move(fresh);
  }
};

}  // namespace mcurl

#endif  // MCURL_TRANSFER_TRANSFER_INFO_H
