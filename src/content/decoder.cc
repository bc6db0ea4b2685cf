// The decoder stack: coding names, the unknown-coding stage and the pull loop that moves
// bytes through the stages with fixed buffers.
// Tests: tests/unit/content/decoder_test.cc
#include "content/decoder.h"

#include <utility>

#include "content/zlib_decoder.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// An unrecognised coding: the body cannot be decoded, which 7.88.1 reports when the
// first body byte arrives (an empty body is fine).
class UnknownDecoder final : public Decoder {
 public:
  Status decode(const char*, std::size_t in_len, std::size_t* used, char*, std::size_t,
                std::size_t* produced) override {
    *used = 0;
    *produced = 0;
    if (in_len == 0 && !failed_) return Status::kOk;
    failed_ = true;
    return Status::kError;
  }
  CURLcode error_code() const noexcept override { return CURLE_BAD_CONTENT_ENCODING; }
  const std::string& error_text() const noexcept override { return text_; }

 private:
  bool failed_ = false;
  // 7.88.1 names the codings it understands; mcurl names its own.
  const std::string text_ =
      std::string("Unrecognized content encoding type. libcurl understands ") +
      kAcceptAllEncodings + " content encodings.";
};

}  // namespace

Coding coding_from_name(std::string_view name) noexcept {
  if (iequals(name, "identity") || iequals(name, "none")) return Coding::kIdentity;
  if (iequals(name, "gzip") || iequals(name, "x-gzip")) return Coding::kGzip;
  if (iequals(name, "deflate")) return Coding::kDeflate;
  return Coding::kUnknown;
}

std::unique_ptr<Decoder> make_decoder(Coding c) {
  switch (c) {
    case Coding::kIdentity:
      return nullptr;
    case Coding::kGzip:
      return std::make_unique<ZlibDecoder>(ZlibDecoder::Mode::kGzip);
    case Coding::kDeflate:
      return std::make_unique<ZlibDecoder>(ZlibDecoder::Mode::kDeflate);
    case Coding::kUnknown:
      break;
  }
  return std::make_unique<UnknownDecoder>();
}

// Tests: DecoderStack.AddList*
CURLcode DecoderStack::add_list(std::string_view value, bool transfer, std::string* error_text) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (is_blank(value[i]) || value[i] == ',')) ++i;
    std::size_t start = i;
    while (i < value.size() && value[i] != ',' && !is_blank(value[i])) ++i;
    std::string_view name = value.substr(start, i - start);
    // Anything after the name up to the next comma (parameters, blanks) is ignored.
    while (i < value.size() && value[i] != ',') ++i;
    if (name.empty()) continue;
    if (transfer && iequals(name, "chunked")) continue;
    if (++depth_ > kMaxCodings) {
      if (error_text != nullptr) {
        *error_text = "Reject response due to more than " + std::to_string(kMaxCodings) +
                      " content encodings";
      }
      return CURLE_BAD_CONTENT_ENCODING;
    }
    std::unique_ptr<Decoder> d = make_decoder(coding_from_name(name));
    if (!d) continue;
    // The last coding named is undone first: it goes to the front, reading the wire.
    Stage s;
    s.decoder = std::move(d);
    if (!stages_.empty()) s.buf = std::make_unique<char[]>(kStageBufferSize);
    stages_.insert(stages_.begin(), std::move(s));
  }
  return CURLE_OK;
}

Decoder::Status DecoderStack::fail(const Decoder& d) {
  if (error_code_ == CURLE_OK) {
    error_code_ = d.error_code();
    error_text_ = d.error_text();
  }
  return Decoder::Status::kError;
}

Decoder::Status DecoderStack::decode(const char* in, std::size_t in_len, std::size_t* used,
                                     char* out, std::size_t out_cap, std::size_t* produced) {
  *used = 0;
  *produced = 0;
  if (error_code_ != CURLE_OK) return Decoder::Status::kError;
  if (stages_.empty()) {
    // Nothing to undo: a plain copy (callers normally skip the stack then).
    std::size_t n = in_len < out_cap ? in_len : out_cap;
    for (std::size_t i = 0; i < n; ++i) out[i] = in[i];
    *used = n;
    *produced = n;
    return Decoder::Status::kOk;
  }
  return pull(stages_.size() - 1, in, in_len, used, out, out_cap, produced);
}

// Tests: DecoderStack.*Split*, DecoderStack.Bomb*
Decoder::Status DecoderStack::pull(std::size_t k, const char* in, std::size_t in_len,
                                   std::size_t* used, char* out, std::size_t out_cap,
                                   std::size_t* produced) {
  *used = 0;
  *produced = 0;
  Decoder& d = *stages_[k].decoder;
  if (k == 0) {
    Decoder::Status st = d.decode(in, in_len, used, out, out_cap, produced);
    return st == Decoder::Status::kOk ? st : fail(d);
  }
  Stage& prev = stages_[k - 1];
  // Every round either refills prev's buffer, lets stage k consume from it or produce,
  // or ends the call; the bound only makes the loop provably finite.
  for (int round = 0; round < 1000000; ++round) {
    if (prev.begin == prev.end && prev.failed) return Decoder::Status::kError;
    if (prev.begin == prev.end && (*used < in_len || prev.full)) {
      std::size_t u = 0;
      std::size_t n = 0;
      Decoder::Status st =
          pull(k - 1, in + *used, in_len - *used, &u, prev.buf.get(), kStageBufferSize, &n);
      *used += u;
      prev.begin = 0;
      prev.end = n;
      prev.full = n == kStageBufferSize;
      // An upstream error after some output: stage k first takes that output, then the
      // error is reported (above, once the buffer is empty).
      if (st != Decoder::Status::kOk) {
        prev.failed = true;
        if (n == 0) return Decoder::Status::kError;
      }
    }
    const std::size_t avail = prev.end - prev.begin;
    std::size_t u2 = 0;
    std::size_t p2 = 0;
    Decoder::Status st = d.decode(prev.buf.get() + prev.begin, avail, &u2, out + *produced,
                                  out_cap - *produced, &p2);
    prev.begin += u2;
    *produced += p2;
    if (st != Decoder::Status::kOk) return fail(d);
    if (*produced == out_cap) break;
    if (prev.begin == prev.end) {
      if (prev.failed) return Decoder::Status::kError;
      if (*used >= in_len && !prev.full) break;  // every stage is drained
    } else if (u2 == 0 && p2 == 0) {
      break;  // stage k cannot take more now (cannot happen with zlib; be safe)
    }
  }
  if (error_code_ != CURLE_OK) return Decoder::Status::kError;
  return Decoder::Status::kOk;
}

}  // namespace mcurl
