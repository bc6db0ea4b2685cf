// The state machine of one transfer run: the request, the response, redirects and the
// calls into the application's data callbacks. Setup and connecting are in exchange.cc.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "http/form.h"
#include "http/netrc.h"
#include "multi/multi.h"
#include "multi/pool_use.h"
#include "net/connection.h"
#include "transfer/exchange.h"
#include "transfer/transfer.h"
#include "util/error_text.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

// CURLOPT_TIMECONDITION against the Last-Modified of the answer (none or unparsable, like
// a TIMEVALUE of 0, meets any condition).
bool time_condition_met(const Options& o, HeaderStore& headers) {
  curl_header* h = nullptr;
  if (o.timevalue == 0 || headers.find("Last-Modified", 0, CURLH_HEADER, -1, &h) != CURLHE_OK ||
      h == nullptr)
    return true;
  std::time_t doc = parse_last_modified(h->value);
  if (doc <= 0) return true;
  if (o.cold().timecondition == CURL_TIMECOND_IFUNMODSINCE) return doc < o.timevalue;
  return doc > o.timevalue;  // IFMODSINCE (and any other value)
}

// A write callback result that asks to pause (not an error).
constexpr CURLcode kPaused = CURLE_AGAIN;

// Reads at most this many times per step before letting other transfers run (the
// transfer is then stepped again at once through a 0 ms deadline).
constexpr int kMaxReadsPerStep = 32;

// With the default CURLOPT_BUFFERSIZE (16 KiB) a transfer reads up to this much at once
// into the multi's shared buffer: a large body then costs fewer reads and far fewer TCP
// window updates, the kernel's work per byte (a 256 MiB body: about a third less client
// CPU). The write callback still gets at most CURL_MAX_WRITE_SIZE bytes a call; a
// BUFFERSIZE the application chose is read as it is.
constexpr std::size_t kBulkRecvSize = 256 * 1024;

curl_off_t micros_since(TimePoint start, TimePoint now) {
  return std::chrono::duration_cast<std::chrono::microseconds>(now - start).count();
}

HttpReq request_kind(const Options& o) {
  if (o.no_body) return HttpReq::kHead;
  if (o.upload) return HttpReq::kPut;
  switch (o.method) {
    case HttpMethod::Post:
    case HttpMethod::PostForm:
    case HttpMethod::PostMime:
      return HttpReq::kPost;
    case HttpMethod::Put:
      return HttpReq::kPut;
    case HttpMethod::Head:
      return HttpReq::kHead;
    case HttpMethod::Get:
      break;
  }
  return HttpReq::kGet;
}

}  // namespace

// --- Sending ---------------------------------------------------------------------------

CURLcode Exchange::build_request() {
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  info.condition_unmet = 0;  // per request: a followed 304 does not count (7.88.1)
  RequestSpec spec;
  spec.kind = kind_override_ ? *kind_override_ : request_kind(o);
  if (o.customrequest) spec.method = *o.customrequest;
  spec.target = target_;
  spec.host = host_header_;
  std::string proxy_auth;
  if (proxy_.use && !proxy_.socks && !tunnel_) {
    // Through an HTTP proxy: the whole URL as the target, and the proxy's own headers.
    spec.target = proxy_target_;
    if (proxy_.has_credentials) {
      proxy_auth = proxy_basic_credentials(proxy_);
      spec.proxy_authorization = proxy_auth;
    }
    spec.proxy_keepalive = true;
    if ((o.headeropt & CURLHEADER_SEPARATE) != 0) spec.proxy_headers = o.proxyheader.get();
  }
  spec.http_version =
      o.http_version == CURL_HTTP_VERSION_1_0 || (conn_ != nullptr && conn_->http10()) ? 10 : 11;
  if (o.useragent) spec.user_agent = *o.useragent;
  if (info.referer) spec.referer = *info.referer;
  std::string resume_range;
  if (o.range) {
    spec.range = *o.range;
  } else if (o.resume_from > 0 && spec.kind != HttpReq::kPost && spec.kind != HttpReq::kPut) {
    // CURLOPT_RESUME_FROM on a download asks for the rest ("Range: bytes=N-").
    resume_range = std::to_string(o.resume_from) + "-";
    spec.range = resume_range;
  }
  if (o.accept_encoding) {
    // "" asks for every coding mcurl decodes (src/content); a given list goes as it is.
    spec.accept_encoding =
        o.accept_encoding->empty() ? std::string_view(kAcceptAllEncodings) : *o.accept_encoding;
  }
  spec.transfer_encoding = o.transfer_encoding != 0;
  if (o.cookie) spec.cookie = *o.cookie;
  const std::string jar_cookies = t_.cookies_for_request(host_, target_, https_);
  spec.cookie_jar = jar_cookies;
  switch (o.cold().timecondition) {
    case CURL_TIMECOND_IFMODSINCE:
      spec.time_condition = TimeCondition::kIfModifiedSince;
      break;
    case CURL_TIMECOND_IFUNMODSINCE:
      spec.time_condition = TimeCondition::kIfUnmodifiedSince;
      break;
    case CURL_TIMECOND_LASTMOD:
      spec.time_condition = TimeCondition::kLastModified;
      break;
    default:
      break;
  }
  spec.time_value = o.timevalue;
  spec.custom_headers = o.httpheader.get();
  // After a redirect to another host (or port), custom Authorization and Cookie headers
  // stay behind unless CURLOPT_UNRESTRICTED_AUTH allows them (7.88.1).
  if (first_host_.empty()) first_host_ = host_ + ":" + std::to_string(port_);
  spec.redirected_to_other_host =
      o.cold().unrestricted_auth == 0 && first_host_ != host_ + ":" + std::to_string(port_);
  build_authorization(spec);

  // The body: POSTFIELDS, else the read callback with INFILESIZE (unknown: chunked).
  post_data_ = nullptr;
  post_left_ = 0;
  upload_done_ = true;
  upload_size_ = -1;
  mime_body_ = nullptr;
  if (spec.kind == HttpReq::kPost &&
      (o.method == HttpMethod::PostMime || o.method == HttpMethod::PostForm)) {
    CURLcode rc = prepare_mime_body(spec);
    if (rc != CURLE_OK) {
      // 7.88.1 fails this request before it has any figures of its own.
      info.size_upload = 0;
      info.content_length_upload = -1;
      return rc;
    }
  } else if (spec.kind == HttpReq::kPost || spec.kind == HttpReq::kPut) {
    const char* fields = spec.kind == HttpReq::kPost ? o.postfields_data() : nullptr;
    if (fields != nullptr) {
      curl_off_t size =
          o.postfieldsize >= 0 ? o.postfieldsize : static_cast<curl_off_t>(std::strlen(fields));
      spec.content_length = size;
      post_data_ = fields;
      post_left_ = size;
      upload_size_ = size;
      upload_done_ = size == 0;
    } else {
      // A POST from the read callback takes its size from POSTFIELDSIZE when set.
      curl_off_t size =
          spec.kind == HttpReq::kPost && o.postfieldsize >= 0 ? o.postfieldsize : o.infilesize;
      if (size >= 0) spec.content_length = size;
      upload_size_ = size;
      upload_done_ = size == 0;
      if (rewind_pending_) {
        rewind_pending_ = false;
        CURLcode rc = rewind_upload();
        if (rc != CURLE_OK) return rc;
      }
    }
  }
  // 7.88.1 reports the upload size it announced: 0 for a request without a body.
  info.content_length_upload =
      spec.content_length ? *spec.content_length
                          : (spec.kind == HttpReq::kPost || spec.kind == HttpReq::kPut ? -1 : 0);
  RequestInfo rinfo;
  std::string error;
  send_buf_.clear();
  send_off_ = 0;
  CURLcode rc = write_request_head(spec, send_buf_, &rinfo, &error);
  if (rc != CURLE_OK) {
    t_.fail_text(error);
    return rc;
  }
  chunked_upload_ = rinfo.chunked_body;
  expect_100_ = rinfo.expect_100;
  // The method word as sent (CURLINFO_EFFECTIVE_METHOD).
  info.effective_method = send_buf_.substr(0, send_buf_.find(' '));
  // 7.88.1 adds up the request heads of every request of the transfer, and counts the
  // upload of the last request only.
  info.request_size += static_cast<long>(send_buf_.size());
  info.size_upload = 0;
  debug(CURLINFO_HEADER_OUT, send_buf_);
  // A small POSTFIELDS body goes out with the head in one send, as libcurl does.
  if (post_data_ != nullptr && !expect_100_ && post_left_ <= 64 * 1024 && !chunked_upload_) {
    send_buf_.append(post_data_, static_cast<std::size_t>(post_left_));
    debug(CURLINFO_DATA_OUT, std::string_view(post_data_, static_cast<std::size_t>(post_left_)));
    uploaded_ += post_left_;
    info.size_upload += post_left_;
    info.request_size += static_cast<long>(post_left_);
    post_left_ = 0;
    upload_done_ = true;
  }
  return CURLE_OK;
}

Exchange::Next Exchange::do_sending() {
  if (reading_while_sending_ && conn_ != nullptr) {
    // An answer before the body is out (a final status after "100 Continue"): stop
    // uploading and read it; the connection cannot carry another request then.
    char probe;
    ssize_t n = ::recv(conn_->fd(), &probe, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n != 0 && !(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))) {
      // Read the answer's head first; its status decides whether the rest of the body
      // still goes out (below 300, as 7.88.1 does) or not.
      reading_while_sending_ = false;
      upload_interrupted_ = true;
      state_ = State::Receiving;
      return Next::Continue;
    }
  }
  if (!request_built_) {
    request_built_ = true;
    const Options& po = t_.options();
    if (po.cold().cb.prereq != nullptr) {
      // CURLOPT_PREREQFUNCTION: before every request, with the connection's addresses.
      const TransferInfo& info = t_.info();
      char ip[64], local_ip[64];
      std::snprintf(ip, sizeof ip, "%s", info.primary_ip.c_str());
      std::snprintf(local_ip, sizeof local_ip, "%s", info.local_ip.c_str());
      int prc;
      {
        Multi::CallbackScope scope(m_);
        prc = po.cold().cb.prereq(po.cold().cb.prereq_data, ip, local_ip,
                                  static_cast<int>(info.primary_port),
                                  static_cast<int>(info.local_port));
      }
      if (state_ == State::Done) return Next::Finish;
      if (prc != CURL_PREREQFUNC_OK)
        return fail(CURLE_ABORTED_BY_CALLBACK, "operation aborted by pre-request callback");
    }
    CURLcode rc = build_request();
    if (rc != CURLE_OK) return finish(rc);
    record_time(t_.info().pretransfer_time);
    if (expect_100_) {
      awaiting_100_ = true;
      t_.expires_.set(ExpireKind::Expect100,
                      after_ms(m_.now(), t_.options().cold().expect_100_timeout_ms));
    }
    const Options& o = t_.options();
    if (o.low_speed_limit > 0 && o.low_speed_time > 0) {
      t_.expires_.set(ExpireKind::LowSpeed, after_ms(m_.now(), 1000));
    }
  }
  for (;;) {
    if (send_off_ < send_buf_.size()) {
      Next n = send_pending();
      if (n != Next::Continue) return n;
      continue;
    }
    send_buf_.clear();
    send_off_ = 0;
    if (awaiting_100_) {
      // The head is out; wait for "100 Continue" (or a final answer) before the body,
      // from the event loop: 7.88.1 never reads in the call that sent the head.
      state_ = State::Receiving;
      return Next::Block;
    }
    if (upload_done_) break;
    if (send_paused_) return Next::Block;
    CURLcode rc = fill_upload();
    if (rc == kPaused) return Next::Block;
    if (rc != CURLE_OK) return finish(rc);
  }
  // The request is out: wait for the answer from the event loop, as 7.88.1 does (it
  // never reads the response in the call that sent the request). A transfer waiting for
  // its answer keeps no send buffer (memory per held transfer, docs/PERFORMANCE.md).
  std::string().swap(send_buf_);
  reading_while_sending_ = false;
  if (upload_after_response_) return response_complete();  // the answer came first
  state_ = State::Receiving;
  return Next::Block;
}

Exchange::Next Exchange::send_pending() {
  CURLcode err = CURLE_OK;
  int os_err = 0;
  ssize_t n =
      conn_->send(send_buf_.data() + send_off_, send_buf_.size() - send_off_, &err, &os_err);
  if (n < 0) {
    if (err == CURLE_AGAIN) return Next::Block;
    if (reused_ && !retried_ && !got_bytes_) return retry_fresh_connection();
    t_.info().os_errno = os_err;
    if (!conn_->error_text().empty()) return fail(err, conn_->error_text());
    return fail(CURLE_SEND_ERROR,
                std::string("Send failure: ") + std::strerror(os_err != 0 ? os_err : EPIPE));
  }
  send_off_ += static_cast<std::size_t>(n);
  return Next::Continue;
}

CURLcode Exchange::fill_upload() {
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  send_buf_.clear();
  send_off_ = 0;
  if (post_data_ != nullptr) {
    std::size_t n = static_cast<std::size_t>(std::min<curl_off_t>(post_left_, 64 * 1024));
    send_buf_.assign(post_data_, n);
    debug(CURLINFO_DATA_OUT, send_buf_);
    post_data_ += n;
    post_left_ -= static_cast<curl_off_t>(n);
    uploaded_ += static_cast<curl_off_t>(n);
    info.size_upload += static_cast<curl_off_t>(n);
    if (post_left_ == 0) upload_done_ = true;
    return CURLE_OK;
  }
  std::size_t want = static_cast<std::size_t>(o.upload_buffersize);
  // A chunked body keeps room for the chunk framing in the upload buffer (7.88.1 reads 12
  // bytes less per call), which decides the chunk sizes and so CURLINFO_SIZE_UPLOAD.
  if (chunked_upload_) want -= 12;
  if (upload_size_ >= 0) {
    want = static_cast<std::size_t>(std::min<curl_off_t>(upload_size_ - uploaded_, want));
  }
  constexpr std::size_t kChunkHead = 18;  // hex size + CRLF
  send_buf_.resize(kChunkHead + want + 2);
  char* dst = send_buf_.data() + kChunkHead;
  std::size_t got;
  {
    Multi::CallbackScope scope(m_);
    if (mime_body_ != nullptr) {
      got = mime_body_->read(dst, want);  // kMimeReadError lands in "funny value" below
    } else if (o.cb.read != nullptr) {
      got = o.cb.read(dst, 1, want, o.cb.read_data);
    } else {
      FILE* in = o.cb.read_data != nullptr ? static_cast<FILE*>(o.cb.read_data) : stdin;
      got = std::fread(dst, 1, want, in);
    }
  }
  if (got == CURL_READFUNC_ABORT) {
    send_buf_.clear();
    t_.fail_text("operation aborted by callback");
    return CURLE_ABORTED_BY_CALLBACK;
  }
  if (got == CURL_READFUNC_PAUSE) {
    send_buf_.clear();
    send_paused_ = true;
    return kPaused;
  }
  if (got > want) {
    send_buf_.clear();
    t_.fail_text("read function returned funny value");
    return CURLE_READ_ERROR;
  }
  uploaded_ += static_cast<curl_off_t>(got);
  if (chunked_upload_) {
    char head[kChunkHead + 1];
    int hl = std::snprintf(head, sizeof(head), "%zx\r\n", got);
    std::size_t start = kChunkHead - static_cast<std::size_t>(hl);
    std::memcpy(send_buf_.data() + start, head, static_cast<std::size_t>(hl));
    send_buf_.resize(kChunkHead + got);
    send_buf_.append("\r\n");
    send_off_ = start;
    // 7.88.1 counts the chunk framing as uploaded bytes (not the final empty trailer).
    info.size_upload += static_cast<curl_off_t>(send_buf_.size() - start);
    // got == 0 made "0\r\n\r\n": the last chunk and the empty trailer, nothing more.
    if (got == 0) upload_done_ = true;
  } else {
    info.size_upload += static_cast<curl_off_t>(got);
    send_buf_.resize(kChunkHead + got);
    send_off_ = kChunkHead;
    if (got == 0 || (upload_size_ >= 0 && uploaded_ >= upload_size_)) upload_done_ = true;
  }
  // DATA_OUT shows the bytes as they go out, chunk framing included (7.88.1).
  debug(CURLINFO_DATA_OUT, std::string_view(send_buf_).substr(send_off_));
  return CURLE_OK;
}

// A MIMEPOST or HTTPPOST body, prepared at every request as 7.88.1 does: the form list
// becomes a new mime tree (new boundary), a custom Content-Type header gives the root's
// type ("multipart/form-data" otherwise), and the tree is rewound (seek callbacks of parts
// already read, as for a 307/308 redirect or an authentication round).
// Tests: tests/conformance/f_*.c, tests/integration/mime_test.cc
CURLcode Exchange::prepare_mime_body(RequestSpec& spec) {
  const Options& o = t_.options();
  spec.mime_body = true;
  rewind_pending_ = false;
  if (o.method == HttpMethod::PostForm) {
    form_mime_.reset();
    if (o.httppost.get() != nullptr) {
      // CURLFORM_STREAM entries read through CURLOPT_READFUNCTION (fread by default).
      curl_read_callback read = o.cb.read;
      if (read == nullptr) {
        read = [](char* b, size_t s, size_t n, void* f) {
          return std::fread(b, s, n, static_cast<FILE*>(f));
        };
      }
      CURLcode rc = CURLE_OK;
      form_mime_ = mime_from_form(o.httppost.get(), t_.handle(), read, &rc);
      if (!form_mime_) return rc;
    }
    mime_body_ = form_mime_.get();
  } else {
    mime_body_ = reinterpret_cast<Mime*>(o.mimepost.get());
  }
  if (mime_body_ == nullptr) {
    spec.content_length = 0;  // an empty POST without a Content-Type (7.88.1)
    upload_size_ = 0;
    return CURLE_OK;
  }
  std::string_view type = "multipart/form-data";
  if (const char* custom = find_custom_header(o.httpheader.get(), "Content-Type")) {
    custom += std::strlen("Content-Type") + 1;
    while (*custom == ' ') ++custom;
    type = custom;
  }
  {
    Multi::CallbackScope scope(m_);
    if (!mime_body_->rewind()) {
      t_.fail_text("necessary data rewind wasn't possible");
      return CURLE_SEND_FAIL_REWIND;
    }
  }
  MimePrepareOptions opt;
  opt.backslash_escape = (o.mime_options & CURLMIMEOPT_FORMESCAPE) != 0;
  mime_content_type_ = mime_body_->prepare(type, opt);
  spec.mime_content_type = mime_content_type_;
  curl_off_t size = mime_body_->size();
  if (size >= 0) spec.content_length = size;
  upload_size_ = size;
  upload_done_ = size == 0;
  return CURLE_OK;
}

// --- Receiving -------------------------------------------------------------------------

Exchange::Next Exchange::do_receiving() {
  if (recv_paused_) return Next::Block;
  if (complete_after_unpause_) {
    // The response ended while the application held it paused; now it took the rest.
    complete_after_unpause_ = false;
    return response_complete();
  }
  // The multi's shared buffer; a transfer stepped from inside another one's callback
  // gets its own, of CURLOPT_BUFFERSIZE.
  std::size_t buf_size = static_cast<std::size_t>(t_.options().buffersize);
  char* buf = m_.borrow_recv_buffer(buf_size == CURL_MAX_WRITE_SIZE ? kBulkRecvSize : buf_size);
  struct Lent {
    Multi* m;
    ~Lent() {
      if (m != nullptr) m->return_recv_buffer();
    }
  } lent{buf != nullptr ? &m_ : nullptr};
  if (buf != nullptr && buf_size == CURL_MAX_WRITE_SIZE) buf_size = kBulkRecvSize;
  if (buf == nullptr) {
    if (buf_size_ < buf_size) {
      buf_ = std::make_unique_for_overwrite<char[]>(buf_size);
      buf_size_ = buf_size;
    }
    buf = buf_.get();
  }
  for (int reads = 0; reads < kMaxReadsPerStep; ++reads) {
    CURLcode err = CURLE_OK;
    int os_err = 0;
    ssize_t n = conn_->recv(buf, buf_size, &err, &os_err);
    if (n < 0) {
      if (err == CURLE_AGAIN) return Next::Block;
      if (reused_ && !retried_ && !got_bytes_) return handle_eof();
      t_.info().os_errno = os_err;
      if (!conn_->error_text().empty()) return fail(err, conn_->error_text());
      return fail(CURLE_RECV_ERROR, std::string("Recv failure: ") + std::strerror(os_err));
    }
    if (n == 0) return handle_eof();
    if (!got_bytes_) {
      got_bytes_ = true;
      record_time(t_.info().starttransfer_time);
    }
    const char* p = buf;
    std::size_t left = static_cast<std::size_t>(n);
    while (left > 0 && state_ == State::Receiving) {
      if (!head_done_) {
        std::size_t used = 0;
        Http1ResponseParser::Result r = parser_.feed(p, left, &used, *this);
        p += used;
        left -= used;
        if (state_ == State::Done) return Next::Finish;  // a sink callback failed
        if (r == Http1ResponseParser::Result::kNeedMore) break;
        if (r == Http1ResponseParser::Result::kError) {
          return fail(parser_.error_code(), parser_.error_text());
        }
        if (r == Http1ResponseParser::Result::kHttp09) {
          head_done_ = true;
          framing_ = Framing::Close;
          conn_->set_reusable(false);
          std::string_view first = parser_.http09_body();
          debug(CURLINFO_DATA_IN, first);
          CURLcode rc = deliver_body(first.data(), first.size());
          if (rc != CURLE_OK) return finish(rc);
          continue;
        }
        // kHeadDone
        int code = parser_.status().code;
        if (is_interim_status(code)) {
          parser_.next_head();
          if (code == 100 && awaiting_100_) {
            // 7.88.1 sends the body from the next event, watching the socket both ways
            // while it uploads (an answer may come before the body is out).
            awaiting_100_ = false;
            t_.expires_.clear(ExpireKind::Expect100);
            state_ = State::Sending;
            reading_while_sending_ = true;
            return Next::Block;
          }
          continue;
        }
        head_done_ = true;
        if (awaiting_100_) {
          awaiting_100_ = false;
          t_.expires_.clear(ExpireKind::Expect100);
          if (parser_.status().code < 300) {
            // A success instead of 100: 7.88.1 still sends the body, once the answer is in.
            upload_after_response_ = true;
          } else {
            // An error instead of 100: the body is never sent, so the connection cannot
            // carry another request.
            upload_done_ = true;
            conn_->set_reusable(false);
          }
        } else if (upload_interrupted_) {
          // The answer came while the body was going out.
          upload_interrupted_ = false;
          if (parser_.status().code < 300) {
            upload_after_response_ = true;
          } else {
            upload_done_ = true;
            conn_->set_reusable(false);
          }
        }
        if (framing_ == Framing::None || (framing_ == Framing::Length && body_left_ == 0)) {
          return response_complete();
        }
        continue;
      }
      // Body bytes. DATA_IN shows them raw, before de-chunking, as read (7.88.1).
      if (framing_ != Framing::None) debug(CURLINFO_DATA_IN, std::string_view(p, left));
      switch (framing_) {
        case Framing::Length: {
          std::size_t take = static_cast<std::size_t>(std::min<curl_off_t>(body_left_, left));
          body_left_ -= static_cast<curl_off_t>(take);
          CURLcode rc = deliver_body(p, take);
          p += take;
          left -= take;
          if (rc != CURLE_OK) return finish(rc);
          if (body_left_ == 0) {
            if (left > 0) conn_->set_reusable(false);  // excess bytes: do not trust it
            return response_complete();
          }
          break;
        }
        case Framing::Chunked: {
          std::size_t used = 0;
          // 7.88.1 counts the data of a read once the chunked reader took all of it: when
          // a chunk's delivery fails, none of this read counts.
          const curl_off_t counted = t_.info().size_download;
          ChunkedDecoder::Result r = chunked_.feed(p, left, &used, *this);
          if (r == ChunkedDecoder::Result::kError) t_.info().size_download = counted;
          if (raw_chunked_ && used > 0 && !ignore_body_ && r != ChunkedDecoder::Result::kError) {
            // HTTP_TRANSFER_DECODING=0: the chunked bytes themselves are the body (7.88.1);
            // the decoder only finds the end (and counted the data bytes).
            CURLcode rc = write_body(p, used);
            if (rc != CURLE_OK) return finish(rc);
          }
          p += used;
          left -= used;
          if (state_ == State::Done) return Next::Finish;
          if (r == ChunkedDecoder::Result::kError) {
            // 7.88.1 counts a read's body bytes after de-chunking all of it: those of a
            // read that ends in a chunk error were delivered but are not counted.
            t_.info().size_download = counted;
            return fail(chunked_.error_code(), chunked_.error_text());
          }
          if (r == ChunkedDecoder::Result::kDone) {
            if (left > 0) conn_->set_reusable(false);
            return response_complete();
          }
          break;
        }
        case Framing::Close:
        case Framing::Unknown: {
          CURLcode rc = deliver_body(p, left);
          left = 0;
          if (rc != CURLE_OK) return finish(rc);
          break;
        }
        case Framing::None:
          left = 0;
          break;
      }
    }
    if (state_ != State::Receiving) return Next::Continue;
    if (recv_paused_) return Next::Block;
  }
  // More may be waiting: come back from the event loop at once.
  m_.run_soon(t_);
  return Next::Block;
}

// The pooled connection died while idle (a send failed or the peer closed before any
// byte of the answer): one fresh attempt, as 7.88.1 makes.
Exchange::Next Exchange::retry_fresh_connection() {
  info_text("Connection died, retrying a fresh connect");
  conn_->set_reusable(false);
  release_connection(false);
  retried_ = true;
  send_buf_.clear();
  send_off_ = 0;
  rewind_pending_ = rewind_pending_ || uploaded_ > 0;
  uploaded_ = 0;
  request_built_ = false;
  parser_.reset();
  state_ = State::Start;
  return Next::Continue;
}

Exchange::Next Exchange::handle_eof() {
  if (!head_done_) {
    if (reused_ && !retried_ && !got_bytes_) return retry_fresh_connection();
    std::string text;
    CURLcode rc = parser_.on_eof(&text);
    conn_->set_reusable(false);
    if (rc != CURLE_OK) return fail(rc, text);
    return response_complete();
  }
  conn_->set_reusable(false);
  switch (framing_) {
    case Framing::Length:
      if (body_left_ > 0) {
        return fail(CURLE_PARTIAL_FILE, "transfer closed with " + std::to_string(body_left_) +
                                            " bytes remaining to read");
      }
      break;
    case Framing::Chunked:
      if (!chunked_.done()) {
        return fail(CURLE_PARTIAL_FILE, "transfer closed with outstanding read data remaining");
      }
      break;
    default:
      break;
  }
  return response_complete();
}

void Exchange::on_status_code(const StatusLine& status) {
  TransferInfo& info = t_.info();
  info.response_code = status.code;
  info.http_version = status.version == 10   ? CURL_HTTP_VERSION_1_0
                      : status.version == 20 ? CURL_HTTP_VERSION_2_0
                                             : CURL_HTTP_VERSION_1_1;
}

CURLcode Exchange::on_status(const StatusLine& status, std::string_view raw_line) {
  on_status_code(status);
  keep_alive_.on_status(status.version);
  if (status.version == 10 && conn_ != nullptr) conn_->set_http10(true);
  // A request's 1xx responses and its final response share one request number.
  if (!saw_status_) t_.headers().next_request();
  saw_status_ = true;
  content_length_ = -1;
  te_chunked_ = false;
  conn_close_ = false;
  location_.reset();
  decoders_.reset();
  decoding_ = false;
  raw_chunked_ = false;
  CURLcode rc = deliver_header(raw_line);
  if (rc != CURLE_OK) return rc;
  const Options& opts = t_.options();
  if (opts.resume_from > 0 && !opts.range && status.code == 200 && !opts.upload) {
    // A resumed download answered with the whole document (7.88.1).
    t_.fail_text("HTTP server doesn't seem to support byte ranges. Cannot resume.");
    conn_->set_reusable(false);
    return CURLE_RANGE_ERROR;
  }
  return CURLE_OK;
}

CURLcode Exchange::on_header(std::string_view name, std::string_view value,
                             std::string_view raw_line) {
  TransferInfo& info = t_.info();
  const Options& o = t_.options();
  // IGNORE_CONTENT_LENGTH: the header is not looked at at all (7.88.1).
  // An error found in this line that 7.88.1 reports after the header callback got it.
  CURLcode after_delivery = CURLE_OK;
  if (header_is(name, "Content-Length") && !is_continuation_line(raw_line) &&
      o.cold().ignore_content_length == 0) {
    curl_off_t len = -1;
    switch (parse_content_length(value, &len)) {
      case ContentLength::kOk:
        content_length_ = len;
        if (o.maxfilesize > 0 && len > o.maxfilesize) after_delivery = CURLE_FILESIZE_EXCEEDED;
        break;
      case ContentLength::kInvalid:
        t_.fail_text("Invalid Content-Length: " + std::string(value));
        return CURLE_WEIRD_SERVER_REPLY;
      case ContentLength::kOverflow:
        content_length_ = -1;
        conn_close_ = true;
        if (o.maxfilesize > 0) {
          t_.fail_text("Maximum file size exceeded");
          return CURLE_FILESIZE_EXCEEDED;
        }
        break;
    }
  } else if (header_is(name, "Transfer-Encoding")) {
    if (transfer_encoding_is_chunked(value)) te_chunked_ = true;
    // Transfer codings other than chunked are undone whatever CURLOPT_TRANSFER_ENCODING
    // says (7.88.1); content codings only when CURLOPT_ACCEPT_ENCODING is set.
    CURLcode rc = add_codings(value, true);
    if (rc != CURLE_OK) return rc;
  } else if (header_is(name, "Content-Encoding") && o.accept_encoding) {
    CURLcode rc = add_codings(value, false);
    if (rc != CURLE_OK) return rc;
  } else if (header_is(name, "Content-Type")) {
    // A blank Content-Type leaves CURLINFO_CONTENT_TYPE NULL.
    if (value.empty())
      info.content_type.reset();
    else
      info.content_type = std::string(value);
  } else if (header_is(name, "WWW-Authenticate") && parser_.status().code == 401) {
    // Every offer of a 401 is read and reported (CURLINFO_HTTPAUTH_AVAIL), asked for or not.
    auth_input(auth(), value, &info.httpauth_avail);
  } else if (header_is(name, "Location")) {
    // The first non-empty Location of a 3xx answer counts (7.88.1).
    int code = parser_.status().code;
    if (!location_ && !value.empty() && code >= 300 && code < 400) location_ = std::string(value);
  } else if (header_is(name, "Retry-After")) {
    info.retry_after = parse_retry_after(value, std::time(nullptr));
  } else if (header_is(name, "Set-Cookie") && !is_continuation_line(raw_line)) {
    t_.cookie_from_response(value, host_, target_, https_);
  } else if (header_is(name, "Last-Modified")) {
    if (o.filetime != 0) info.filetime = parse_last_modified(value);
  }
  keep_alive_.on_header(name, value);
  // 7.88.1's header API keeps the CR of an empty value ("X-Empty:\r\n" gives "\r").
  if (value.empty() && raw_line.size() >= 2 && raw_line[raw_line.size() - 2] == '\r' &&
      !is_continuation_line(raw_line)) {
    value = "\r";
  }
  t_.headers().add(name, value, is_interim_status(parser_.status().code) ? CURLH_1XX : CURLH_HEADER,
                   is_continuation_line(raw_line));
  CURLcode rc = deliver_header(raw_line);
  if (rc != CURLE_OK) return rc;
  if (after_delivery == CURLE_FILESIZE_EXCEEDED) t_.fail_text("Maximum file size exceeded");
  return after_delivery;
}

CURLcode Exchange::on_head_end(std::string_view raw_line) {
  // The empty line after a 1xx head is not shown to the debug callback (7.88.1).
  CURLcode rc = deliver_header(raw_line, true, !is_interim_status(parser_.status().code));
  if (rc != CURLE_OK) return rc;
  int code = parser_.status().code;
  if (is_interim_status(code)) return CURLE_OK;
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  if (te_chunked_) content_length_ = -1;
  if (code == 204 || code == 304) content_length_ = 0;
  info.content_length_download = content_length_;
  if (code == 304) info.condition_unmet = 1;  // with or without a TIMECONDITION (7.88.1)
  // A 401 with a method we can use (and credentials to use it with) is answered by
  // sending the request again; its body is read and dropped.
  auth_retry_ = false;
  if (code == 401 && (has_credentials() || o.xoauth2_bearer) && !auth().problem) {
    if (auth_pick(auth(), o.xoauth2_bearer.has_value()) != 0)
      auth_retry_ = true;
    else
      auth().problem = true;
  }
  // FAILONERROR acts once the whole head went to the header callback (7.88.1).
  if (o.failonerror != 0 && code >= 400 && !auth_retry_) {
    t_.fail_text("The requested URL returned error: " + std::to_string(code));
    conn_->set_reusable(false);
    return CURLE_HTTP_RETURNED_ERROR;
  }
  if (o.cold().timecondition != CURL_TIMECOND_NONE && !o.range && o.resume_from == 0 &&
      code >= 200 && !time_condition_met(o, t_.headers())) {
    // The document's Last-Modified fails the condition: 7.88.1 stops here as if the
    // server had answered 304, and closes the connection (the body is not read).
    info.condition_unmet = 1;
    info.response_code = 304;
    info_text("Simulate an HTTP 304 response");
    framing_ = Framing::None;
    conn_->set_reusable(false);
    return CURLE_OK;
  }
  // The body of a redirect that will be followed is read and thrown away (7.88.1).
  // 7.88.1 follows a Location on any 3xx answer, 304 included.
  ignore_body_ = (o.followlocation != 0 && location_ && code >= 300 && code < 400) || auth_retry_;
  if (o.no_body || code == 204 || code == 304 || (code >= 100 && code < 200)) {
    framing_ = Framing::None;
  } else if (te_chunked_) {
    framing_ = Framing::Chunked;
    chunked_.reset();
    raw_chunked_ = o.cold().http_transfer_decoding == 0;
  } else if (content_length_ >= 0 && o.cold().ignore_content_length == 0) {
    framing_ = Framing::Length;
    body_left_ = content_length_;
  } else {
    framing_ = Framing::Close;
  }
  if (framing_ == Framing::Close || conn_close_ || !keep_alive_.keep()) conn_->set_reusable(false);
  // HTTP_CONTENT_DECODING=0 and raw chunked delivery leave the body as sent; the codings
  // were still counted against the depth limit (7.88.1).
  decoding_ =
      decoders_ && !decoders_->empty() && o.cold().http_content_decoding != 0 && !raw_chunked_;
  delivered_ = 0;
  return CURLE_OK;
}

CURLcode Exchange::add_codings(std::string_view value, bool transfer) {
  if (!decoders_) decoders_ = std::make_unique<DecoderStack>();
  std::string text;
  CURLcode rc = decoders_->add_list(value, transfer, &text);
  if (rc != CURLE_OK) {
    t_.fail_text(text);
    conn_->set_reusable(false);
  }
  return rc;
}

CURLcode Exchange::on_body(std::string_view data) {
  if (raw_chunked_) {
    // The raw chunked bytes are written by do_receiving; only the data bytes count.
    if (!ignore_body_) t_.info().size_download += static_cast<curl_off_t>(data.size());
    return CURLE_OK;
  }
  return deliver_body(data.data(), data.size());
}

CURLcode Exchange::on_trailer(std::string_view line) {
  // "Name: value\r\n" as the decoder rebuilds it.
  std::string_view l = line;
  while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
  std::size_t colon = l.find(':');
  if (colon != std::string_view::npos) {
    std::string_view v = l.substr(colon + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    t_.headers().add(l.substr(0, colon), v, CURLH_TRAILER, false);
  }
  return deliver_header(line, false, false);
}

CURLcode Exchange::deliver_header(std::string_view line, bool count, bool show) {
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  if (show) debug(CURLINFO_HEADER_IN, line);
  if (o.header != 0 && count) {
    // CURLOPT_HEADER: the body writer gets the line first, then the header callback
    // (7.88.1's order); trailers go to the header callback only. A pause there holds
    // the data; it resumes with the body.
    CURLcode rc = write_body_now(line.data(), line.size());
    if (rc != CURLE_OK && rc != kPaused) return rc;
  }
  curl_write_callback fn = o.cb.header;
  void* data = o.cb.header_data;
  if (fn == nullptr && data != nullptr) {
    fn = o.cb.write;  // HEADERDATA without HEADERFUNCTION: the body writer gets headers
    if (fn == nullptr) {
      Multi::CallbackScope scope(m_);
      std::size_t w = std::fwrite(line.data(), 1, line.size(), static_cast<FILE*>(data));
      if (w != line.size()) {
        t_.fail_text("Failed writing header");
        return CURLE_WRITE_ERROR;
      }
    }
  }
  if (fn != nullptr) {
    std::size_t w;
    {
      Multi::CallbackScope scope(m_);
      w = fn(const_cast<char*>(line.data()), 1, line.size(), data);
    }
    if (w != line.size()) {
      t_.fail_text("Failed writing header");
      return CURLE_WRITE_ERROR;
    }
  }
  // Counted once the application took the line (7.88.1: a failing header callback
  // leaves CURLINFO_HEADER_SIZE at 0); trailers are not counted.
  if (count) info.header_size += static_cast<long>(line.size());
  return CURLE_OK;
}

CURLcode Exchange::deliver_body(const char* data, std::size_t len) {
  if (len == 0 || ignore_body_) return CURLE_OK;
  // CURLINFO_SIZE_DOWNLOAD and the progress meter count the bytes as sent, before
  // content decoding (7.88.1); the read loop showed them to the debug callback.
  t_.info().size_download += static_cast<curl_off_t>(len);
  if (!decoding_) return write_body(data, len);
  if (recv_paused_) {
    held_raw_.append(data, len);
    return CURLE_OK;
  }
  return decode_body(data, len);
}

// Tests: tests/integration/content_decoding_test.cc (Decoding.*)
CURLcode Exchange::decode_body(const char* data, std::size_t len) {
  if (!decode_buf_) decode_buf_ = std::make_unique<char[]>(CURL_MAX_WRITE_SIZE);
  // Each round consumes input or produces a piece (or ends the call): bounded by the input
  // and the decoded size, which MAXFILESIZE may bound further.
  for (;;) {
    std::size_t used = 0;
    std::size_t n = 0;
    Decoder::Status st =
        decoders_->decode(data, len, &used, decode_buf_.get(), CURL_MAX_WRITE_SIZE, &n);
    data += used;
    len -= used;
    if (n > 0) {
      CURLcode rc = write_body(decode_buf_.get(), n);
      if (rc != CURLE_OK) return rc;
      if (recv_paused_) {
        // The application paused on this piece (now in held_); the rest stays encoded.
        held_raw_.append(data, len);
        return CURLE_OK;
      }
    }
    if (st != Decoder::Status::kOk) {
      t_.fail_text(decoders_->error_text());
      if (conn_ != nullptr) conn_->set_reusable(false);
      return decoders_->error_code();
    }
    if (len == 0 && n < CURL_MAX_WRITE_SIZE) return CURLE_OK;
    if (used == 0 && n == 0) return CURLE_OK;
  }
}

CURLcode Exchange::write_body(const char* data, std::size_t len) {
  if (len == 0) return CURLE_OK;
  const Options& o = t_.options();
  // MAXFILESIZE is checked against Content-Length (on_header), as 7.88.1 does, which lets
  // an identity body of unknown size grow past it; a decoded body is bounded by its
  // decoded size too (issue 5).
  delivered_ += static_cast<curl_off_t>(len);
  if (decoding_ && o.maxfilesize > 0 && delivered_ > o.maxfilesize) {
    t_.fail_text("Exceeded the maximum allowed file size (" + std::to_string(o.maxfilesize) +
                 ") with " + std::to_string(delivered_) + " bytes");
    return CURLE_FILESIZE_EXCEEDED;
  }
  if (recv_paused_) {
    held_.append(data, len);
    return CURLE_OK;
  }
  // The write callback gets at most CURL_MAX_WRITE_SIZE bytes at a time.
  while (len > 0) {
    std::size_t piece = std::min<std::size_t>(len, CURL_MAX_WRITE_SIZE);
    CURLcode rc = write_body_now(data, piece);
    if (rc == kPaused) {
      recv_paused_ = true;
      held_.append(data, len);  // this piece again, and the rest
      return CURLE_OK;
    }
    if (rc != CURLE_OK) return rc;
    data += piece;
    len -= piece;
  }
  return CURLE_OK;
}

CURLcode Exchange::write_body_now(const char* data, std::size_t len) {
  const Options& o = t_.options();
  std::size_t w;
  {
    Multi::CallbackScope scope(m_);
    if (o.cb.write != nullptr) {
      w = o.cb.write(const_cast<char*>(data), 1, len, o.cb.write_data);
    } else {
      FILE* out = o.cb.write_data != nullptr ? static_cast<FILE*>(o.cb.write_data) : stdout;
      w = std::fwrite(data, 1, len, out);
    }
  }
  if (w == CURL_WRITEFUNC_PAUSE) return kPaused;
  if (w != len) {
    t_.fail_text("Failure writing output to destination");
    return CURLE_WRITE_ERROR;
  }
  return CURLE_OK;
}

CURLcode Exchange::set_pause(int bits) {
  bool was_send_paused = send_paused_;
  send_paused_ = (bits & CURLPAUSE_SEND) != 0;
  bool want_recv_pause = (bits & CURLPAUSE_RECV) != 0;
  if (!want_recv_pause && recv_paused_) {
    // Deliver what was held, synchronously (curl_easy_pause(3)); it may pause again.
    recv_paused_ = false;
    std::string held = std::move(held_);
    held_.clear();
    std::size_t off = 0;
    while (off < held.size()) {
      std::size_t piece = std::min<std::size_t>(held.size() - off, CURL_MAX_WRITE_SIZE);
      CURLcode rc = write_body_now(held.data() + off, piece);
      if (rc == kPaused) {
        recv_paused_ = true;
        held_.assign(held, off, std::string::npos);
        break;
      }
      if (rc != CURLE_OK) {
        finish(rc);
        return rc;
      }
      off += piece;
    }
    if (!recv_paused_ && decoding_ && decoders_ && state_ != State::Done) {
      // Then decode what waited encoded (or flush what the decoders still hold).
      std::string raw = std::move(held_raw_);
      held_raw_.clear();
      CURLcode rc = decode_body(raw.data(), raw.size());
      if (rc != CURLE_OK) {
        finish(rc);
        return rc;
      }
    }
    low_speed_below_ = false;
  } else if (want_recv_pause) {
    recv_paused_ = true;
  }
  (void)was_send_paused;
  return CURLE_OK;
}

CURLcode Exchange::progress() {
  const Options& o = t_.options();
  if (o.noprogress != 0) return CURLE_OK;
  const TransferInfo& info = t_.info();
  curl_off_t dltotal = content_length_ > 0 ? content_length_ : 0;
  curl_off_t ultotal = upload_size_ > 0 ? upload_size_ : 0;
  int rc;
  {
    Multi::CallbackScope scope(m_);
    if (o.cb.xferinfo != nullptr) {
      rc =
          o.cb.xferinfo(o.cb.progress_data, dltotal, info.size_download, ultotal, info.size_upload);
    } else if (o.cb.progress != nullptr) {
      rc = o.cb.progress(o.cb.progress_data, static_cast<double>(dltotal),
                         static_cast<double>(info.size_download), static_cast<double>(ultotal),
                         static_cast<double>(info.size_upload));
    } else {
      return CURLE_OK;  // the built-in meter prints nothing for library users
    }
  }
  if (rc != 0 && rc != CURL_PROGRESSFUNC_CONTINUE) return CURLE_ABORTED_BY_CALLBACK;
  return CURLE_OK;
}

// --- After the response ------------------------------------------------------------------

Exchange::Next Exchange::response_complete() {
  if (recv_paused_ && (!held_.empty() || !held_raw_.empty())) {
    // Paused with data held: the transfer ends only after the application took it.
    complete_after_unpause_ = true;
    return Next::Block;
  }
  if (upload_after_response_ && !upload_done_) {
    // The body still goes out (see the "100 Continue" handling); then the transfer ends.
    state_ = State::Sending;
    return Next::Continue;
  }
  upload_after_response_ = false;
  const Options& o = t_.options();
  TransferInfo& info = t_.info();
  int code = parser_.status().code;
  bool keep = conn_ != nullptr && conn_->reusable() && upload_done_ && !awaiting_100_;
  bool follow = o.followlocation != 0 && location_ && code >= 300 && code < 400;
  if (location_ && !follow) {
    Url target = url_;
    if (target.set(CURLUPART_URL, location_->c_str(), CURLU_URLENCODE | CURLU_ALLOW_SPACE) ==
        CURLUE_OK) {
      std::string abs;
      target.to_string(abs, 0);
      info.redirect_url = abs;
    } else {
      // A Location that does not parse (another scheme, a control byte) is reported as
      // it came (7.88.1).
      info.redirect_url = *location_;
    }
  }
  if (auth_retry_) {
    // The same URL again, with the picked method's Authorization.
    if (conn_ != nullptr) {
      Connection* c = conn_;
      conn_ = nullptr;
      c->set_reusable(keep && o.forbid_reuse == 0);
      touch_connection_lock(t_);
      PoolUse(t_, m_).pool().release(c, m_.now(), m_.max_idle_connections());
      m_.wake_pending();
    }
    return restart_request();
  }
  if (!follow) {
    // finish() gives the connection back to the pool when it may carry another request.
    if (conn_ != nullptr) conn_->set_reusable(keep);
    return finish(CURLE_OK);
  }
  // Follow the redirect (CURLOPT_FOLLOWLOCATION).
  if (o.maxredirs >= 0 && info.redirect_count >= o.maxredirs) {
    Url target = url_;
    if (target.set(CURLUPART_URL, location_->c_str(), CURLU_URLENCODE | CURLU_ALLOW_SPACE) ==
        CURLUE_OK) {
      std::string abs;
      target.to_string(abs, 0);
      info.redirect_url = abs;
    }
    return fail(CURLE_TOO_MANY_REDIRECTS,
                "Maximum (" + std::to_string(o.maxredirs) + ") redirects followed");
  }
  if (conn_ != nullptr) {
    conn_->set_reusable(keep);
    Connection* c = conn_;
    conn_ = nullptr;
    c->set_reusable(keep && o.forbid_reuse == 0);
    touch_connection_lock(t_);
    PoolUse(t_, m_).pool().release(c, m_.now(), m_.max_idle_connections());
    m_.wake_pending();
  }
  Url next = url_;
  unsigned flags = CURLU_URLENCODE | CURLU_ALLOW_SPACE;
  if (o.path_as_is) flags |= CURLU_PATH_AS_IS;
  CURLUcode uc = next.set(CURLUPART_URL, location_->c_str(), flags);
  if (uc != CURLUE_OK) {
    // 7.88.1 counts the redirect before it parses the target.
    ++info.redirect_count;
    return fail(uc == CURLUE_OUT_OF_MEMORY        ? CURLE_OUT_OF_MEMORY
                : uc == CURLUE_UNSUPPORTED_SCHEME ? CURLE_UNSUPPORTED_PROTOCOL
                                                  : CURLE_URL_MALFORMAT,
                std::string("The redirect target URL could not be parsed: ") + url_error_text(uc));
  }
  url_ = std::move(next);
  {
    // Another scheme: the followed URL becomes the effective one, then it is refused
    // (7.88.1 checks the protocol when it connects).
    std::optional<std::string> scheme;
    url_.get(CURLUPART_SCHEME, scheme, 0);
    std::string lower = scheme.value_or("http");
    for (char& ch : lower) ch = static_cast<char>(to_lower_ascii(ch));
    // CURLOPT_REDIR_PROTOCOLS(_STR) says which schemes a redirect may go to (default
    // http, https, ftp, ftps); mcurl speaks http and https.
    const long allowed = o.redir_protocols & o.protocols;
    bool ok = (lower == "http" && (allowed & CURLPROTO_HTTP) != 0) ||
              (lower == "https" && (allowed & CURLPROTO_HTTPS) != 0);
    if (!ok) {
      std::string effective;
      url_.to_string(effective, 0);
      info.effective_url = effective;
      ++info.redirect_count;
      return fail(CURLE_UNSUPPORTED_PROTOCOL,
                  "Protocol \"" + lower + "\" not supported or disabled in libcurl");
    }
  }
  // The method after a redirect (7.88.1): 301 and 302 turn a POST into a GET unless
  // CURLOPT_POSTREDIR keeps it; 303 turns anything but GET (and a kept POST) into a GET;
  // 307 and 308 keep the method and the body.
  HttpReq kind = kind_override_ ? *kind_override_ : request_kind(o);
  bool is_post = kind == HttpReq::kPost;
  if ((code == 301 && is_post && !(o.cold().postredir & CURL_REDIR_POST_301)) ||
      (code == 302 && is_post && !(o.cold().postredir & CURL_REDIR_POST_302)) ||
      (code == 303 && kind != HttpReq::kGet && kind != HttpReq::kHead &&
       !(is_post && (o.cold().postredir & CURL_REDIR_POST_303)))) {
    info_text("Switch to GET");
    kind_override_ = HttpReq::kGet;
  }
  ++info.redirect_count;
  info.redirect_time = micros_since(started_, m_.now());
  if (o.autoreferer != 0 && info.effective_url) {
    // The referring URL without credentials and fragment (7.88.1).
    Url ref;
    std::string r;
    if (ref.set(CURLUPART_URL, info.effective_url->c_str(), CURLU_NON_SUPPORT_SCHEME) ==
            CURLUE_OK &&
        ref.set(CURLUPART_USER, nullptr, 0) == CURLUE_OK &&
        ref.set(CURLUPART_PASSWORD, nullptr, 0) == CURLUE_OK &&
        ref.set(CURLUPART_FRAGMENT, nullptr, 0) == CURLUE_OK && ref.to_string(r, 0) == CURLUE_OK)
      info.referer = r;
    else
      info.referer = info.effective_url;
  }
  return restart_request();
}

// Resets the per-request state so that the state machine sends the next request.
Exchange::Next Exchange::restart_request() {
  upload_interrupted_ = false;
  upload_after_response_ = false;
  reading_while_sending_ = false;
  parser_.reset();
  chunked_.reset();
  keep_alive_ = KeepAlive();
  framing_ = Framing::Unknown;
  head_done_ = false;
  got_bytes_ = false;
  body_left_ = -1;
  content_length_ = -1;
  location_.reset();
  send_buf_.clear();
  send_off_ = 0;
  rewind_pending_ = rewind_pending_ || uploaded_ > 0;
  uploaded_ = 0;
  request_built_ = false;
  reused_ = false;
  retried_ = false;
  saw_status_ = false;
  ignore_body_ = false;
  held_.clear();
  held_raw_.clear();
  decoders_.reset();
  decoding_ = false;
  raw_chunked_ = false;
  auth_retry_ = false;
  state_ = State::Start;
  return Next::Continue;
}

// --- Authentication ------------------------------------------------------------------

// The user name and password, as 7.88.1 combines the options with the URL's
// (percent-decoded) credentials: CURLOPT_PASSWORD wins over the URL's password; a
// password taken from the URL brings the URL's user name along, otherwise
// CURLOPT_USERNAME wins over the URL's user name.
bool Exchange::credentials(std::string* user, std::string* password) {
  const Options& o = t_.options();
  std::optional<std::string> url_user;
  std::optional<std::string> url_password;
  url_.get(CURLUPART_USER, url_user, CURLU_URLDECODE);
  url_.get(CURLUPART_PASSWORD, url_password, CURLU_URLDECODE);
  std::optional<std::string> u = o.username ? o.username.to_optional() : url_user;
  std::optional<std::string> p = o.password.to_optional();
  if (!p && url_password) {
    p = url_password;
    if (url_user) u = url_user;
  }
  // CURLOPT_NETRC, unless CURLOPT_USERNAME is set: OPTIONAL keeps a password given in
  // the URL; REQUIRED ignores it. The URL's user name picks the entry.
  if (o.netrc != CURL_NETRC_IGNORED && !o.username &&
      !(o.netrc == CURL_NETRC_OPTIONAL && url_password)) {
    std::optional<NetrcMatch> m = netrc_find(o.netrc_file.to_optional(), host_, url_user);
    if (m) {
      u = url_user ? url_user : m->login;
      if (m->password) p = m->password;
    } else if (o.netrc == CURL_NETRC_REQUIRED) {
      u = url_user;
      p.reset();
    }
  }
  if (!u) return false;
  if (user != nullptr) *user = *u;
  if (password != nullptr) *password = p.value_or(std::string());
  return true;
}

bool Exchange::has_credentials() { return credentials(nullptr, nullptr); }

void Exchange::build_authorization(RequestSpec& spec) {
  const Options& o = t_.options();
  auth_value_.clear();
  std::string user;
  std::string password;
  bool have_user = credentials(&user, &password);
  if (!have_user && !o.xoauth2_bearer) return;
  if (!auth_started_) {
    // One method asked for is used at once; several wait for the server's offers.
    auth_started_ = true;
    auth().want = o.httpauth;
    auth().picked = o.httpauth;
  }
  // Credentials go only to the first host unless CURLOPT_UNRESTRICTED_AUTH.
  if (spec.redirected_to_other_host) return;
  if (auth().picked == CURLAUTH_DIGEST && have_user) {
    std::string_view method = spec.method;
    if (method.empty()) {
      switch (spec.kind) {
        case HttpReq::kHead:
          method = "HEAD";
          break;
        case HttpReq::kPost:
          method = "POST";
          break;
        case HttpReq::kPut:
          method = "PUT";
          break;
        case HttpReq::kGet:
          method = "GET";
          break;
      }
    }
    std::optional<std::string> v = digest_value(auth(), user, password, method, target_);
    if (v) auth_value_ = std::move(*v);
  } else if (auth().picked == CURLAUTH_BASIC && have_user) {
    auth_value_ = basic_value(user, password);
  } else if (auth().picked == CURLAUTH_BEARER && o.xoauth2_bearer) {
    auth_value_ = "Bearer " + *o.xoauth2_bearer;
  }
  if (!auth_value_.empty()) spec.authorization = auth_value_;
}

CURLcode Exchange::rewind_upload() {
  const Options& o = t_.options();
  if (o.cold().cb.seek != nullptr) {
    int err;
    {
      Multi::CallbackScope scope(m_);
      err = o.cold().cb.seek(o.cold().cb.seek_data, 0, SEEK_SET);
    }
    if (err == CURL_SEEKFUNC_OK) return CURLE_OK;
    t_.fail_text("seek callback returned error " + std::to_string(err));
    return CURLE_SEND_FAIL_REWIND;
  }
  if (o.cold().cb.ioctl != nullptr) {
    curlioerr err;
    {
      Multi::CallbackScope scope(m_);
      err = o.cold().cb.ioctl(t_.handle(), CURLIOCMD_RESTARTREAD, o.cold().cb.ioctl_data);
    }
    if (err == CURLIOE_OK) return CURLE_OK;
    t_.fail_text("ioctl callback returned error " + std::to_string(static_cast<int>(err)));
    return CURLE_SEND_FAIL_REWIND;
  }
  // The default reader (fread on CURLOPT_READDATA) rewinds its FILE itself.
  if (o.cb.read == nullptr) {
    FILE* in = o.cb.read_data != nullptr ? static_cast<FILE*>(o.cb.read_data) : stdin;
    if (std::fseek(in, 0, SEEK_SET) == 0) return CURLE_OK;
  }
  t_.fail_text("necessary data rewind wasn't possible");
  return CURLE_SEND_FAIL_REWIND;
}

}  // namespace mcurl
