// Chunked transfer decoding: see chunked_decoder.h; the behaviour table is in
// docs/internals/HTTP1.md (measured against libcurl 7.88.1).
// Tests: tests/unit/http/chunked_decoder_test.cc
#include "http/chunked_decoder.h"

#include <cstring>

namespace mcurl {
namespace {

constexpr const char* kTooLongHex = "Too long hexadecimal number in chunked-encoding";
constexpr const char* kIllegalHex = "Illegal or missing hexadecimal sequence in chunked-encoding";
constexpr const char* kMalformed = "Malformed encoding found in chunked-encoding";
constexpr const char* kOutOfMemory = "Out of memory in chunked-encoding";
constexpr const char* kPassThrough = "Failed reading the chunked-encoded stream";

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ChunkedDecoder::Result ChunkedDecoder::fail(CURLcode code, const char* text) noexcept {
  state_ = State::kError;
  error_code_ = code;
  error_text_ = text;
  return Result::kError;
}

void ChunkedDecoder::reset() noexcept {
  state_ = State::kHex;
  hex_len_ = 0;
  remaining_ = 0;
  error_code_ = CURLE_OK;
  error_text_ = nullptr;
  trailer_.clear();
}

// Tests: ChunkedDecoder.* (each on every split of its input)
ChunkedDecoder::Result ChunkedDecoder::feed(const char* in, std::size_t len, std::size_t* consumed,
                                            ChunkSink& sink) {
  std::size_t i = 0;
  *consumed = 0;
  if (state_ == State::kDone) return Result::kDone;
  if (state_ == State::kError) return Result::kError;
  while (i < len) {
    const char c = in[i];
    switch (state_) {
      case State::kHex: {
        if (hex_value(c) >= 0) {
          if (hex_len_ >= kMaxChunkHexDigits) {
            *consumed = i;
            return fail(CURLE_RECV_ERROR, kTooLongHex);
          }
          hex_[hex_len_++] = c;
          ++i;
          break;
        }
        if (hex_len_ == 0) {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kIllegalHex);
        }
        // The size is complete. 16 digits can exceed curl_off_t: 7.88.1 calls that an
        // illegal sequence, not a too long one.
        unsigned long long v = 0;
        for (std::uint8_t k = 0; k < hex_len_; ++k) {
          v = (v << 4) | static_cast<unsigned>(hex_value(hex_[k]));
        }
        if (v > 0x7fffffffffffffffULL) {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kIllegalHex);
        }
        remaining_ = static_cast<curl_off_t>(v);
        hex_len_ = 0;
        state_ = State::kSizeLine;  // this byte is looked at again there
        break;
      }
      case State::kSizeLine: {
        // Chunk extensions, blanks and the CR are skipped unseen, up to the LF.
        const void* lf = std::memchr(in + i, '\n', len - i);
        if (lf == nullptr) {
          i = len;
          break;
        }
        i = static_cast<std::size_t>(static_cast<const char*>(lf) - in) + 1;
        state_ = remaining_ == 0 ? State::kTrailer : State::kData;
        break;
      }
      case State::kData: {
        std::size_t avail = len - i;
        std::size_t n = static_cast<unsigned long long>(remaining_) < avail
                            ? static_cast<std::size_t>(remaining_)
                            : avail;
        CURLcode result = sink.on_body(std::string_view(in + i, n));
        i += n;
        remaining_ -= static_cast<curl_off_t>(n);
        if (result != CURLE_OK) {
          *consumed = i;
          return fail(result, kPassThrough);
        }
        if (remaining_ == 0) state_ = State::kPostData;
        break;
      }
      case State::kPostData:
        if (c == '\n') {
          state_ = State::kHex;
        } else if (c != '\r') {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kMalformed);
        }
        ++i;
        break;
      case State::kTrailer:
        if (c == '\r' || c == '\n') {
          if (trailer_.empty()) {
            state_ = State::kTrailerNext;  // no trailer (left): the end comes
            break;
          }
          if (trailer_.size() + 2 >= kMaxTrailerLine + 2) {
            *consumed = i;
            return fail(CURLE_RECV_ERROR, kOutOfMemory);
          }
          // 7.88.1's header store refuses a trailer with a NUL, or with neither a colon
          // nor a leading blank (continuation), before the header callback sees it.
          const bool fold = trailer_[0] == ' ' || trailer_[0] == '\t';
          if (trailer_.find('\0') != std::string::npos ||
              (!fold && trailer_.find(':') == std::string::npos)) {
            *consumed = i;
            return fail(CURLE_BAD_FUNCTION_ARGUMENT, kPassThrough);
          }
          trailer_.append("\r\n");
          CURLcode result = sink.on_trailer(trailer_);
          trailer_.clear();
          if (result != CURLE_OK) {
            *consumed = i;
            return fail(result, kPassThrough);
          }
          state_ = State::kTrailerLf;
          if (c == '\r') ++i;  // a bare LF is looked at again as the LF
          break;
        }
        if (trailer_.size() + 1 > kMaxTrailerLine) {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kOutOfMemory);
        }
        trailer_.push_back(c);
        ++i;
        break;
      case State::kTrailerLf:
        if (c != '\n') {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kMalformed);
        }
        state_ = State::kTrailerNext;
        ++i;
        break;
      case State::kTrailerNext:
        if (c != '\r' && c != '\n') {
          state_ = State::kTrailer;  // another trailer line starts here
          break;
        }
        if (c == '\r') ++i;
        state_ = State::kEnd;
        break;
      case State::kEnd:
        if (c != '\n') {
          *consumed = i;
          return fail(CURLE_RECV_ERROR, kMalformed);
        }
        state_ = State::kDone;
        *consumed = i + 1;
        return Result::kDone;
      case State::kDone:
      case State::kError:
        break;  // not reached: handled before the loop
    }
  }
  *consumed = len;
  return Result::kNeedMore;
}

}  // namespace mcurl
