// Content decoding (RFC 9110 section 8.4, RFC 9112 section 7): the codings named by
// Content-Encoding and Transfer-Encoding, undone in a stack of sans-I/O stages with the
// observable behaviour of libcurl 7.88.1 (facts measured against the system libcurl are in
// docs/internals/CONTENT.md).
//
// The model is pull-based, so memory stays bounded whatever the compression ratio: the
// caller offers wire bytes and a fixed output window (CURL_MAX_WRITE_SIZE), and the stack
// fills at most that window per call. Between two stages sits one fixed buffer of
// kStageBufferSize bytes; nothing else grows with the input. A 64 MiB gzip bomb therefore
// costs the zlib states plus one 16 KiB buffer per extra stage, never 64 MiB.
//
// "identity" is the absence of a stage (it still counts toward the depth limit, as in
// 7.88.1); an unrecognised coding is a stage that fails on its first byte.
//
// Thread affinity: none. Nothing here calls into the application.
// Tests: tests/unit/content/decoder_test.cc, tests/unit/content/zlib_decoder_test.cc
#ifndef MCURL_CONTENT_DECODER_H
#define MCURL_CONTENT_DECODER_H

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mcurl {

// The codings mcurl knows by name.
enum class Coding : std::uint8_t {
  kIdentity,  // "identity", "none" (7.88.1 accepts both): no stage
  kGzip,      // "gzip", "x-gzip": gzip or zlib framing (zlib's automatic detection)
  kDeflate,   // "deflate": zlib framing, or raw deflate when the zlib header is wrong
  kUnknown,   // anything else: CURLE_BAD_CONTENT_ENCODING on the first byte
};

// The coding named by `name` (ASCII case ignored).
Coding coding_from_name(std::string_view name) noexcept;

// A response may stack at most this many codings (Content-Encoding and Transfer-Encoding
// together, identity included); one more fails with CURLE_BAD_CONTENT_ENCODING
// "Reject response due to more than 5 content encodings" (7.88.1).
inline constexpr std::size_t kMaxCodings = 5;

// Bytes of each buffer between two stages.
inline constexpr std::size_t kStageBufferSize = 16384;

// What "" in CURLOPT_ACCEPT_ENCODING expands to: every coding mcurl decodes, in 7.88.1's
// order (7.88.1 also lists br and zstd, which mcurl does not decode).
inline constexpr const char* kAcceptAllEncodings = "deflate, gzip";

// One stage: undoes one coding. Implementations: ZlibDecoder (zlib_decoder.h) and the
// unknown-coding stage in decoder.cc.
class Decoder {
 public:
  enum class Status : std::uint8_t {
    kOk,     // go on; more input may follow
    kError,  // sticky: error_code() / error_text(); output produced before it is valid
  };
  virtual ~Decoder() = default;

  // Decodes from in[0..in_len) into out[0..out_cap). Sets *used to the input bytes taken
  // and *produced to the output bytes written (both may be 0). A call with in_len == 0
  // flushes output the stage still holds. The caller must call again while the output
  // window came back full (*produced == out_cap): the stage may hold more.
  // Returns kOk, or kError (then *used/*produced say what happened before the error,
  // and every later call returns kError and produces nothing).
  virtual Status decode(const char* in, std::size_t in_len, std::size_t* used, char* out,
                        std::size_t out_cap, std::size_t* produced) = 0;

  // After kError: CURLE_BAD_CONTENT_ENCODING (corrupt data, unknown coding) or
  // CURLE_WRITE_ERROR (bytes after the end of the stream, 7.88.1's answer), and the text
  // for CURLOPT_ERRORBUFFER (empty: 7.88.1 writes none).
  virtual CURLcode error_code() const noexcept = 0;
  virtual const std::string& error_text() const noexcept = 0;
};

// Creates the stage for `c` (nullptr for kIdentity). Throws std::bad_alloc; a zlib that
// cannot initialise makes a stage that fails on its first byte.
std::unique_ptr<Decoder> make_decoder(Coding c);

// The codings of one response, in the order their names appeared in the header fields
// (the last one named is undone first), and the stages that undo them.
//
// Ownership: owns its stages and buffers. Reset for every response (a fresh object).
class DecoderStack {
 public:
  DecoderStack() = default;
  DecoderStack(const DecoderStack&) = delete;
  DecoderStack& operator=(const DecoderStack&) = delete;

  // Adds the codings of one header value, a comma-separated list. "chunked" is skipped
  // when `transfer` (it is framing, handled by ChunkedDecoder). Returns CURLE_OK, or
  // CURLE_BAD_CONTENT_ENCODING with *error_text set when the depth passes kMaxCodings.
  // Throws std::bad_alloc.
  CURLcode add_list(std::string_view value, bool transfer, std::string* error_text);

  // Number of codings named so far (identity included) and whether any needs a stage.
  std::size_t depth() const noexcept { return depth_; }
  bool empty() const noexcept { return stages_.empty(); }

  // Decodes wire bytes in[0..in_len) through every stage into out[0..out_cap): the same
  // contract as Decoder::decode (call again while *produced == out_cap; in_len 0
  // flushes). The first stage sees the wire bytes; each later stage reads the buffer the
  // stage before it filled. Never allocates.
  Decoder::Status decode(const char* in, std::size_t in_len, std::size_t* used, char* out,
                         std::size_t out_cap, std::size_t* produced);
  CURLcode error_code() const noexcept { return error_code_; }
  const std::string& error_text() const noexcept { return error_text_; }

 private:
  struct Stage {
    std::unique_ptr<Decoder> decoder;
    // Output of this stage not yet read by the next one (absent for the last stage).
    std::unique_ptr<char[]> buf;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool full = false;    // the last fill of buf came back full: the stage may hold more
    bool failed = false;  // the stage failed after filling buf: report it once buf is read
  };
  // Fills out from stage k, pulling from the stages before it as needed.
  Decoder::Status pull(std::size_t k, const char* in, std::size_t in_len, std::size_t* used,
                       char* out, std::size_t out_cap, std::size_t* produced);
  Decoder::Status fail(const Decoder& d);

  // Stages in decoding order: stages_[0] reads the wire.
  std::vector<Stage> stages_;
  std::size_t depth_ = 0;
  CURLcode error_code_ = CURLE_OK;
  std::string error_text_;
};

}  // namespace mcurl

#endif  // MCURL_CONTENT_DECODER_H
