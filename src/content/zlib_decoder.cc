// gzip and deflate on zlib; the behaviour is described in zlib_decoder.h.
// Tests: tests/unit/content/zlib_decoder_test.cc
#include "content/zlib_decoder.h"

#include <climits>
#include <utility>

namespace mcurl {
namespace {

// zlib's windowBits: 15 plus 32 asks for automatic gzip/zlib header detection; negative
// means raw deflate without a header.
constexpr int kAutoHeader = 15 + 32;
constexpr int kZlibHeader = 15;
constexpr int kRawDeflate = -15;

// zlib counts in uInt; never offer it more than that at once.
std::size_t clamp_uint(std::size_t n) {
  return n > UINT_MAX ? static_cast<std::size_t>(UINT_MAX) : n;
}

}  // namespace

ZlibDecoder::ZlibDecoder(Mode mode) : mode_(mode) {
  keeping_ = mode_ == Mode::kDeflate;
  start(mode_ == Mode::kGzip ? kAutoHeader : kZlibHeader);
}

ZlibDecoder::~ZlibDecoder() {
  if (live_) inflateEnd(&z_);
}

bool ZlibDecoder::start(int window_bits) noexcept {
  if (live_) {
    inflateEnd(&z_);
    live_ = false;
  }
  z_ = z_stream{};
  live_ = inflateInit2(&z_, window_bits) == Z_OK;
  return live_;
}

Decoder::Status ZlibDecoder::fail(CURLcode code, std::string text) {
  failed_ = true;
  error_code_ = code;
  error_text_ = std::move(text);
  kept_.clear();
  replay_.clear();
  if (live_) {
    inflateEnd(&z_);
    live_ = false;
  }
  return Status::kError;
}

Decoder::Status ZlibDecoder::fail_zlib(int rc) {
  (void)rc;
  std::string text = "Error while processing content unencoding: ";
  text += z_.msg != nullptr ? z_.msg : "Unknown failure within decompression software.";
  return fail(CURLE_BAD_CONTENT_ENCODING, std::move(text));
}

// Tests: ZlibDecoder.*
Decoder::Status ZlibDecoder::decode(const char* in, std::size_t in_len, std::size_t* used,
                                    char* out, std::size_t out_cap, std::size_t* produced) {
  *used = 0;
  *produced = 0;
  if (failed_) return Status::kError;
  if (!live_ && !ended_) {
    if (in_len == 0) return Status::kOk;
    return fail(CURLE_BAD_CONTENT_ENCODING,
                "Error while processing content unencoding: Unknown failure within "
                "decompression software.");
  }
  // Each round feeds one source (the kept input of a raw retry first, then the caller's)
  // and stops when the output window is full or both sources are used up. Every round
  // consumes input, produces output or ends the call, so the bound is never reached in
  // practice; it only makes the loop provably finite.
  for (int round = 0; round < 1000000; ++round) {
    const bool from_replay = replay_off_ < replay_.size();
    const char* src = from_replay ? replay_.data() + replay_off_ : in + *used;
    const std::size_t src_len = from_replay ? replay_.size() - replay_off_ : in_len - *used;
    if (ended_) {
      // Bytes after the end of the stream.
      if (src_len == 0) return Status::kOk;
      if (raw_ && src_len <= trailer_left_) {
        trailer_left_ -= src_len;
        if (from_replay) {
          replay_off_ = replay_.size();
        } else {
          *used = in_len;
        }
        continue;
      }
      return fail(CURLE_WRITE_ERROR, std::string());
    }
    if (*produced == out_cap) return Status::kOk;
    const std::size_t offer = clamp_uint(src_len);
    const std::size_t room = clamp_uint(out_cap - *produced);
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(src));
    z_.avail_in = static_cast<uInt>(offer);
    z_.next_out = reinterpret_cast<Bytef*>(out + *produced);
    z_.avail_out = static_cast<uInt>(room);
    int rc = inflate(&z_, Z_NO_FLUSH);
    const std::size_t consumed = offer - z_.avail_in;
    const std::size_t made = room - z_.avail_out;
    if (from_replay) {
      replay_off_ += consumed;
      if (replay_off_ == replay_.size()) {
        replay_.clear();
        replay_off_ = 0;
      }
    } else {
      *used += consumed;
      if (keeping_) {
        if (kept_.size() + consumed <= kReplayLimit) {
          kept_.append(src, consumed);
        } else {
          keeping_ = false;
          kept_.clear();
        }
      }
    }
    *produced += made;
    if (made > 0 && keeping_) {
      keeping_ = false;  // output was made: the framing is settled
      std::string().swap(kept_);
    }
    switch (rc) {
      case Z_OK:
        if (consumed == 0 && made == 0) return Status::kOk;  // nothing to do
        continue;
      case Z_BUF_ERROR:
        // No progress possible: the input is used up (or the window is full).
        if (from_replay) continue;
        return Status::kOk;
      case Z_STREAM_END:
        ended_ = true;
        trailer_left_ = raw_ ? kRawTrailerAllowance : 0;
        continue;
      case Z_DATA_ERROR:
        if (keeping_ && !raw_) {
          // Not zlib after all: start again as raw deflate from the first byte (the
          // bytes consumed so far are all in kept_).
          keeping_ = false;
          raw_ = true;
          replay_ = std::move(kept_);
          kept_.clear();
          replay_off_ = 0;
          if (!start(kRawDeflate)) return fail_zlib(rc);
          continue;
        }
        return fail_zlib(rc);
      default:  // Z_NEED_DICT, Z_MEM_ERROR, Z_STREAM_ERROR
        return fail_zlib(rc);
    }
  }
  return Status::kOk;
}

}  // namespace mcurl
