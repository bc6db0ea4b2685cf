// class Transfer: the insides of one easy handle (CURL*).
//
// Owns the handle's options and the figures behind curl_easy_getinfo; once the engine
// lands, also its state machine and progress. The application owns the handle (and so the
// Transfer) from curl_easy_init to curl_easy_cleanup; a Multi refers to an added Transfer
// by id and never owns it (STYLE.md §5).
//
// Thread affinity: one thread at a time (libcurl-thread.3).
#ifndef MCURL_TRANSFER_TRANSFER_H
#define MCURL_TRANSFER_TRANSFER_H

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

#include "http/header_store.h"
#include "multi/expire_set.h"
#include "multi/message_queue.h"
#include "multi/multi.h"
#include "multi/pollset.h"
#include "multi/share.h"
#include "multi/timer_tree.h"
#include "tls/tls_config.h"
#include "transfer/options.h"
#include "transfer/transfer_info.h"

namespace mcurl {

class Mime;

class Connection;
class Exchange;

class Transfer {
 public:
  Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer();

  Options& options() noexcept { return options_; }
  const Options& options() const noexcept { return options_; }
  TransferInfo& info() noexcept { return info_; }
  const TransferInfo& info() const noexcept { return info_; }

  // curl_easy_setopt for every option but CURLOPT_SHARE (see set_share): stores through
  // Options::set and keeps the getinfo state that 7.88.1 updates at setopt time (the
  // effective URL and the referer). Returns Options::set's answer. May throw bad_alloc.
  CURLcode setopt(CURLoption option, const OptArg& arg);

  // curl_easy_getinfo: writes the value of `info` through `out` (a pointer to the type
  // the info's CURLINFO_* type range names). Returns CURLE_OK, or CURLE_UNKNOWN_OPTION
  // for an unknown info or a null `out`, as 7.88.1 does. For CURLINFO_SSL_ENGINES and
  // CURLINFO_COOKIELIST the list is allocated with the curl_global_init_mem hooks and the
  // application frees it with curl_slist_free_all. May throw bad_alloc.
  CURLcode getinfo(CURLINFO info, void* out) const;

  // curl_easy_reset: options and info back to a fresh handle's; the share stays
  // attached (7.88.1 keeps it).
  void reset();

  // curl_easy_duphandle: copies `other`'s options (strings deep-copied, borrowed things
  // still borrowed), its URL and referer, but not its share, connections or figures.
  // Returns false (copying nothing) where 7.88.1's duphandle fails. May throw bad_alloc.
  bool copy_settings_from(const Transfer& other);

  // CURLOPT_SHARE: detaches from the current share and attaches to `share` (nullptr:
  // none). The share must outlive the attachment (curl_share_cleanup refuses while
  // attached). Leaving and joining each take the share's own lock (CURL_LOCK_DATA_SHARE),
  // as 7.88.1 does.
  void set_share(Share* share) noexcept;
  Share* share() const noexcept { return share_; }

  // The multi this transfer is added to (the application's, or the private one of
  // curl_easy_perform), or nullptr.
  Multi* multi() const noexcept { return multi_; }
  void set_multi(Multi* m) noexcept { multi_ = m; }

  // True while the application is inside a callback made by this transfer's multi; the
  // API guards use it for 7.88.1's CURLE_RECURSIVE_API_CALL answers.
  bool in_callback() const noexcept { return multi_ != nullptr && multi_->in_callback(); }

  // --- the engine side (src/transfer/exchange.h, src/multi) ---------------------------

  // The application's handle for this transfer (what callbacks and CURLMsg carry).
  CURL* handle() const noexcept { return handle_; }
  void set_handle(CURL* h) noexcept { handle_ = h; }

  // The id the multi knows this transfer by while added (0: not added).
  std::uint32_t id() const noexcept { return id_; }

  // Where an added transfer is.
  enum class Phase : std::uint8_t { Idle, Running, Done };
  Phase phase() const noexcept { return phase_; }

  // curl_easy_pause: sets the new pause bits (CURLPAUSE_RECV / SEND). Returns
  // CURLE_BAD_FUNCTION_ARGUMENT when the transfer has no connection (7.88.1), else what
  // delivering held data to the write callback returned. May call into the application.
  CURLcode pause(int bitmask);

  // The error text for CURLOPT_ERRORBUFFER: written once per transfer, where the failure
  // happens (libcurl's failf). Also sent to the debug callback when verbose.
  void fail_text(const std::string& text);
  // The same at the start of a transfer: clears what an earlier transfer wrote first.
  void fail_text_now(const std::string& text) {
    error_written_ = false;
    fail_text(text);
  }

  // curl_easy_perform: runs this transfer to its end on a private multi (kept between
  // calls, so connections are reused) with a poll loop. Returns the transfer's result;
  // CURLE_FAILED_INIT when the handle is added to an application's multi.
  CURLcode perform();

  // True when the handle is added to an application's multi (not perform's own).
  bool in_application_multi() const noexcept {
    return multi_ != nullptr && multi_ != private_multi_.get();
  }

  // curl_easy_cleanup of a handle still added to a multi removes it first.
  void leave_multi();

  // curl_easy_send / curl_easy_recv on the CURLOPT_CONNECT_ONLY connection. Return
  // CURLE_OK (with *n), CURLE_AGAIN when the socket would block, CURLE_SEND_ERROR /
  // CURLE_RECV_ERROR, or CURLE_UNSUPPORTED_PROTOCOL when there is no such connection.
  CURLcode send_raw(const void* buf, std::size_t len, std::size_t* n);
  CURLcode recv_raw(void* buf, std::size_t len, std::size_t* n);
  // Takes the connection a CONNECT_ONLY transfer made (the engine calls this).
  void keep_connection(std::unique_ptr<Connection> conn);

  // CURLINFO_ACTIVESOCKET / LASTSOCKET: the socket of the connection the last transfer
  // left in the pool of the multi this handle is in (or its curl_easy_perform multi).
  curl_socket_t last_socket() const noexcept;

  // The response headers of the last transfer (curl_easy_header / nextheader). The
  // store is allocated on first use, so a handle that has seen no header yet (a transfer
  // waiting for its answer) holds none. May throw bad_alloc.
  HeaderStore& headers() {
    if (!headers_) headers_ = std::make_unique<HeaderStore>();
    return *headers_;
  }
  // Forgets the last transfer's headers (keeps the store for the next ones).
  void clear_headers() noexcept {
    if (headers_) headers_->clear();
  }

  // --- cookies (src/transfer/cookie_glue.cc, src/http/cookies.h) ----------------------
  // The handle's jar: the share's when it shares CURL_LOCK_DATA_COOKIE, else its own
  // (nullptr before anything enabled cookies). Use under cookie_lock().
  CookieJar* cookie_jar() const noexcept;
  void cookie_lock() const noexcept;
  void cookie_unlock() const noexcept;
  // Reads the CURLOPT_COOKIEFILE files (all of them, each time, as 7.88.1), enabling the
  // cookie engine. Called as a transfer starts, by COOKIELIST "RELOAD" and before the jar
  // is written.
  void load_cookie_files();
  // The jar's part of the Cookie header for a request, "" when none or no engine. Also
  // starts the request's Set-Cookie count.
  std::string cookies_for_request(std::string_view host, std::string_view path, bool https);
  // A Set-Cookie header value of a response to (host, path).
  void cookie_from_response(std::string_view value, std::string_view host, std::string_view path,
                            bool https);
  // Writes the jar to CURLOPT_COOKIEJAR (when set); `cleanup` also drops the own jar.
  void flush_cookies(bool cleanup);
  // CURLINFO_COOKIELIST's lines.
  std::vector<std::string> cookie_lines() const;

  // The TLS configuration of the options as they are now, with its key: built by the
  // first https transfer after any setopt, reset or duphandle, then shared by the next
  // ones. May throw bad_alloc.
  std::shared_ptr<const TlsSetup> tls_setup();

  // The running exchange (request/response state), or nullptr when idle.
  Exchange* exchange() const noexcept { return exchange_.get(); }

  // Called by the multi when the transfer finished: `result` is reported in CURLMsg.
  void set_result(CURLcode result) noexcept { message_.msg.data.result = result; }

 private:
  friend class Multi;
  friend class Exchange;

  Options options_;
  TransferInfo info_;
  std::shared_ptr<const TlsSetup> tls_setup_;  // see tls_setup(); dropped by setopt
  Share* share_ = nullptr;
  Multi* multi_ = nullptr;

  // Engine links, embedded so that scheduling allocates nothing (STYLE.md §5.4).
  CURL* handle_ = nullptr;
  std::uint32_t id_ = 0;
  Phase phase_ = Phase::Idle;
  bool error_written_ = false;  // ERRORBUFFER already holds this transfer's text
  TimerNode timer_;
  ExpireSet expires_;
  PollSet polled_;  // the sockets this transfer is registered for in the multi
  MessageNode message_;
  std::unique_ptr<Exchange> exchange_;
  std::unique_ptr<Multi> private_multi_;
  std::unique_ptr<HeaderStore> headers_;
  std::unique_ptr<CookieJar> own_cookies_;
  bool cookie_engine_ = false;  // files, COOKIEJAR or COOKIELIST turned cookies on
  unsigned set_cookies_ = 0;    // Set-Cookie lines taken for the current request
  // Applies setopt-time cookie effects (COOKIELIST commands, COOKIEJAR, COOKIEFILE NULL).
  void cookie_setopt(CURLoption option);
  // curl_easy_duphandle's deep copy of the original's CURLOPT_MIMEPOST (7.88.1 copies the
  // mime; the copy belongs to this handle and CURLOPT_MIMEPOST points at it).
  std::unique_ptr<Mime> dup_mime_;
  std::unique_ptr<Connection>
      kept_;  // CURLOPT_CONNECT_ONLY's connection  // curl_easy_perform's, created on first use
};

}  // namespace mcurl

#endif  // MCURL_TRANSFER_TRANSFER_H
