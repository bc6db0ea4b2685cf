// ZlibDecoder: the gzip and deflate stages of the content decoder stack, on zlib.
//
// What 7.88.1 does, and so what this does (each point measured against the system
// libcurl; tests/unit/content/zlib_decoder_test.cc):
//   * gzip ("gzip", "x-gzip"): zlib's automatic header detection, so a zlib-framed body
//     labelled gzip decodes too; a raw deflate body does not ("incorrect header check").
//   * deflate: zlib framing first. When zlib reports a data error before it produced any
//     output, the stream is started again as raw deflate (servers that send RFC 1951
//     data as "deflate"), from its first byte. Raw deflate tolerates up to 4 bytes after
//     the end of its stream.
//   * Corrupt data: CURLE_BAD_CONTENT_ENCODING with "Error while processing content
//     unencoding: <zlib's message>"; output decoded before the error is delivered first.
//   * Bytes after the end of a gzip or zlib stream (trailing garbage, a second gzip
//     member): CURLE_WRITE_ERROR without an error text.
//   * A stream that simply stops (truncated) is no error: what was decoded is the body.
//
// Memory: the zlib state (about 7 KiB plus a 32 KiB window), and for deflate up to
// kReplayLimit bytes kept until the first output, for the raw retry.
// Thread affinity: none.
#ifndef MCURL_CONTENT_ZLIB_DECODER_H
#define MCURL_CONTENT_ZLIB_DECODER_H

#include <zlib.h>

#include <string>

#include "content/decoder.h"

namespace mcurl {

class ZlibDecoder final : public Decoder {
 public:
  enum class Mode : std::uint8_t { kGzip, kDeflate };

  // The input kept for the raw deflate retry; a data error after more input than this
  // (and still no output) is reported, not retried.
  static constexpr std::size_t kReplayLimit = 512;
  // Bytes raw deflate accepts after the end of its stream.
  static constexpr std::size_t kRawTrailerAllowance = 4;

  explicit ZlibDecoder(Mode mode);
  ~ZlibDecoder() override;
  ZlibDecoder(const ZlibDecoder&) = delete;
  ZlibDecoder& operator=(const ZlibDecoder&) = delete;

  Status decode(const char* in, std::size_t in_len, std::size_t* used, char* out,
                std::size_t out_cap, std::size_t* produced) override;
  CURLcode error_code() const noexcept override { return error_code_; }
  const std::string& error_text() const noexcept override { return error_text_; }

  // True once the deflate stage fell back to raw deflate (for tests).
  bool is_raw() const noexcept { return raw_; }
  // True once the end of the compressed stream was seen.
  bool ended() const noexcept { return ended_; }

 private:
  bool start(int window_bits) noexcept;
  Status fail(CURLcode code, std::string text);
  Status fail_zlib(int rc);

  Mode mode_;
  z_stream z_{};
  bool live_ = false;     // inflateInit succeeded and inflateEnd is due
  bool raw_ = false;      // deflate: retried as raw deflate
  bool ended_ = false;    // Z_STREAM_END seen
  bool keeping_ = false;  // deflate: input is kept for a raw retry (no output yet)
  std::string kept_;      // that input
  std::string replay_;    // raw retry: kept input still to feed
  std::size_t replay_off_ = 0;
  std::size_t trailer_left_ = 0;  // raw: bytes still tolerated after the end
  bool failed_ = false;
  CURLcode error_code_ = CURLE_OK;
  std::string error_text_;
};

}  // namespace mcurl

#endif  // MCURL_CONTENT_ZLIB_DECODER_H
