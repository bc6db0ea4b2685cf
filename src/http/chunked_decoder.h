// Sans-I/O decoder of HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1) with the
// observable behaviour of libcurl 7.88.1: same accepted input, same CURLcodes and texts,
// trailers handed to the header callback the way 7.88.1 hands them.
//
// Body data is delivered as views into the caller's input (no copy). Trailer lines are
// collected (bounded by kMaxTrailerLine) and delivered as "<line>\r\n", whatever line
// ending the server used: 7.88.1 rebuilds them like that (a bare-LF trailer reaches the
// header callback with "\r\n").
//
// State: value-initialise (`ChunkedDecoder d{};` or `d.reset()`); no allocation happens
// unless trailers arrive.
// Thread affinity: none. The sink may call into the application.
// Tests: tests/unit/http/chunked_decoder_test.cc; facts: docs/internals/HTTP1.md
#ifndef MCURL_HTTP_CHUNKED_DECODER_H
#define MCURL_HTTP_CHUNKED_DECODER_H

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mcurl {

// Receiver of decoded output. Return CURLE_OK to go on; any other code stops the decoder
// with that code (sticky) and the text "Failed reading the chunked-encoded stream" (as
// 7.88.1 words it; it only reaches CURLOPT_ERRORBUFFER when the sink wrote none first).
// Views are valid only during the call.
class ChunkSink {
 public:
  virtual CURLcode on_body(std::string_view data) = 0;
  // One trailer line with "\r\n" appended (never the blank line that ends the trailers).
  virtual CURLcode on_trailer(std::string_view line) = 0;

 protected:
  ~ChunkSink() = default;
};

// A trailer line (without its line ending) must be shorter than this; 4094 bytes and up
// fail with CURLE_RECV_ERROR "Out of memory in chunked-encoding".
inline constexpr std::size_t kMaxTrailerLine = 4094;

// At most this many hex digits (leading zeros count) in a chunk size.
inline constexpr std::size_t kMaxChunkHexDigits = 16;

class ChunkedDecoder {
 public:
  enum class Result {
    kNeedMore,  // all input consumed, the body is not complete
    kDone,      // the last chunk and trailers ended; *consumed stops after the final LF
    kError,     // sticky; error_code() / error_text()
  };

  // Decodes in[0..len). *consumed is set to the bytes used (all of them unless kDone or
  // kError). Body data and trailer lines go to `sink` as they are found, so data before
  // an error has been delivered. After kDone/kError further calls consume nothing and
  // return the same result.
  Result feed(const char* in, std::size_t len, std::size_t* consumed, ChunkSink& sink);

  // Back to the initial state (frees nothing but the trailer text).
  void reset() noexcept;

  bool done() const noexcept { return state_ == State::kDone; }

  // What a connection close means now: true when the body counts as complete. 7.88.1
  // also accepts a close right before the very last LF (after the final CR), so a body
  // ending "0\r\n\r" then EOF is complete; any other unfinished state is
  // CURLE_PARTIAL_FILE "transfer closed with outstanding read data remaining".
  bool complete_at_eof() const noexcept { return state_ == State::kDone || state_ == State::kEnd; }
  // Bytes of chunk data still expected in the current chunk.
  curl_off_t chunk_remaining() const noexcept { return remaining_; }

  CURLcode error_code() const noexcept { return error_code_; }
  // "<reason> in chunked-encoding" (reasons: "Too long hexadecimal number", "Illegal or
  // missing hexadecimal sequence", "Malformed encoding found", "Out of memory"), or
  // "Failed reading the chunked-encoded stream" when the sink or a trailer failed.
  const char* error_text() const noexcept { return error_text_ ? error_text_ : ""; }

 private:
  enum class State : std::uint8_t {
    kHex = 0,      // reading the size's hex digits
    kSizeLine,     // after the digits: ignore everything (extensions) up to LF
    kData,         // chunk data
    kPostData,     // after data: any CRs, then LF
    kTrailer,      // collecting a trailer line
    kTrailerLf,    // after a trailer's CR: LF must follow
    kTrailerNext,  // another trailer or the end
    kEnd,          // the final LF must follow
    kDone,
    kError,
  };

  Result fail(CURLcode code, const char* text) noexcept;

  State state_ = State::kHex;
  std::uint8_t hex_len_ = 0;
  char hex_[kMaxChunkHexDigits] = {};
  curl_off_t remaining_ = 0;
  CURLcode error_code_ = CURLE_OK;
  const char* error_text_ = nullptr;
  std::string trailer_;
};

}  // namespace mcurl

#endif  // MCURL_HTTP_CHUNKED_DECODER_H
