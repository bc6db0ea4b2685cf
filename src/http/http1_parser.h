// Sans-I/O parser of an HTTP/1.x response head (status line + header lines), with the
// observable behaviour of libcurl 7.88.1: the same accepted status lines, the same
// CURLcodes and error texts, the same size limits, and every header line handed on raw
// (exactly the bytes received, line ending included), as CURLOPT_HEADERFUNCTION gets them.
//
// The parser does no I/O and never calls the application itself: it calls a HeadSink that
// the caller (the transfer engine) implements; the sink may call the application.
//
// Usage (one response):
//   Http1ResponseParser p;                 // or p.reset() for a new request
//   size_t used;
//   switch (p.feed(buf, n, &used, sink)) {
//     case NeedMore: /* all n bytes consumed; read more */
//     case HeadDone: /* buf[used..n) is body (or the next head after a 1xx: see below) */
//     case Http09:   /* body = p.http09_body() followed by buf[used..n) */
//     case Error:    /* p.error_code(), p.error_text() */
//   }
// After HeadDone, when is_interim_status(p.status().code) is true (100..199 except 101),
// call p.next_head() and feed the rest: libcurl 7.88.1 reads another head then.
//
// Memory: only a partial line is copied (into an internal buffer that grows up to
// kMaxHeaderLine); complete lines inside one feed are passed to the sink as views into
// the caller's buffer. Views passed to the sink are valid only during that call.
//
// Thread affinity: none (one parser per transfer, used by one thread at a time).
// Tests: tests/unit/http/http1_parser_test.cc; facts: docs/internals/HTTP1.md
#ifndef MCURL_HTTP_HTTP1_PARSER_H
#define MCURL_HTTP_HTTP1_PARSER_H

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mcurl {

// A single header line (status line and blank line included) must be shorter than this
// many bytes, line ending included; reaching it fails with CURLE_OUT_OF_MEMORY and no
// error text (libcurl's 100 KiB header buffer).
inline constexpr std::size_t kMaxHeaderLine = 100 * 1024;

// The header bytes of one request (all heads, 1xx ones included, status and blank lines
// included) may add up to this many; one more fails with CURLE_RECV_ERROR, "Too large
// response headers: <n> > 307200", after the line that crossed it was handed to the sink.
inline constexpr std::size_t kMaxResponseHeaders = 300 * 1024;

// What the status line said. version is 10, 11 or 20 ("HTTP/2" in an HTTP/1 stream is
// accepted by 7.88.1 and reported as 2.0).
struct StatusLine {
  int version = 0;
  int code = 0;
};

// Receiver of the parsed head. Each method returns CURLE_OK to go on; any other code stops
// the parser with that code (sticky; error_text() is then empty: the sink writes its own
// text, as libcurl's failf does where the failure happens). The views are valid only
// during the call. Methods may call into the application.
class HeadSink {
 public:
  // The status line; raw_line is the whole line with its line ending.
  virtual CURLcode on_status(const StatusLine& status, std::string_view raw_line) = 0;
  // The code and version of a status line as soon as they are read, before the line
  // is checked further (7.88.1 keeps them even when a NUL byte then rejects the line).
  virtual void on_status_code(const StatusLine& status) { (void)status; }
  // A header line. `name` is the bytes before the first ':' (as received, not trimmed);
  // `value` is what libcurl's header-value copy gives: leading whitespace skipped, cut at
  // the first CR or LF, trailing whitespace trimmed. A folded continuation line (starting
  // with SP or HT, obs-fold) comes with an empty name and its trimmed text as value; use
  // is_continuation_line(raw_line) to tell it from a line like ": x".
  virtual CURLcode on_header(std::string_view name, std::string_view value,
                             std::string_view raw_line) = 0;
  // The line that ends the head: any line whose first byte is CR or LF ("\r\n", "\n",
  // and in 7.88.1 also e.g. "\rX: y\r\n", which ends the head whole).
  virtual CURLcode on_head_end(std::string_view raw_line) = 0;

 protected:
  ~HeadSink() = default;
};

// True for a raw header line that continues the previous header (obs-fold).
constexpr bool is_continuation_line(std::string_view raw_line) noexcept {
  return !raw_line.empty() && (raw_line[0] == ' ' || raw_line[0] == '\t');
}

// True for the 1xx codes after which 7.88.1 reads another head: 100..199 except 101
// (a 101 without a requested upgrade is taken as the final response; its body follows).
constexpr bool is_interim_status(int code) noexcept {
  return code >= 100 && code < 200 && code != 101;
}

// Parser options (borrowed; must outlive the parser's use).
struct Http1ParserOptions {
  bool http09_allowed = false;                  // CURLOPT_HTTP09_ALLOWED
  const curl_slist* http200_aliases = nullptr;  // CURLOPT_HTTP200ALIASES
};

class Http1ResponseParser {
 public:
  enum class Result {
    kNeedMore,  // everything consumed; feed more
    kHeadDone,  // a head is complete; *consumed stops right after its blank line
    kHttp09,    // not an HTTP response and HTTP/0.9 is allowed: all of it is body
    kError,     // sticky; see error_code() / error_text()
  };

  Http1ResponseParser() = default;
  explicit Http1ResponseParser(const Http1ParserOptions& options) : options_(options) {}

  // Parses data[0..len). Sets *consumed to the bytes taken (the partial line at the end is
  // taken into the internal buffer). Returns kNeedMore, kHeadDone, kHttp09 or kError as
  // described above. Calling feed after kHeadDone or kHttp09 without next_head()/reset()
  // consumes nothing and returns the same result; after kError it returns kError.
  // May call into the application through `sink`.
  Result feed(const char* data, std::size_t len, std::size_t* consumed, HeadSink& sink);

  // Prepares for the next head of the same response (after a 1xx). Keeps the running
  // header byte total and the "a header field was seen" memory, as libcurl does.
  void next_head() noexcept;

  // Prepares for a new request: forgets everything, keeps the options.
  void reset() noexcept;

  void set_options(const Http1ParserOptions& options) noexcept { options_ = options; }

  // What to do when the connection closes while a head is being read: returns
  // CURLE_GOT_NOTHING (text "Empty reply from server") when no status line of the current
  // head was seen, else CURLE_OK (7.88.1 ends such a transfer successfully, without the
  // partial line and without a body). Writes the text to *error_text when non-null.
  CURLcode on_eof(std::string* error_text) const;

  // The status line of the current head (valid once parsed; after an error raised by a
  // line that followed the status parse it still holds what was parsed, as getinfo shows).
  const StatusLine& status() const noexcept { return status_; }
  bool has_status_line() const noexcept { return lines_ > 0; }

  // After kHttp09: the bytes of the first line that the parser had taken (the rest of
  // the body is the input after *consumed). Valid until the next feed/reset.
  std::string_view http09_body() const noexcept { return http09_body_; }

  // Bytes of header lines counted so far for this request (the kMaxResponseHeaders total).
  std::size_t header_bytes() const noexcept { return header_bytes_; }

  CURLcode error_code() const noexcept { return error_code_; }
  // The text libcurl's failf would write for this error (may be empty: libcurl writes
  // none for the line-too-long case, and none when the sink failed).
  const std::string& error_text() const noexcept { return error_text_; }

 private:
  enum class Phase : std::uint8_t { kHead, kDone, kHttp09, kError };

  // Prefix check on (the start of) the first line of a head.
  enum class Prefix : std::uint8_t { kBad, kUnknown, kGood };
  Prefix check_prefix(std::string_view s) const noexcept;

  Result process_line(std::string_view line, HeadSink& sink);
  Result parse_status(std::string_view line, HeadSink& sink);
  Result fail(CURLcode code, std::string text);

  Http1ParserOptions options_;
  Phase phase_ = Phase::kHead;
  std::string partial_;  // bytes of an incomplete line
  std::string_view http09_body_;
  StatusLine status_;
  std::uint32_t lines_ = 0;  // lines of the current head processed so far
  bool seen_field_ = false;  // a header field was delivered in this request
  std::size_t header_bytes_ = 0;
  CURLcode error_code_ = CURLE_OK;
  std::string error_text_;
};

}  // namespace mcurl

#endif  // MCURL_HTTP_HTTP1_PARSER_H
