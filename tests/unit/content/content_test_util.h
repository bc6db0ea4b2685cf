// Helpers shared by the content decoder tests: zlib compression in the three framings and
// a driver that feeds a decoder piece by piece with a bounded output window.
#ifndef MCURL_TESTS_UNIT_CONTENT_TEST_UTIL_H
#define MCURL_TESTS_UNIT_CONTENT_TEST_UTIL_H

#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <string>
#include <vector>

#include "content/decoder.h"

namespace mcurl::test {

// windowBits for deflateInit2: 31 gzip, 15 zlib, -15 raw deflate.
inline std::string compress(const std::string& in, int window_bits, int level = 9) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, in.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}
inline std::string gzip(const std::string& in) { return compress(in, 31); }
inline std::string zlib(const std::string& in) { return compress(in, 15); }
inline std::string raw_deflate(const std::string& in) { return compress(in, -15); }

// Some text that compresses well but not trivially.
inline std::string sample_text(std::size_t n = 1300) {
  std::string s;
  for (std::size_t i = 0; s.size() < n; ++i) s += "line " + std::to_string(i * 7919 % 1000) + ";";
  s.resize(n);
  return s;
}

// Whole input, every two-way split, and byte by byte (when short enough).
inline void for_each_split(const std::string& input,
                           const std::function<void(const std::vector<std::string>&)>& fn) {
  fn({input});
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    fn({input.substr(0, cut), input.substr(cut)});
  }
  if (input.size() > 2 && input.size() < 4096) {
    std::vector<std::string> bytes;
    for (char c : input) bytes.emplace_back(1, c);
    fn(bytes);
  }
}

struct DecodeOutcome {
  std::string out;
  bool error = false;
  CURLcode code = CURLE_OK;
  std::string text;
  std::size_t max_piece = 0;  // largest output of one call
  std::size_t calls = 0;
};

// Feeds `pieces` to `decode` (a Decoder or a DecoderStack call) with an output window of
// `cap` bytes, calling again while the window comes back full, then flushes. Checks the
// contract on the way: never more than cap, input consumed unless the window was full.
template <class Decode, class Error>
DecodeOutcome drive(const std::vector<std::string>& pieces, std::size_t cap, Decode&& decode,
                    Error&& error) {
  DecodeOutcome r;
  std::string window(cap, '\0');
  auto feed = [&](const char* p, std::size_t n) {
    for (int guard = 0; guard < 10000000; ++guard) {
      std::size_t used = 0;
      std::size_t made = 0;
      Decoder::Status st = decode(p, n, &used, window.data(), cap, &made);
      ++r.calls;
      EXPECT_LE(used, n);
      EXPECT_LE(made, cap);
      r.out.append(window.data(), made);
      if (made > r.max_piece) r.max_piece = made;
      p += used;
      n -= used;
      if (st != Decoder::Status::kOk) {
        r.error = true;
        error(&r.code, &r.text);
        return false;
      }
      if (made < cap) {
        EXPECT_EQ(n, 0u) << "input left although the window was not full";
        return true;
      }
    }
    ADD_FAILURE() << "decoder made no progress";
    return false;
  };
  for (const std::string& piece : pieces) {
    if (!feed(piece.data(), piece.size())) return r;
  }
  feed(nullptr, 0);
  return r;
}

}  // namespace mcurl::test

#endif  // MCURL_TESTS_UNIT_CONTENT_TEST_UTIL_H
