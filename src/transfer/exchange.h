// class Exchange: one run of a Transfer, from curl_multi_add_handle (or the start of
// curl_easy_perform) to its CURLMSG_DONE: the URL, name resolution, connecting, the
// HTTP/1.1 request and response, redirects, and the calls into the application's write,
// header, read, progress and debug callbacks.
//
// Ownership: a Transfer owns its Exchange while it runs (an idle easy handle owns none,
// so it holds no socket and no buffer). The Exchange borrows a Connection from the
// multi's pool and gives it back (or closes it) when the response is complete, failed, or
// the transfer is removed.
//
// The state machine, stepped by Multi::run_transfer until it would block:
//   Start → Pending (waits for a connection slot) → Resolving → Connecting →
//   SocksConnect (a SOCKS handshake) → ProxyConnect (a CONNECT tunnel) →
//   TlsHandshake (https) → Sending → Receiving → Done
// A reused connection goes from Start straight to Sending; a followed redirect goes from
// Receiving back to Start.
//
// Every call into the application is made inside a Multi::CallbackScope; after it the
// Exchange re-checks that it is still attached (the application may pause, or fail the
// transfer through a return code, but not remove it: 7.88.1 refuses that from callbacks).
//
// Thread affinity: the multi's thread.
// Tests: tests/integration/*_test.cc (three drive modes), tests/conformance/http_*.c
#ifndef MCURL_TRANSFER_EXCHANGE_H
#define MCURL_TRANSFER_EXCHANGE_H

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>

#include "content/decoder.h"
#include "http/auth.h"
#include "http/chunked_decoder.h"
#include "http/http1_headers.h"
#include "http/http1_parser.h"
#include "http/http1_request.h"
#include "http/mime.h"
#include "http/proxy.h"
#include "multi/pollset.h"
#include "net/address.h"
#include "net/resolver.h"
#include "net/socks.h"
#include "net/tcp.h"
#include "tls/tls_config.h"
#include "util/clock.h"
#include "util/opt_string.h"
#include "util/url.h"

namespace mcurl {

class Connection;
class Multi;
class TlsSessionCache;
class Transfer;

class Exchange final : public HeadSink, public ChunkSink {
 public:
  enum class State : std::uint8_t {
    Start,
    Pending,
    Resolving,
    Connecting,
    SocksConnect,
    ProxyConnect,
    TlsHandshake,
    Sending,
    Receiving,
    Done,
    kCount
  };

  Exchange(Transfer& t, Multi& m);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  // Runs until the exchange would block or is done. Returns true when done; result()
  // then says how it ended. Never throws: a bad_alloc fails this transfer with
  // CURLE_OUT_OF_MEMORY. May call into the application.
  bool step(int ev_bitmask) noexcept;
  CURLcode result() const noexcept { return result_; }
  State state() const noexcept { return state_; }

  // The sockets this exchange waits on now, and for what.
  void pollset(PollSet& out) const noexcept;

  // A lookup this exchange started finished (Multi::run_resolver).
  void on_resolved(std::uint64_t job, ResolveResult&& r);
  std::uint64_t resolve_job() const noexcept { return resolve_job_; }

  // The transfer leaves its multi before it is done: cancel the lookup, close the
  // sockets and the connection (its response is incomplete) or give it back.
  void abandon() noexcept;

  bool has_connection() const noexcept { return conn_ != nullptr; }
  // curl_easy_pause's new bits. Delivers held data when receiving resumes.
  CURLcode set_pause(int bits);
  // The pause bits in force (CURLPAUSE_RECV | CURLPAUSE_SEND).
  int pause_bits() const noexcept {
    return (recv_paused_ ? CURLPAUSE_RECV : 0) | (send_paused_ ? CURLPAUSE_SEND : 0);
  }

  // ChunkSink / HeadSink (called by the parsers).
  CURLcode on_body(std::string_view data) override;
  CURLcode on_trailer(std::string_view line) override;
  CURLcode on_status(const StatusLine& status, std::string_view raw_line) override;
  void on_status_code(const StatusLine& status) override;
  CURLcode on_header(std::string_view name, std::string_view value,
                     std::string_view raw_line) override;
  CURLcode on_head_end(std::string_view raw_line) override;

 private:
  class TunnelSink;

  // What one state function did.
  enum class Next : std::uint8_t { Continue, Block, Finish };

  Next do_start();
  Next do_pending();
  Next do_resolving();
  Next do_connecting(int ev_bitmask);
  Next do_socks_connect();
  // The SOCKS handshake's local name lookup (socks4://, socks5://): at once from the
  // cache or for numeric names, else on the resolver threads (on_resolved).
  Next socks_resolve();
  Next do_proxy_connect();
  // The CONNECT answer's head is complete (or broken): true when the state moved on
  // (*next says how), false for a 1xx head (read the next one).
  bool tunnel_answer(Http1ResponseParser::Result r, Next* next);
  Next do_tls_handshake();
  Next do_sending();
  Next do_receiving();

  // Helpers of the states.
  Next fail(CURLcode code, const std::string& text);
  Next finish(CURLcode code);
  Next reuse(Connection* c);
  CURLcode setup_url();
  Next begin_connect(const AddressList& addrs);
  bool start_attempt(const AddressList& list, std::size_t index);
  Next begin_unix_connect();
  void close_attempts(int keep_fd) noexcept;
  Next connected(int fd, const sockaddr* peer);
  // The TCP (and, for https, TLS) connection is ready: CONNECT_ONLY ends here.
  Next connection_ready();
  Next start_tls();
  // TLS to an HTTPS proxy, after the TCP connect (and a SOCKS pre-proxy's handshake).
  Next start_proxy_tls();
  Next proxy_tls_done();
  // After the TCP connect: TLS, a proxy tunnel first, or neither.
  Next after_tcp_connect();
  const std::shared_ptr<TlsSessionCache>& session_cache() const noexcept;
  CURLcode build_request();
  // Rewinds the read callback's body before it is sent again (7.88.1's readrewind).
  CURLcode rewind_upload();
  // Sets up mime_body_ for a MIMEPOST/HTTPPOST request (size, Content-Type, rewind).
  CURLcode prepare_mime_body(RequestSpec& spec);
  Next send_pending();
  CURLcode fill_upload();
  Next read_response();
  Next response_complete();
  Next restart_request();
  // Authentication (exchange_io.cc): the credentials in use and the Authorization value.
  bool credentials(std::string* user, std::string* password);
  bool has_credentials();
  void build_authorization(RequestSpec& spec);
  Next handle_eof();
  Next retry_fresh_connection();
  // Body bytes as framed on the wire (after chunked framing): counted, shown to the debug
  // callback, then decoded (decoding_) or written as they are.
  CURLcode deliver_body(const char* data, std::size_t len);
  // Runs wire bytes through decoders_ and writes the output; on a pause the rest of the
  // input waits undecoded in held_raw_ (so a paused transfer holds at most one receive
  // buffer of compressed data plus one decoded piece, whatever the ratio).
  CURLcode decode_body(const char* data, std::size_t len);
  // Decoded body bytes to the application: CURLOPT_MAXFILESIZE on the decoded size, then
  // pieces of at most CURL_MAX_WRITE_SIZE, held in held_ when paused.
  CURLcode write_body(const char* data, std::size_t len);
  // Adds the codings of a Content-Encoding or Transfer-Encoding value to decoders_.
  CURLcode add_codings(std::string_view value, bool transfer);
  CURLcode write_body_now(const char* data, std::size_t len);
  // count: false for trailers (not in header_size, not to the body writer with
  // CURLOPT_HEADER). show: pass it to the debug callback as HEADER_IN (trailers and the
  // end of a 1xx head are not: 7.88.1 shows trailers raw as DATA_IN).
  CURLcode deliver_header(std::string_view line, bool count = true, bool show = true);
  CURLcode progress();
  void debug(curl_infotype type, std::string_view data);
  void info_text(const std::string& text);
  // CURLOPT_VERBOSE: callers check it before building a text, so quiet transfers
  // format nothing.
  bool verbose() const noexcept;
  void release_connection(bool keep) noexcept;
  void note_connection();
  // Marks this exchange as opening a connection (for CURLMOPT_MAX_*_CONNECTIONS).
  void opening(bool on) noexcept;
  void record_time(curl_off_t& field) noexcept;
  void record_lookup_time() noexcept;
  void check_timeouts();
  std::string timeout_text() const;

  Transfer& t_;
  Multi& m_;
  State state_ = State::Start;
  CURLcode result_ = CURLE_OK;

  // Where to go.
  Url url_;
  std::string scheme_;  // lower case
  std::string host_;    // without IPv6 brackets
  std::string host_header_;
  std::string target_;  // path and query
  int port_ = 0;
  std::string first_host_;    // "host:port" of the transfer's first request
  std::string connect_host_;  // where the connection goes (CURLOPT_CONNECT_TO)
  int connect_port_ = 0;
  std::string conn_key_;
  std::string host_key_;
  bool https_ = false;
  std::shared_ptr<const TlsSetup> tls_setup_;  // https only
  const TlsConfig* tls_cfg_ = nullptr;         // &tls_setup_->config
  // Through an HTTP proxy: where it is, and whether a CONNECT tunnel carries the
  // transfer (https, or CURLOPT_HTTPPROXYTUNNEL) or requests go in absolute form.
  ProxyChoice proxy_;
  std::string unix_path_;       // CURLOPT_UNIX_SOCKET_PATH / ABSTRACT_UNIX_SOCKET, or empty
  bool unix_abstract_ = false;  // the path is an abstract name
  // An HTTPS proxy: its TLS configuration (PROXY_* options) and whether the handshake
  // running in State::TlsHandshake is the proxy's.
  std::unique_ptr<TlsConfig> proxy_tls_cfg_;  // out of line: most transfers have none
  std::string proxy_tls_key_;
  bool proxy_handshake_ = false;
  bool tunnel_ = false;
  std::string proxy_target_;  // the absolute-form request target (no tunnel)
  std::string tunnel_out_;    // the CONNECT request not yet sent
  std::size_t tunnel_off_ = 0;
  bool tunnel_sent_ = false;
  std::unique_ptr<Http1ResponseParser> tunnel_parser_;
  // Through a SOCKS proxy (or a SOCKS pre-proxy in front of an HTTP proxy): the
  // handshakes after the TCP connect, in order, and the one running.
  std::vector<SocksParams> socks_chain_;
  std::size_t socks_step_ = 0;
  std::unique_ptr<SocksHandshake> socks_;

  // Resolving and connecting.
  std::uint64_t resolve_job_ = 0;
  AddressList addrs_;
  struct Attempt {
    int fd = -1;
    Address addr;
  };
  std::vector<Attempt> attempts_;  // in flight (at most one per address family)
  AddressList family_lists_[2];
  std::size_t next_index_[2] = {0, 0};
  int last_errno_ = 0;
  Connection* conn_ = nullptr;
  bool reused_ = false;
  bool opening_ = false;
  bool retried_ = false;  // a dead reused connection was retried once already

  // The request.
  bool request_built_ = false;
  bool rewind_pending_ = false;           // the read callback's body went out once: rewind first
  std::optional<HttpReq> kind_override_;  // GET after a 301/302/303 (see redirects)
  std::string send_buf_;                  // head (and small bodies) not yet sent
  std::size_t send_off_ = 0;
  bool chunked_upload_ = false;
  bool upload_done_ = true;
  bool expect_100_ = false;
  bool awaiting_100_ = false;
  bool reading_while_sending_ = false;
  bool upload_after_response_ = false;
  bool upload_interrupted_ =
      false;  // an answer arrived while the body was going out  // a 2xx came instead of 100: send
              // the body after it  // the body after "100 Continue": IN and OUT watched
  curl_off_t upload_size_ = -1;
  curl_off_t uploaded_ = 0;
  const char* post_data_ = nullptr;  // POSTFIELDS bytes still to send
  // A multipart body (MIMEPOST, or HTTPPOST converted per request into form_mime_):
  // fill_upload reads it instead of the read callback.
  Mime* mime_body_ = nullptr;
  std::unique_ptr<Mime> form_mime_;
  std::string mime_content_type_;
  curl_off_t post_left_ = 0;
  bool send_paused_ = false;

  // The response.
  Http1ResponseParser parser_;
  ChunkedDecoder chunked_{};
  KeepAlive keep_alive_;
  enum class Framing : std::uint8_t { Unknown, Length, Chunked, Close, None };
  Framing framing_ = Framing::Unknown;
  bool head_done_ = false;
  bool saw_status_ = false;
  bool ignore_body_ = false;  // the body of a followed redirect is discarded  // a status line of
                              // this request was seen (1xx included)
  bool got_bytes_ = false;    // anything received for this request
  curl_off_t body_left_ = -1;
  curl_off_t content_length_ = -1;
  bool te_chunked_ = false;
  bool conn_close_ = false;
  OptString location_;  // one pointer: most answers carry no Location
  // Host authentication (src/http/auth.h): the dance's state for the whole run, and
  // whether this 401 is answered by sending the request again.
  // Allocated when the dance starts (credentials, or a 401's offers): most transfers
  // never authenticate, and a held transfer should not carry the state.
  std::unique_ptr<AuthState> auth_;
  AuthState& auth() {
    if (!auth_) auth_ = std::make_unique<AuthState>();
    return *auth_;
  }
  bool auth_started_ = false;
  bool auth_retry_ = false;
  std::string auth_value_;  // the Authorization value of the request being built
  std::unique_ptr<char[]> buf_;
  std::size_t buf_size_ = 0;
  std::string held_;  // decoded body held while receiving is paused
  // Content decoding (src/content): the codings of this response, whether the body goes
  // through them, the output window, and wire bytes waiting while paused.
  std::unique_ptr<DecoderStack> decoders_;
  bool decoding_ = false;
  bool raw_chunked_ = false;  // HTTP_TRANSFER_DECODING=0: chunked bytes delivered as sent
  std::unique_ptr<char[]> decode_buf_;
  std::string held_raw_;
  curl_off_t delivered_ = 0;  // decoded body bytes written (MAXFILESIZE)
  bool recv_paused_ = false;
  bool complete_after_unpause_ = false;

  // Figures.
  TimePoint started_{};
  TimePoint last_progress_{};
  curl_off_t low_speed_mark_ = 0;  // bytes at the start of the current speed window
  TimePoint low_speed_since_{};
  bool low_speed_below_ = false;
};

}  // namespace mcurl

#endif  // MCURL_TRANSFER_EXCHANGE_H
