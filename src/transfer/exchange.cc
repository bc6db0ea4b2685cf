// The state machine of one transfer run: setup, resolving and connecting.
// The request and response halves are in exchange_io.cc.
#include "transfer/exchange.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

#include "multi/multi.h"
#include "multi/pool_use.h"
#include "multi/share.h"
#include "net/connection.h"
#include "tls/certinfo.h"
#include "tls/tls_stream.h"
#include "transfer/transfer.h"
#include "util/error_text.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

// Splits "host:rest" where host may be "[v6]"; returns false without a colon.
bool split_host(std::string_view s, std::string_view& host, std::string_view& rest) {
  std::size_t colon;
  if (!s.empty() && s.front() == '[') {
    std::size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    host = s.substr(1, close - 1);
    colon = close + 1;
    if (colon >= s.size() || s[colon] != ':') return false;
  } else {
    colon = s.find(':');
    if (colon == std::string_view::npos) return false;
    host = s.substr(0, colon);
  }
  rest = s.substr(colon + 1);
  return true;
}

// CURLOPT_CONNECT_TO: the first "HOST:PORT:TO-HOST:TO-PORT" entry that matches (empty
// HOST or PORT match anything; empty TO-HOST or TO-PORT keep the original) changes where
// the connection goes, not the Host header.
void apply_connect_to(const curl_slist* list, const std::string& host, int port,
                      std::string& to_host, int& to_port) {
  for (; list != nullptr; list = list->next) {
    if (list->data == nullptr) continue;
    std::string_view h, rest, p, rest2, th, tp;
    if (!split_host(list->data, h, rest)) continue;
    std::size_t c = rest.find(':');
    if (c == std::string_view::npos) continue;
    p = rest.substr(0, c);
    rest2 = rest.substr(c + 1);
    if (!rest2.empty() && rest2.front() == '[') {
      if (!split_host(rest2, th, tp)) continue;
    } else {
      std::size_t c2 = rest2.find(':');
      if (c2 == std::string_view::npos) continue;
      th = rest2.substr(0, c2);
      tp = rest2.substr(c2 + 1);
    }
    bool host_ok = h.empty() || iequals(h, host);
    bool port_ok = p.empty() || p == std::to_string(port);
    if (!host_ok || !port_ok) continue;
    if (!th.empty()) to_host = std::string(th);
    if (!tp.empty()) to_port = std::atoi(std::string(tp).c_str());
    return;
  }
}

// The application's socket callbacks, as the TCP layer takes them.
SocketHooks socket_hooks(const Options& o) {
  return SocketHooks{o.cold().cb.opensocket,  o.cold().cb.opensocket_data,
                     o.cold().cb.closesocket, o.cold().cb.closesocket_data,
                     o.cold().cb.sockopt,     o.cold().cb.sockopt_data};
}

// CURLUcode of a transfer's URL to the CURLcode 7.88.1 reports.
CURLcode url_error_code(CURLUcode uc) {
  switch (uc) {
    case CURLUE_UNSUPPORTED_SCHEME:
      return CURLE_UNSUPPORTED_PROTOCOL;
    case CURLUE_OUT_OF_MEMORY:
      return CURLE_OUT_OF_MEMORY;
    case CURLUE_USER_NOT_ALLOWED:
      return CURLE_LOGIN_DENIED;
    default:
      return CURLE_URL_MALFORMAT;
  }
}

// The DNS cache a transfer uses: its share's when the share has CURL_LOCK_DATA_DNS (held
// under the application's DNS lock for the scope), else its multi's.
class DnsUse {
 public:
  DnsUse(Transfer& t, Multi& m) noexcept
      : share_(t.share() != nullptr && t.share()->is_shared(CURL_LOCK_DATA_DNS) ? t.share()
                                                                                : nullptr),
        handle_(t.handle()),
        cache_(share_ != nullptr ? share_->dns() : m.dns_cache()) {
    if (share_ != nullptr) share_->lock(handle_, CURL_LOCK_DATA_DNS, CURL_LOCK_ACCESS_SINGLE);
  }
  ~DnsUse() {
    if (share_ != nullptr) share_->unlock(handle_, CURL_LOCK_DATA_DNS);
  }
  DnsUse(const DnsUse&) = delete;
  DnsUse& operator=(const DnsUse&) = delete;
  DnsCache& cache() noexcept { return cache_; }

 private:
  Share* share_;
  CURL* handle_;
  DnsCache& cache_;
};

curl_off_t micros_since(TimePoint start, TimePoint now) {
  return std::chrono::duration_cast<std::chrono::microseconds>(now - start).count();
}

}  // namespace

Exchange::Exchange(Transfer& t, Multi& m) : t_(t), m_(m) {
  touch_connection_lock(t);  // 7.88.1's curl_multi_add_handle locks a shared pool once
  t.info().start_transfer();
  t.info().last_connection = TransferInfo::kNoConnection;  // known again when it ends
  t.clear_headers();
  t.keep_connection(nullptr);  // a new transfer drops the CONNECT_ONLY connection
  Http1ParserOptions po;
  po.http09_allowed = t.options().http09_allowed != 0;
  po.http200_aliases = t.options().http200aliases.get();
  parser_.set_options(po);
}

Exchange::~Exchange() { abandon(); }

bool Exchange::step(int ev_bitmask) noexcept {
  try {
    if (state_ != State::Done) check_timeouts();
    // Bounded: every pass either changes state or blocks.
    for (int pass = 0; pass < 64 && state_ != State::Done; ++pass) {
      Next next = Next::Block;
      switch (state_) {
        case State::Start:
          next = do_start();
          break;
        case State::Pending:
          next = do_pending();
          break;
        case State::Resolving:
          next = do_resolving();
          break;
        case State::Connecting:
          next = do_connecting(ev_bitmask);
          break;
        case State::SocksConnect:
          next = do_socks_connect();
          break;
        case State::ProxyConnect:
          next = do_proxy_connect();
          break;
        case State::TlsHandshake:
          next = do_tls_handshake();
          break;
        case State::Sending:
          next = do_sending();
          break;
        case State::Receiving:
          next = do_receiving();
          break;
        case State::Done:
        case State::kCount:
          break;
      }
      if (next == Next::Block) break;
    }
    if (state_ != State::Done && state_ >= State::Connecting) {
      CURLcode pr = progress();
      if (pr != CURLE_OK) fail(pr, "Callback aborted");
    }
  } catch (const std::bad_alloc&) {
    finish(CURLE_OUT_OF_MEMORY);
  }
  return state_ == State::Done;
}

Exchange::Next Exchange::fail(CURLcode code, const std::string& text) {
  if (!text.empty()) t_.fail_text(text);
  return finish(code);
}

Exchange::Next Exchange::finish(CURLcode code) {
  if (state_ == State::Done) return Next::Finish;
  result_ = code;
  state_ = State::Done;
  opening(false);
  if (resolve_job_ != 0) {
    m_.resolver().cancel(resolve_job_);
    resolve_job_ = 0;
  }
  close_attempts(-1);
  TransferInfo& info = t_.info();
  info.total_time = micros_since(started_, m_.now());
  if (info.total_time > 0) {
    info.speed_download = info.size_download * 1000000 / info.total_time;
    info.speed_upload = info.size_upload * 1000000 / info.total_time;
  }
  if (code == CURLE_OK) {
    // A last progress report at the end, as libcurl makes one; an abort there closes
    // the connection like any other failure (7.88.1), so it runs before the release.
    CURLcode pr = progress();
    if (pr != CURLE_OK) {
      result_ = pr;
      t_.fail_text("Callback aborted");
    }
  }
  release_connection(result_ == CURLE_OK);
  t_.expires_.clear_all();
  return Next::Finish;
}

// --- Start: the URL, the pool ---------------------------------------------------------

CURLcode Exchange::setup_url() {
  t_.load_cookie_files();  // CURLOPT_COOKIEFILE: read once, when the transfer starts
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  // A redirect already set url_ (relative to the previous one); otherwise start from the
  // option.
  if (t_.info().redirect_count == 0 || !url_.host()) {
    url_.clear();
    // CURLOPT_CURLU is not read yet (docs/COMPATIBILITY.md): the URL option is.
    const char* url = o.url ? o.url->c_str() : nullptr;
    if (url == nullptr || *url == '\0') {
      t_.fail_text("No URL set");
      return CURLE_URL_MALFORMAT;
    }
    unsigned flags = CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME;
    if (o.disallow_username_in_url) flags |= CURLU_DISALLOW_USER;
    if (o.path_as_is) flags |= CURLU_PATH_AS_IS;
    Multi::ParsedUrl& parsed = m_.last_parsed_url();
    if (parsed.valid && parsed.flags == flags && parsed.text == url) {
      url_ = parsed.url;  // the same URL as last time: no second parse
    } else {
      CURLUcode uc = url_.set(CURLUPART_URL, url, flags);
      if (uc != CURLUE_OK) return url_error_code(uc);  // 7.88.1 writes no text here
      parsed.text = url;
      parsed.flags = flags;
      parsed.url = url_;
      parsed.valid = true;
    }
  }
  std::optional<std::string> part;
  url_.get(CURLUPART_SCHEME, part, 0);
  scheme_ = part.value_or("http");
  for (char& c : scheme_) c = static_cast<char>(to_lower_ascii(c));
  const long allowed = o.protocols;
  if ((scheme_ != "http" || (allowed & CURLPROTO_HTTP) == 0) &&
      (scheme_ != "https" || (allowed & CURLPROTO_HTTPS) == 0)) {
    t_.fail_text("Protocol \"" + scheme_ + "\" not supported or disabled in libcurl");
    return CURLE_UNSUPPORTED_PROTOCOL;
  }
  https_ = scheme_ == "https";
  const int default_port = https_ ? 443 : 80;
  part.reset();
  if (url_.get(CURLUPART_HOST, part, 0) != CURLUE_OK || !part || part->empty()) {
    t_.fail_text("No host part in the URL");
    return CURLE_URL_MALFORMAT;
  }
  host_ = *part;
  bool ipv6 = host_.size() > 1 && host_.front() == '[';
  std::string bare = ipv6 ? host_.substr(1, host_.size() - 2) : host_;
  port_ = url_.port_number() != 0 ? static_cast<int>(url_.port_number()) : default_port;
  if (o.port > 0) port_ = static_cast<int>(o.port);
  host_header_ = host_;
  if (port_ != default_port) {
    // Two appends: GCC 12 at -O3 warns (-Wrestrict, a false positive) on ":" + to_string.
    host_header_ += ':';
    host_header_ += std::to_string(port_);
  }
  part.reset();
  url_.get(CURLUPART_PATH, part, 0);
  target_ = part.value_or("/");
  part.reset();
  if (url_.get(CURLUPART_QUERY, part, 0) == CURLUE_OK && part) target_ += "?" + *part;
  std::string effective;
  url_.to_string(effective, 0);
  info.effective_url = effective;
  host_ = bare;
  connect_host_ = bare;
  connect_port_ = port_;
  apply_connect_to(o.connect_to.get(), host_, port_, connect_host_, connect_port_);
  const ColdOptions& cold = o.cold();
  unix_path_ = cold.unix_socket_path ? *cold.unix_socket_path : std::string();
  unix_abstract_ = !unix_path_.empty() && cold.abstract_unix_socket;
  if (!unix_path_.empty()) {
    proxy_ = ProxyChoice{};  // 7.88.1 drops the proxy for a UNIX socket path
  } else {
    std::string text;
    CURLcode prc = choose_proxy(o, scheme_, host_, &proxy_, &text);
    if (prc != CURLE_OK) {
      t_.fail_text(text);
      return prc;
    }
  }
  tunnel_ = proxy_.use && !proxy_.socks && (https_ || o.httpproxytunnel != 0);
  socks_chain_.clear();
  socks_step_ = 0;
  if (proxy_.use) {
    connect_host_ = proxy_.host;
    connect_port_ = proxy_.port;
    if (proxy_.socks) {
      SocksParams p;
      p.version = proxy_.socks_version;
      p.host = host_;
      p.port = port_;
      p.has_credentials = proxy_.has_credentials;
      p.user = proxy_.user;
      p.password = proxy_.password;
      p.auth = o.socks5_auth;
      socks_chain_.push_back(std::move(p));
    } else if (proxy_.pre) {
      // The pre-proxy carries the connection to the HTTP proxy.
      SocksParams p;
      p.version = proxy_.pre_version;
      p.host = proxy_.host;
      p.port = proxy_.port;
      p.has_credentials = proxy_.pre_has_credentials;
      p.user = proxy_.pre_user;
      p.password = proxy_.pre_password;
      p.auth = o.socks5_auth;
      socks_chain_.push_back(std::move(p));
      connect_host_ = proxy_.pre_host;
      connect_port_ = proxy_.pre_port;
    }
  }
  std::string lower = connect_host_;
  for (char& c : lower) c = static_cast<char>(to_lower_ascii(c));
  host_key_ = lower + ":" + std::to_string(connect_port_);
  conn_key_ = (https_ ? "https://" : "http://") + host_key_;
  if (https_ || connect_host_ != host_ || connect_port_ != port_) {
    // TLS checks the certificate against the URL's host, so that is part of the key.
    conn_key_ += "/for/" + host_ + ":" + std::to_string(port_);
  }
  if (proxy_.use) {
    // A plain proxy connection serves requests to any host; a tunnel only its target.
    std::string who = proxy_.has_credentials ? proxy_.user + ":" + proxy_.password : "";
    if (proxy_.socks) {
      // The proxy connects this one target; the handshake's credentials and version are
      // part of the connection (no reuse across proxies).
      static constexpr const char* kSocksNames[] = {"socks4", "socks4a", "socks5", "socks5h"};
      conn_key_ = std::string(https_ ? "https://" : "http://") + host_ + ":" +
                  std::to_string(port_) + "/" +
                  kSocksNames[static_cast<int>(proxy_.socks_version)] + "/" + host_key_ + "/" + who;
    } else if (tunnel_) {
      conn_key_ = std::string(https_ ? "https://" : "http://") + host_ + ":" +
                  std::to_string(port_) + "/via/" + proxy_.host + ":" +
                  std::to_string(proxy_.port) + "/" + who;
    } else {
      conn_key_ = "proxy://" + proxy_.host + ":" + std::to_string(proxy_.port) + "/" + who;
      // The request target is the whole URL, without fragment and credentials.
      Url target = url_;
      target.set(CURLUPART_FRAGMENT, nullptr, 0);
      target.set(CURLUPART_USER, nullptr, 0);
      target.set(CURLUPART_PASSWORD, nullptr, 0);
      proxy_target_.clear();
      target.to_string(proxy_target_, 0);
    }
  }
  proxy_handshake_ = false;
  proxy_tls_key_.clear();
  if (proxy_.use && proxy_.https) {
    proxy_tls_cfg_ = std::make_unique<TlsConfig>(TlsConfig::from_proxy_options(o));
    proxy_tls_key_ = proxy_tls_cfg_->key();
    conn_key_ += "|proxytls:" + proxy_tls_key_;
  }
  if (proxy_.pre) {
    conn_key_ += "|pre:" + host_key_ + "/" + std::to_string(static_cast<int>(proxy_.pre_version)) +
                 "/" + proxy_.pre_user + ":" + proxy_.pre_password;
  }
  if (!unix_path_.empty()) {
    // The socket path is part of the connection: no reuse across paths, kinds or TCP.
    conn_key_ += unix_abstract_ ? "|unix@:" : "|unix:";
    conn_key_ += unix_path_;
    if (unix_abstract_) {
      // 7.88.1 never reuses a connection whose PRIMARY_IP is empty ("still name
      // resolving"), and an abstract socket's is: a key of its own for each transfer.
      static std::atomic<unsigned long long> abstract_serial{0};
      conn_key_ += '#';
      conn_key_ += std::to_string(++abstract_serial);
    }
  }
  if (https_) {
    tls_setup_ = t_.tls_setup();
    tls_cfg_ = &tls_setup_->config;
    conn_key_ += '|';
    conn_key_ += tls_setup_->key;
  } else {
    tls_setup_.reset();
    tls_cfg_ = nullptr;
  }
  return CURLE_OK;
}

Exchange::Next Exchange::do_start() {
  const Options& o = t_.options();
  if (t_.info().redirect_count == 0 && !retried_) {
    started_ = m_.now();
    last_progress_ = started_;
    // Per-transfer timeouts count from here (CURLOPT_TIMEOUT includes queueing).
    long total_ms = o.timeout_ms > 0 ? o.timeout_ms : o.timeout_s * 1000;
    if (total_ms > 0) t_.expires_.set(ExpireKind::Timeout, after_ms(started_, total_ms));
    CURLcode rc = CURLE_OK;
    std::string text;
    {
      DnsUse dns(t_, m_);
      if (o.resolve) rc = dns.cache().load_resolve_list(o.resolve.get(), m_.now(), &text);
      dns.cache().set_timeout(o.dns_cache_timeout);
    }
    if (rc != CURLE_OK) return fail(rc, text);
  }
  CURLcode rc = setup_url();
  if (rc != CURLE_OK) return finish(rc);
  if (connection_share(t_) != nullptr) {
    // A shared pool is pruned of dead connections once a second, as 7.88.1 does before
    // each connection choice (one lock to look at the clock, two more when it prunes).
    bool pruned = PoolUse(t_, m_).pool().prune(m_.now(), o.maxage_conn, o.maxlifetime_conn);
    if (pruned) {
      touch_connection_lock(t_);
      touch_connection_lock(t_);
    }
  }
  if (!o.fresh_connect && !retried_) {
    Connection* c =
        PoolUse(t_, m_).pool().take_idle(conn_key_, m_.now(), o.maxage_conn, o.maxlifetime_conn);
    if (c != nullptr) return reuse(c);
  }
  state_ = State::Pending;
  return Next::Continue;
}

// Takes a pooled connection `c` (already taken out of the idle pool) for this transfer.
Exchange::Next Exchange::reuse(Connection* c) {
  conn_ = c;
  reused_ = true;
  note_connection();
  if (verbose())
    info_text("Re-using existing connection #" + std::to_string(c->number()) + " with host " +
              host_);
  state_ = State::Sending;
  return Next::Continue;
}

Exchange::Next Exchange::do_pending() {
  const Options& opts = t_.options();
  Connection* idle = nullptr;
  bool may_open = false;
  {
    PoolUse use(t_, m_);
    // A connection may have become idle while this transfer waited.
    if (opts.fresh_connect == 0 && !retried_) {
      idle = use.pool().take_idle(conn_key_, m_.now(), opts.maxage_conn, opts.maxlifetime_conn);
    }
    may_open = idle == nullptr && m_.may_open_connection(host_key_, use.pool());
  }
  if (idle != nullptr) return reuse(idle);
  if (!may_open) return Next::Block;  // woken by wake_pending
  opening(true);  // counts against the connection limits until connected or failed
  const Options& o = t_.options();
  long connect_ms = o.connecttimeout_ms > 0 ? o.connecttimeout_ms : o.connecttimeout_s * 1000;
  if (connect_ms <= 0) connect_ms = 300000;  // libcurl's default connect timeout
  t_.expires_.set(ExpireKind::Connect, after_ms(m_.now(), connect_ms));
  if (!unix_path_.empty()) return begin_unix_connect();  // no name resolution
  // Name resolution: the cache, numeric and localhost names, else the resolver threads.
  std::optional<AddressList> cached;
  {
    DnsUse dns(t_, m_);
    if (const AddressList* c =
            dns.cache().lookup(connect_host_, connect_port_, o.ipresolve, m_.now())) {
      cached = *c;
    }
  }
  if (cached) {
    record_lookup_time();
    return begin_connect(*cached);
  }
  // CURLOPT_RESOLVER_START_FUNCTION: called on every cache miss, numeric and localhost
  // names included (7.88.1); non-zero fails the name resolution.
  if (o.cold().cb.resolver_start != nullptr) {
    int st;
    {
      Multi::CallbackScope scope(m_);
      st = o.cold().cb.resolver_start(&resolve_job_, nullptr, o.cold().cb.resolver_start_data);
    }
    if (state_ == State::Done) return Next::Finish;
    if (st != 0)
      return fail(CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: " + connect_host_);
  }
  if (std::optional<AddressList> quick = resolve_without_thread(connect_host_, connect_port_)) {
    record_lookup_time();
    // 7.88.1 keeps numeric and localhost answers in the DNS cache too.
    DnsUse(t_, m_).cache().add(connect_host_, connect_port_, *quick, m_.now());
    return begin_connect(*quick);
  }
  resolve_job_ = m_.resolver().start(connect_host_, connect_port_, o.ipresolve, t_.id());
  if (resolve_job_ == 0)
    return fail(CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: " + connect_host_);
  state_ = State::Resolving;
  return Next::Block;
}

void Exchange::on_resolved(std::uint64_t job, ResolveResult&& r) {
  if (job == resolve_job_ && state_ == State::SocksConnect && socks_) {
    // The SOCKS handshake's lookup of the target (socks4://, socks5://).
    resolve_job_ = 0;
    const SocksParams& p = socks_chain_[socks_step_];
    if (r.result != CURLE_OK) {
      socks_->address_failed("Could not resolve host: " + p.host);
      return;
    }
    DnsUse(t_, m_).cache().add(p.host, p.port, r.addresses, m_.now());
    socks_->set_address(r.addresses);
    return;
  }
  if (job != resolve_job_ || state_ != State::Resolving) return;
  resolve_job_ = 0;
  if (r.result != CURLE_OK) {
    fail(r.result, r.error.empty() ? "Could not resolve host: " + host_ : r.error);
    return;
  }
  DnsUse(t_, m_).cache().add(connect_host_, connect_port_, r.addresses, m_.now());
  addrs_ = std::move(r.addresses);
}

Exchange::Next Exchange::do_resolving() {
  if (resolve_job_ != 0) return Next::Block;  // still waiting for the eventfd
  record_time(t_.info().namelookup_time);
  AddressList addrs = std::move(addrs_);
  return begin_connect(addrs);
}

// --- Connecting: one attempt per family in flight, the second family after a delay ---

Exchange::Next Exchange::begin_connect(const AddressList& addrs) {
  const Options& o = t_.options();
  AddressList usable = addrs;
  if (o.ipresolve == CURL_IPRESOLVE_V4) usable = addrs.only_family(AF_INET);
  if (o.ipresolve == CURL_IPRESOLVE_V6) usable = addrs.only_family(AF_INET6);
  if (usable.empty()) {
    // A numeric host of the other family is no lookup failure for 7.88.1: it has no
    // address to connect to and writes no error text (curl -6 127.0.0.1).
    if (!addrs.empty() && parse_address_strict(connect_host_, 0)) {
      return fail(CURLE_COULDNT_CONNECT, "");
    }
    return fail(CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: " + connect_host_);
  }
  usable.set_port(connect_port_);
  AddressList::FamilySplit split = usable.split_by_family();
  family_lists_[0] = std::move(split.first);
  family_lists_[1] = std::move(split.second);
  next_index_[0] = next_index_[1] = 0;
  state_ = State::Connecting;
  // Start the first family; the second follows after the happy eyeballs delay, or at
  // once when the first has nothing left to try.
  while (next_index_[0] < family_lists_[0].size()) {
    if (start_attempt(family_lists_[0], next_index_[0]++)) break;
  }
  // The happy eyeballs deadline is armed even with one family and stays armed after the
  // connect (then it is ignored): 7.88.1 does the same, and applications see its timer.
  t_.expires_.set(ExpireKind::HappyEyeballs, after_ms(m_.now(), o.happy_eyeballs_timeout_ms));
  if (!family_lists_[1].empty() && attempts_.empty()) {
    while (next_index_[1] < family_lists_[1].size()) {
      if (start_attempt(family_lists_[1], next_index_[1]++)) break;
    }
  }
  if (state_ == State::Done) return Next::Finish;
  if (attempts_.empty()) {
    return fail(CURLE_COULDNT_CONNECT,
                "Failed to connect to " + (proxy_.use ? connect_host_ : host_) + " port " +
                    std::to_string(proxy_.use ? connect_port_ : port_) + " after " +
                    std::to_string(micros_since(started_, m_.now()) / 1000) +
                    " ms: " + easy_error_text(CURLE_COULDNT_CONNECT));
  }
  // Wait for the socket to become writable, even on loopback where the handshake may be
  // over already: 7.88.1 returns to the event loop here (the application sees OUT).
  return Next::Block;
}

// CURLOPT_UNIX_SOCKET_PATH / CURLOPT_ABSTRACT_UNIX_SOCKET: one attempt at the path; the
// URL's host still names the server (Host:, TLS) and the URL's port is what getinfo says.
Exchange::Next Exchange::begin_unix_connect() {
  const Options& o = t_.options();
  sockaddr_un ua{};
  ua.sun_family = AF_UNIX;
  // An abstract name is stored after a NUL and counts it.
  const std::size_t need = unix_path_.size() + (unix_abstract_ ? 1 : 0);
  if (need >= sizeof(ua.sun_path))
    return fail(CURLE_COULDNT_RESOLVE_HOST, "Unix socket path too long: '" + unix_path_ + "'");
  std::memcpy(ua.sun_path + (unix_abstract_ ? 1 : 0), unix_path_.data(), unix_path_.size());
  const auto len =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + need + (unix_abstract_ ? 0 : 1));
  record_lookup_time();
  family_lists_[0] = AddressList();
  family_lists_[1] = AddressList();
  next_index_[0] = next_index_[1] = 0;
  state_ = State::Connecting;
  if (verbose()) info_text("  Trying " + (unix_abstract_ ? std::string() : unix_path_) + ":0...");
  SocketHooks hooks = socket_hooks(o);
  TcpTuning tuning{
      o.tcp_nodelay != 0, o.tcp_keepalive != 0, o.tcp_keepidle, o.tcp_keepintvl, nullptr, 0, 1};
  int fd = -1;
  int err = 0;
  std::string text;
  CURLcode rc;
  {
    Multi::CallbackScope scope(m_);  // opensocket / sockopt callbacks
    rc = tcp_open_and_connect(reinterpret_cast<const sockaddr*>(&ua), len, hooks, tuning, &fd, &err,
                              &text);
  }
  if (state_ == State::Done) return Next::Finish;
  if (rc == CURLE_ABORTED_BY_CALLBACK) {
    t_.info().os_errno = err;
    return fail(rc, text);
  }
  if (rc == CURLE_OK) {
    t_.expires_.set(ExpireKind::HappyEyeballs, after_ms(m_.now(), o.happy_eyeballs_timeout_ms));
    attempts_.push_back(Attempt{fd, Address()});
    return Next::Block;  // writable when connected (a listening UNIX socket: at once)
  }
  t_.info().os_errno = err;
  return fail(CURLE_COULDNT_CONNECT, "Failed to connect to " + host_ + " port " +
                                         std::to_string(port_) + " after " +
                                         std::to_string(micros_since(started_, m_.now()) / 1000) +
                                         " ms: " + easy_error_text(CURLE_COULDNT_CONNECT));
}

bool Exchange::start_attempt(const AddressList& list, std::size_t index) {
  const Options& o = t_.options();
  const Address& a = list[index];
  if (verbose())
    info_text("  Trying " + (a.family() == AF_INET6 ? "[" + a.ip_string() + "]" : a.ip_string()) +
              ":" + std::to_string(a.port()) + "...");
  SocketHooks hooks = socket_hooks(o);
  TcpTuning tuning{o.tcp_nodelay != 0,
                   o.tcp_keepalive != 0,
                   o.tcp_keepidle,
                   o.tcp_keepintvl,
                   o.interface ? o.interface->c_str() : nullptr,
                   o.localport,
                   o.localportrange};
  int fd = -1;
  int err = 0;
  std::string text;
  CURLcode rc;
  {
    Multi::CallbackScope scope(m_);  // opensocket / sockopt callbacks
    rc = tcp_open_and_connect(a.sockaddr_ptr(), a.length(), hooks, tuning, &fd, &err, &text);
  }
  if (rc == CURLE_ABORTED_BY_CALLBACK || rc == CURLE_INTERFACE_FAILED) {
    t_.info().os_errno = err;
    fail(rc, text);
    return false;
  }
  if (rc != CURLE_OK) {
    last_errno_ = err;
    return false;
  }
  attempts_.push_back(Attempt{fd, a});
  return true;
}

void Exchange::close_attempts(int keep_fd) noexcept {
  const Options& o = t_.options();
  SocketHooks hooks = socket_hooks(o);
  for (Attempt& a : attempts_) {
    if (a.fd < 0 || a.fd == keep_fd) continue;
    m_.socket_closing(a.fd);
    Multi::CallbackScope scope(m_);
    tcp_close(a.fd, hooks);
  }
  attempts_.clear();
}

Exchange::Next Exchange::do_connecting(int /*ev_bitmask*/) {
  // Check every attempt: the event mask may be 0 ("find out yourself").
  for (std::size_t i = 0; i < attempts_.size();) {
    int fd = attempts_[i].fd;
    sockaddr_storage peer;
    int err = tcp_connect_result(fd, &peer);
    if (err == 0) return connected(fd, reinterpret_cast<const sockaddr*>(&peer));
    if (err == EINPROGRESS || err == EALREADY) {
      ++i;
      continue;
    }
    last_errno_ = err;
    const Options& o = t_.options();
    SocketHooks hooks = socket_hooks(o);
    int family = attempts_[i].addr.family();
    m_.socket_closing(fd);
    {
      Multi::CallbackScope scope(m_);
      tcp_close(fd, hooks);
    }
    attempts_.erase(attempts_.begin() + static_cast<std::ptrdiff_t>(i));
    // The next address of the same family replaces the failed attempt (a UNIX socket
    // has none).
    int f = !family_lists_[0].empty() && family == family_lists_[0][0].family() ? 0 : 1;
    while (next_index_[f] < family_lists_[f].size()) {
      if (start_attempt(family_lists_[f], next_index_[f]++)) break;
    }
    if (state_ == State::Done) return Next::Finish;
    i = 0;
  }
  if (!attempts_.empty()) return Next::Block;
  // Both families exhausted (the second may not have started yet).
  if (next_index_[1] < family_lists_[1].size()) {
    t_.expires_.clear(ExpireKind::HappyEyeballs);
    while (next_index_[1] < family_lists_[1].size()) {
      if (start_attempt(family_lists_[1], next_index_[1]++)) return Next::Block;
    }
  }
  t_.info().os_errno = last_errno_;
  return fail(CURLE_COULDNT_CONNECT,
              "Failed to connect to " + (proxy_.use ? connect_host_ : host_) + " port " +
                  std::to_string(proxy_.use ? connect_port_ : port_) + " after " +
                  std::to_string(micros_since(started_, m_.now()) / 1000) +
                  " ms: " + easy_error_text(CURLE_COULDNT_CONNECT));
}

Exchange::Next Exchange::connected(int fd, const sockaddr* peer) {
  const Options& o = t_.options();
  close_attempts(fd);
  // The happy eyeballs deadline stays armed (ignored once connected), as in 7.88.1: the
  // application keeps seeing that timer; the connect timeout is done with (for https,
  // once the TLS handshake is done too).
  if (!https_ && !tunnel_ && !proxy_.https && socks_chain_.empty()) {
    t_.expires_.clear(ExpireKind::Connect);
  }
  SocketHooks hooks = socket_hooks(o);
  {
    PoolUse use(t_, m_);
    auto conn =
        std::make_unique<Connection>(conn_key_, host_key_, fd, hooks, use.pool().next_number());
    conn->learn_addresses(peer);
    conn_ = use.pool().add(std::move(conn));
  }
  reused_ = false;
  opening(false);
  TransferInfo& info = t_.info();
  ++info.num_connects;
  note_connection();
  record_time(info.connect_time);
  if (verbose())
    info_text("Connected to " + (proxy_.use ? connect_host_ : host_) + " (" + conn_->primary_ip() +
              ") port " + std::to_string(proxy_.use ? connect_port_ : port_) + " (#" +
              std::to_string(conn_->number()) + ")");
  return after_tcp_connect();
}

Exchange::Next Exchange::after_tcp_connect() {
  if (socks_step_ < socks_chain_.size()) {
    const SocksParams& p = socks_chain_[socks_step_];
    socks_ = std::make_unique<SocksHandshake>(p);
    state_ = State::SocksConnect;
    return Next::Continue;
  }
  if (proxy_.https && conn_->proxy_tls() == nullptr) return start_proxy_tls();
  if (tunnel_) {
    // CONNECT host:port through the proxy first (7.88.1's order of header lines).
    const Options& o = t_.options();
    std::string authority = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
    authority += ":" + std::to_string(port_);
    tunnel_out_ = "CONNECT " + authority +
                  (o.proxytype == CURLPROXY_HTTP_1_0 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
    const bool separate = (o.headeropt & CURLHEADER_SEPARATE) != 0;
    const curl_slist* custom = separate ? o.proxyheader.get() : o.httpheader.get();
    if (find_custom_header(custom, "Host") == nullptr) tunnel_out_ += "Host: " + authority + "\r\n";
    if (proxy_.has_credentials && find_custom_header(custom, "Proxy-Authorization") == nullptr) {
      tunnel_out_ += "Proxy-Authorization: " + proxy_basic_credentials(proxy_) + "\r\n";
    }
    if (o.useragent && find_custom_header(custom, "User-Agent") == nullptr) {
      tunnel_out_ += "User-Agent: " + *o.useragent + "\r\n";
    }
    if (find_custom_header(custom, "Proxy-Connection") == nullptr) {
      tunnel_out_ += "Proxy-Connection: Keep-Alive\r\n";
    }
    for (const curl_slist* l = custom; l != nullptr; l = l->next) {
      if (l->data == nullptr) continue;
      std::string_view line = l->data;
      std::size_t colon = line.find_first_of(":;");
      if (colon == std::string_view::npos || colon == 0) continue;
      if (line[colon] == ';') {
        if (colon + 1 == line.size()) tunnel_out_ += std::string(line.substr(0, colon)) + ":\r\n";
        continue;
      }
      std::size_t v = colon + 1;
      while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
      if (v == line.size()) continue;  // "Name:" removes a header; nothing to remove here
      tunnel_out_.append(line);
      tunnel_out_ += "\r\n";
    }
    tunnel_out_ += "\r\n";
    tunnel_off_ = 0;
    tunnel_sent_ = false;
    tunnel_parser_ = std::make_unique<Http1ResponseParser>();
    if (verbose()) info_text("Establish HTTP proxy tunnel to " + authority);
    debug(CURLINFO_HEADER_OUT, tunnel_out_);
    state_ = State::ProxyConnect;
    return Next::Continue;
  }
  if (https_) return start_tls();
  return connection_ready();
}

// The CONNECT answer's head: its lines go to the header callback unless
// CURLOPT_SUPPRESS_CONNECT_HEADERS; the code becomes CURLINFO_HTTP_CONNECTCODE.
class Exchange::TunnelSink final : public HeadSink {
 public:
  TunnelSink(Exchange& x, bool show) : x_(x), show_(show) {}
  CURLcode on_status(const StatusLine& status, std::string_view raw_line) override {
    code_ = status.code;
    return line(raw_line);
  }
  CURLcode on_header(std::string_view, std::string_view, std::string_view raw_line) override {
    return line(raw_line);
  }
  CURLcode on_head_end(std::string_view raw_line) override { return line(raw_line); }
  int code() const noexcept { return code_; }

 private:
  // Suppressed lines still count in CURLINFO_HEADER_SIZE (7.88.1).
  CURLcode line(std::string_view raw_line) {
    if (show_) return x_.deliver_header(raw_line);
    x_.t_.info().header_size += static_cast<long>(raw_line.size());
    return CURLE_OK;
  }

  Exchange& x_;
  bool show_;
  int code_ = 0;
};

Exchange::Next Exchange::do_socks_connect() {
  // Bounded: every pass sends, reads or resolves something, or blocks.
  auto show_notes = [this] {
    for (const std::string& line : socks_->notes()) info_text(line);
    socks_->notes().clear();
  };
  for (int pass = 0; pass < 32; ++pass) {
    show_notes();
    switch (socks_->want()) {
      case SocksHandshake::Want::kSend: {
        std::string_view out = socks_->pending();
        CURLcode err = CURLE_OK;
        int os_err = 0;
        ssize_t n = conn_->send(out.data(), out.size(), &err, &os_err);
        if (n < 0) {
          if (err == CURLE_AGAIN) return Next::Block;
          t_.info().os_errno = os_err;
          socks_->io_failed(std::string("Send failure: ") + std::strerror(os_err));
          break;
        }
        socks_->sent(static_cast<std::size_t>(n));
        break;
      }
      case SocksHandshake::Want::kRecv: {
        // Exactly what the answer still lacks: the bytes after it belong to the target.
        char buf[600];
        std::size_t want = std::min(sizeof buf, socks_->want_bytes());
        CURLcode err = CURLE_OK;
        int os_err = 0;
        ssize_t n = conn_->recv(buf, want, &err, &os_err);
        if (n < 0) {
          if (err == CURLE_AGAIN) return Next::Block;
          t_.info().os_errno = os_err;
          socks_->io_failed(std::string("Recv failure: ") + std::strerror(os_err));
          break;
        }
        socks_->received(buf, static_cast<std::size_t>(n));
        break;
      }
      case SocksHandshake::Want::kAddress: {
        if (resolve_job_ != 0) return Next::Block;  // on_resolved answers
        Next next = socks_resolve();
        if (next != Next::Continue) return next;
        break;
      }
      case SocksHandshake::Want::kDone:
        show_notes();
        if (verbose())
          info_text("Connected to " + connect_host_ + " (" + conn_->primary_ip() + ") port " +
                    std::to_string(connect_port_) + " (#" + std::to_string(conn_->number()) + ")");
        socks_.reset();
        ++socks_step_;
        if (socks_step_ == socks_chain_.size() && !https_ && !tunnel_ && !proxy_.https) {
          t_.expires_.clear(ExpireKind::Connect);
        }
        return after_tcp_connect();
      case SocksHandshake::Want::kFailed: {
        show_notes();
        conn_->set_reusable(false);
        t_.info().proxy_error = socks_->error();
        std::string text = socks_->error_text();
        return fail(CURLE_PROXY, text);
      }
    }
  }
  return Next::Block;
}

Exchange::Next Exchange::socks_resolve() {
  const Options& o = t_.options();
  const std::string& host = socks_chain_[socks_step_].host;
  const int port = socks_chain_[socks_step_].port;
  std::optional<AddressList> found;
  {
    DnsUse dns(t_, m_);
    if (const AddressList* c = dns.cache().lookup(host, port, o.ipresolve, m_.now())) found = *c;
  }
  if (!found) found = resolve_without_thread(host, port);
  if (found) {
    socks_->set_address(*found);
    return Next::Continue;
  }
  resolve_job_ = m_.resolver().start(host, port, o.ipresolve, t_.id());
  if (resolve_job_ == 0) {
    socks_->address_failed("Could not resolve host: " + host);
    return Next::Continue;
  }
  return Next::Block;
}

Exchange::Next Exchange::do_proxy_connect() {
  const Options& o = t_.options();
  while (!tunnel_sent_) {
    CURLcode err = CURLE_OK;
    int os_err = 0;
    ssize_t n = conn_->send(tunnel_out_.data() + tunnel_off_, tunnel_out_.size() - tunnel_off_,
                            &err, &os_err);
    if (n < 0) {
      if (err == CURLE_AGAIN) return Next::Block;
      t_.info().os_errno = os_err;
      return fail(CURLE_SEND_ERROR, std::string("Send failure: ") + std::strerror(os_err));
    }
    tunnel_off_ += static_cast<std::size_t>(n);
    if (tunnel_off_ == tunnel_out_.size()) {
      tunnel_sent_ = true;
      t_.info().request_size += static_cast<long>(tunnel_out_.size());
      tunnel_out_.clear();
      return Next::Block;  // the answer comes from the event loop
    }
  }
  if (conn_->proxy_tls() != nullptr) {
    // Through an HTTPS proxy there is no peeking: the head is read a byte at a time (the
    // proxy's TLS layer has the record decrypted already), so nothing after it is taken.
    for (int round = 0; round < 65536; ++round) {
      char c = 0;
      CURLcode err = CURLE_OK;
      int os_err = 0;
      ssize_t n = conn_->recv(&c, 1, &err, &os_err);
      if (n < 0) {
        if (err == CURLE_AGAIN) return Next::Block;
        t_.info().os_errno = os_err;
        conn_->set_reusable(false);
        return fail(CURLE_RECV_ERROR,
                    conn_->error_text().empty() ? "Proxy CONNECT aborted" : conn_->error_text());
      }
      if (n == 0) {
        conn_->set_reusable(false);
        return fail(CURLE_RECV_ERROR, "Proxy CONNECT aborted");
      }
      TunnelSink sink(*this, o.suppress_connect_headers == 0);
      std::size_t used = 0;
      Http1ResponseParser::Result r = tunnel_parser_->feed(&c, 1, &used, sink);
      if (state_ == State::Done) return Next::Finish;
      if (r == Http1ResponseParser::Result::kNeedMore) continue;
      Next next = Next::Continue;
      if (tunnel_answer(r, &next)) return next;
    }
    return Next::Block;
  }
  // Read the answer's head only: peek, parse, then take exactly the head's bytes, so
  // whatever follows (the tunnelled protocol) stays in the socket.
  char buf[4096];
  for (int round = 0; round < 64; ++round) {
    ssize_t n = ::recv(conn_->fd(), buf, sizeof buf, MSG_PEEK);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return Next::Block;
      t_.info().os_errno = errno;
      return fail(CURLE_RECV_ERROR, std::string("Recv failure: ") + std::strerror(errno));
    }
    if (n == 0) {
      conn_->set_reusable(false);
      return fail(CURLE_RECV_ERROR, "Proxy CONNECT aborted");
    }
    TunnelSink sink(*this, o.suppress_connect_headers == 0);
    std::size_t used = 0;
    Http1ResponseParser::Result r =
        tunnel_parser_->feed(buf, static_cast<std::size_t>(n), &used, sink);
    if (state_ == State::Done) return Next::Finish;  // a header callback failed
    if (used > 0) {
      ssize_t took = ::recv(conn_->fd(), buf, used, 0);
      (void)took;  // the bytes were peeked: they are there
    }
    if (r == Http1ResponseParser::Result::kNeedMore) continue;
    Next next = Next::Continue;
    if (tunnel_answer(r, &next)) return next;
  }
  return Next::Block;
}

bool Exchange::tunnel_answer(Http1ResponseParser::Result r, Next* next) {
  if (r != Http1ResponseParser::Result::kHeadDone) {
    conn_->set_reusable(false);
    *next = fail(CURLE_RECV_ERROR, "Proxy CONNECT aborted");
    return true;
  }
  int code = tunnel_parser_->status().code;
  if (code >= 100 && code < 200) {
    tunnel_parser_->next_head();
    return false;
  }
  t_.info().http_connectcode = code;
  tunnel_parser_.reset();
  if (code < 200 || code >= 300) {
    conn_->set_reusable(false);
    *next = fail(CURLE_RECV_ERROR, "CONNECT tunnel failed, response " + std::to_string(code));
    return true;
  }
  if (verbose()) info_text("CONNECT phase completed");
  *next = https_ ? start_tls() : connection_ready();
  return true;
}

Exchange::Next Exchange::start_proxy_tls() {
  t_.info().proxy_ssl_verifyresult = 1;  // "not verified (yet)"
  std::shared_ptr<TlsContext> ctx;
  std::string text;
  Share* share = t_.share();
  TlsContextCache& contexts = share != nullptr && share->is_shared(CURL_LOCK_DATA_SSL_SESSION)
                                  ? share->tls_contexts()
                                  : m_.tls_contexts();
  const std::string session_key =
      "proxy:" + proxy_.host + ":" + std::to_string(proxy_.port) + "|" + proxy_tls_key_;
  CURLcode rc = contexts.get(*proxy_tls_cfg_, session_key, &ctx, &text);
  if (rc != CURLE_OK) return fail(rc, text);
  auto tls = std::make_unique<TlsStream>(std::move(ctx), session_cache(), session_key);
  rc = tls->start(conn_->fd(), proxy_.host, proxy_.port, *proxy_tls_cfg_, &text);
  if (rc != CURLE_OK) return fail(rc, text);
  conn_->set_proxy_tls(std::move(tls));
  proxy_handshake_ = true;
  state_ = State::TlsHandshake;
  return Next::Continue;
}

Exchange::Next Exchange::proxy_tls_done() {
  TlsStream* tls = conn_->proxy_tls();
  std::string text;
  CURLcode rc = tls->handshake(&text);
  TransferInfo& info = t_.info();
  if (rc == CURLE_AGAIN) return Next::Block;
  const std::string session_key =
      "proxy:" + proxy_.host + ":" + std::to_string(proxy_.port) + "|" + proxy_tls_key_;
  if (rc == CURLE_PEER_FAILED_VERIFICATION) info.proxy_ssl_verifyresult = tls->verify_result();
  if (rc == CURLE_OK) {
    rc = tls->check_peer(*proxy_tls_cfg_, proxy_.host, &info.proxy_ssl_verifyresult, &text);
  }
  if (rc != CURLE_OK) {
    session_cache()->forget(session_key);
    conn_->set_reusable(false);
    return fail(rc, text);
  }
  proxy_handshake_ = false;
  if (verbose()) info_text("SSL connection using " + tls->connection_text());
  if (!https_ && !tunnel_) t_.expires_.clear(ExpireKind::Connect);
  return after_tcp_connect();
}

Exchange::Next Exchange::start_tls() {
  const Options& o = t_.options();
  {
    // A maximum below the minimum fails before anything else (7.88.1).
    long min = tls_cfg_->version & 0xffff;
    long max = tls_cfg_->version >> 16;
    if (min == CURL_SSLVERSION_TLSv1) min = CURL_SSLVERSION_TLSv1_0;
    if (max >= (CURL_SSLVERSION_MAX_TLSv1_0 >> 16) && min > CURL_SSLVERSION_DEFAULT && max < min) {
      return fail(CURLE_SSL_CONNECT_ERROR, "unsupported min version passed via CURLOPT_SSLVERSION");
    }
  }
  t_.info().ssl_verifyresult = 1;  // 7.88.1's "not verified (yet)"
  std::shared_ptr<TlsContext> ctx;
  std::string text;
  Share* share = t_.share();
  TlsContextCache& contexts = share != nullptr && share->is_shared(CURL_LOCK_DATA_SSL_SESSION)
                                  ? share->tls_contexts()
                                  : m_.tls_contexts();
  CURLcode rc = contexts.get(*tls_cfg_, conn_key_, &ctx, &text);
  if (rc != CURLE_OK) return fail(rc, text);
  if (o.cold().cb.ssl_ctx != nullptr) {
    // CURLOPT_SSL_CTX_FUNCTION sees the connection's fresh SSL_CTX before it is used.
    CURLcode cb;
    {
      Multi::CallbackScope scope(m_);
      cb = o.cold().cb.ssl_ctx(t_.handle(), ctx->get(), o.cold().cb.ssl_ctx_data);
    }
    if (state_ == State::Done) return Next::Finish;
    if (cb != CURLE_OK) return fail(cb, "error signaled by ssl ctx callback");
  }
  auto tls = std::make_unique<TlsStream>(std::move(ctx), session_cache(), conn_key_);
  tls->set_lock_easy(t_.handle());
  rc = tls->start(conn_->fd(), host_, port_, *tls_cfg_, &text, conn_->proxy_tls());
  if (rc != CURLE_OK) return fail(rc, text);
  conn_->set_tls(std::move(tls));
  state_ = State::TlsHandshake;
  return Next::Continue;
}

const std::shared_ptr<TlsSessionCache>& Exchange::session_cache() const noexcept {
  // A share with CURL_LOCK_DATA_SSL_SESSION keeps the sessions of all its handles.
  Share* share = t_.share();
  if (share != nullptr && share->is_shared(CURL_LOCK_DATA_SSL_SESSION) && share->tls_sessions()) {
    return share->tls_sessions();
  }
  return m_.tls_sessions();
}

Exchange::Next Exchange::do_tls_handshake() {
  if (proxy_handshake_) return proxy_tls_done();
  TlsStream* tls = conn_->tls();
  std::string text;
  CURLcode rc = tls->handshake(&text);
  TransferInfo& info = t_.info();
  if (rc == CURLE_AGAIN) return Next::Block;
  // 7.88.1 keeps "not verified" (1) unless verification ran: it did on success and when
  // it is what failed.
  if (rc == CURLE_PEER_FAILED_VERIFICATION) info.ssl_verifyresult = tls->verify_result();
  if (rc != CURLE_OK) {
    session_cache()->forget(conn_key_, t_.handle());
    return fail(rc, text);
  }
  rc = tls->check_peer(*tls_cfg_, host_, &info.ssl_verifyresult, &text);
  if (rc != CURLE_OK) {
    session_cache()->forget(conn_key_, t_.handle());
    return fail(rc, text);
  }
  t_.expires_.clear(ExpireKind::Connect);
  record_time(info.appconnect_time);
  if (tls_cfg_->certinfo) {
    auto certs = std::make_shared<CertChainInfo>();
    certs->collect(tls->ssl());
    info.certs = std::move(certs);
  }
  if (verbose()) {
    info_text("SSL connection using " + tls->connection_text());
    std::string alpn = tls->alpn_text();
    info_text(alpn.empty() ? std::string("ALPN: server did not agree on a protocol. Uses default.")
                           : "ALPN: server accepted " + alpn);
  }
  note_connection();
  return connection_ready();
}

Exchange::Next Exchange::connection_ready() {
  const Options& o = t_.options();
  if (o.connect_only != 0) {
    // CURLOPT_CONNECT_ONLY: the transfer ends here and the handle keeps the connection
    // for curl_easy_send / curl_easy_recv. Its socket leaves the application's watch
    // with this transfer (the multi REMOVEs it when the transfer's pollset empties).
    Connection* c = conn_;
    conn_ = nullptr;
    t_.keep_connection(PoolUse(t_, m_).pool().detach(c));
    m_.wake_pending();
    return finish(CURLE_OK);
  }
  state_ = State::Sending;
  return Next::Continue;
}

void Exchange::note_connection() {
  // What getinfo reports about the connection in use (new or reused).
  TransferInfo& info = t_.info();
  info.primary_ip = conn_->primary_ip();
  // Over a UNIX socket 7.88.1 reports the URL's port (the socket has none).
  info.primary_port = unix_path_.empty() ? conn_->primary_port() : port_;
  info.local_ip = conn_->local_ip();
  info.local_port = conn_->local_port();
  // 7.88.1 reports the scheme in upper case, once connected.
  info.scheme = https_ ? "HTTPS" : "HTTP";
  info.protocol = https_ ? CURLPROTO_HTTPS : CURLPROTO_HTTP;
  // CURLINFO_TLS_SSL_PTR / TLS_SESSION: the SSL* and SSL_CTX* while the connection is used.
  TlsStream* tls = conn_->tls();
  // The handle the shared session cache's lock callbacks name from now on.
  if (tls != nullptr) tls->set_lock_easy(t_.handle());
  info.tls_ssl.internals = tls != nullptr ? static_cast<void*>(tls->ssl()) : nullptr;
  info.tls_session.internals = tls != nullptr ? static_cast<void*>(tls->ctx()) : nullptr;
}

void Exchange::opening(bool on) noexcept {
  if (on == opening_) return;
  opening_ = on;
  m_.count_opening(host_key_, on ? 1 : -1);
}

void Exchange::abandon() noexcept {
  opening(false);
  if (resolve_job_ != 0) {
    m_.resolver().cancel(resolve_job_);
    resolve_job_ = 0;
  }
  close_attempts(-1);
  // An unfinished response leaves the connection in an unknown state: close it.
  release_connection(state_ == State::Done && result_ == CURLE_OK);
}

void Exchange::release_connection(bool keep) noexcept {
  if (conn_ == nullptr) return;
  Connection* c = conn_;
  conn_ = nullptr;
  t_.info().tls_ssl.internals = nullptr;
  t_.info().tls_session.internals = nullptr;
  const Options& o = t_.options();
  bool reusable = keep && c->reusable() && o.forbid_reuse == 0 && state_ == State::Done;
  c->set_reusable(reusable);
  t_.info().last_connection = reusable ? c->number() : TransferInfo::kNoConnection;
  if (reusable) {
    if (verbose())
      info_text("Connection #" + std::to_string(c->number()) + " to host " +
                (proxy_.use ? connect_host_ : host_) + " left intact");
  } else {
    if (verbose()) info_text("Closing connection " + std::to_string(c->number()));
  }
  // 7.88.1 locks a shared pool twice here: to let go of the connection, and to count the
  // pool against MAXCONNECTS.
  touch_connection_lock(t_);
  PoolUse(t_, m_).pool().release(c, m_.now(), m_.max_idle_connections());
  m_.wake_pending();
}

void Exchange::record_time(curl_off_t& field) noexcept { field = micros_since(started_, m_.now()); }

void Exchange::record_lookup_time() noexcept {
  // A lookup answered at once (cache, numeric or localhost name) still took some time in
  // 7.88.1, which reads the clock there: never report 0 for a lookup that happened.
  curl_off_t& field = t_.info().namelookup_time;
  field = std::max<curl_off_t>(1, micros_since(started_, m_.refresh_now()));
}

std::string Exchange::timeout_text() const {
  long ms = static_cast<long>(micros_since(started_, m_.now()) / 1000);
  const TransferInfo& info = t_.info();
  switch (state_) {
    case State::Start:
    case State::Pending:
    case State::Resolving:
      return "Resolving timed out after " + std::to_string(ms) + " milliseconds";
    case State::Connecting:
    case State::SocksConnect:
      return "Connection timed out after " + std::to_string(ms) + " milliseconds";
    case State::ProxyConnect:
      return "Proxy CONNECT aborted due to timeout";
    case State::TlsHandshake:
      return "SSL connection timeout";
    default:
      break;
  }
  std::string text = "Operation timed out after " + std::to_string(ms) + " milliseconds with " +
                     std::to_string(info.size_download);
  if (content_length_ >= 0 && head_done_) {
    text += " out of " + std::to_string(content_length_);
  }
  return text + " bytes received";
}

void Exchange::check_timeouts() {
  TimePoint now = m_.now();
  ExpireSet& ex = t_.expires_;
  ex.clear(ExpireKind::RunNow);
  auto due = [&](ExpireKind k) {
    std::optional<TimePoint> when = ex.get(k);
    return when && *when <= now;
  };
  if (due(ExpireKind::Timeout)) {
    ex.clear(ExpireKind::Timeout);
    fail(CURLE_OPERATION_TIMEDOUT, timeout_text());
    return;
  }
  if (due(ExpireKind::Connect)) {
    ex.clear(ExpireKind::Connect);
    if (state_ == State::Resolving || state_ == State::Connecting || state_ == State::Pending ||
        state_ == State::SocksConnect || state_ == State::ProxyConnect ||
        state_ == State::TlsHandshake) {
      fail(CURLE_OPERATION_TIMEDOUT, timeout_text());
      return;
    }
  }
  if (due(ExpireKind::HappyEyeballs)) {
    ex.clear(ExpireKind::HappyEyeballs);
    if (state_ == State::Connecting && !attempts_.empty()) {
      while (next_index_[1] < family_lists_[1].size()) {
        if (start_attempt(family_lists_[1], next_index_[1]++)) break;
      }
    }
  }
  if (due(ExpireKind::Expect100)) {
    ex.clear(ExpireKind::Expect100);
    if (awaiting_100_) {
      awaiting_100_ = false;
      state_ = State::Sending;
    }
  }
  const Options& o = t_.options();
  if (due(ExpireKind::LowSpeed) && o.low_speed_limit > 0 && o.low_speed_time > 0) {
    // Once a second: below the limit for LOW_SPEED_TIME seconds in a row fails.
    TransferInfo& info = t_.info();
    curl_off_t moved = info.size_download + info.size_upload - low_speed_mark_;
    low_speed_mark_ = info.size_download + info.size_upload;
    if (!recv_paused_ && moved < o.low_speed_limit) {
      if (!low_speed_below_) {
        low_speed_below_ = true;
        low_speed_since_ = now;
      } else if (now - low_speed_since_ >= std::chrono::seconds(o.low_speed_time)) {
        fail(CURLE_OPERATION_TIMEDOUT, "Operation too slow. Less than " +
                                           std::to_string(o.low_speed_limit) +
                                           " bytes/sec transferred the last " +
                                           std::to_string(o.low_speed_time) + " seconds");
        return;
      }
    } else {
      low_speed_below_ = false;
    }
    ex.set(ExpireKind::LowSpeed, after_ms(now, 1000));
  }
}

void Exchange::pollset(PollSet& out) const noexcept {
  out.clear();
  switch (state_) {
    case State::Resolving:
      if (resolve_job_ != 0) out.add(m_.resolver().fd(), kPollIn);
      break;
    case State::Connecting:
      for (const Attempt& a : attempts_) out.add(a.fd, kPollOut);
      break;
    case State::SocksConnect:
      if (resolve_job_ != 0) {
        out.add(m_.resolver().fd(), kPollIn);
      } else if (conn_ != nullptr && socks_) {
        out.add(conn_->fd(), socks_->want() == SocksHandshake::Want::kSend ? kPollOut : kPollIn);
      }
      break;
    case State::ProxyConnect:
      if (conn_ != nullptr)
        out.add(conn_->fd(), conn_->wait_events(tunnel_sent_ ? kPollIn : kPollOut));
      break;
    case State::TlsHandshake:
      if (conn_ != nullptr) out.add(conn_->fd(), conn_->wait_events(kPollIn));
      break;
    case State::Sending:
      if (conn_ != nullptr && !send_paused_) {
        out.add(conn_->fd(), reading_while_sending_ ? kPollInOut : conn_->wait_events(kPollOut));
      }
      break;
    case State::Receiving:
      if (conn_ != nullptr && !recv_paused_) out.add(conn_->fd(), conn_->wait_events(kPollIn));
      break;
    default:
      break;
  }
}

void Exchange::debug(curl_infotype type, std::string_view data) {
  const Options& o = t_.options();
  if (o.verbose == 0) return;
  if (o.cb.debug != nullptr) {
    Multi::CallbackScope scope(m_);
    o.cb.debug(t_.handle(), type, const_cast<char*>(data.data()), data.size(), o.cb.debug_data);
    return;
  }
  FILE* out = o.stderr_stream != nullptr ? o.stderr_stream : stderr;
  const char* prefix = nullptr;
  switch (type) {
    case CURLINFO_TEXT:
      prefix = "* ";
      break;
    case CURLINFO_HEADER_IN:
      prefix = "< ";
      break;
    case CURLINFO_HEADER_OUT:
      prefix = "> ";
      break;
    default:
      return;  // data is not shown by the default trace
  }
  // Each line gets the prefix (a request head comes as one block).
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t end = data.find('\n', pos);
    std::size_t stop = end == std::string_view::npos ? data.size() : end + 1;
    std::fputs(prefix, out);
    std::fwrite(data.data() + pos, 1, stop - pos, out);
    pos = stop;
  }
}

bool Exchange::verbose() const noexcept { return t_.options().verbose != 0; }

void Exchange::info_text(const std::string& text) {
  if (t_.options().verbose == 0) return;
  debug(CURLINFO_TEXT, text + "\n");
}

}  // namespace mcurl
