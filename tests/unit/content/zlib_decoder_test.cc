// Tests for src/content/zlib_decoder.h. Expectations (texts, codes, what counts as an
// error) were measured on libcurl 7.88.1 with the same bodies; see
// docs/internals/CONTENT.md. Every stream runs whole, at every two-way split and byte by
// byte, with several output windows.
#include "content/zlib_decoder.h"

#include <gtest/gtest.h>

#include "content_test_util.h"

namespace mcurl {
namespace {

using test::DecodeOutcome;
using test::for_each_split;

DecodeOutcome run(ZlibDecoder::Mode mode, const std::vector<std::string>& pieces,
                  std::size_t cap = 16384, bool* raw = nullptr) {
  ZlibDecoder d(mode);
  DecodeOutcome r = test::drive(
      pieces, cap,
      [&](const char* in, std::size_t n, std::size_t* u, char* out, std::size_t c, std::size_t* p) {
        return d.decode(in, n, u, out, c, p);
      },
      [&](CURLcode* code, std::string* text) {
        *code = d.error_code();
        *text = d.error_text();
      });
  if (raw != nullptr) *raw = d.is_raw();
  return r;
}

void expect_decodes(ZlibDecoder::Mode mode, const std::string& wire, const std::string& plain,
                    bool expect_raw) {
  for_each_split(wire, [&](const std::vector<std::string>& pieces) {
    for (std::size_t cap : {std::size_t{16384}, std::size_t{100}, std::size_t{7}}) {
      bool raw = false;
      DecodeOutcome r = run(mode, pieces, cap, &raw);
      ASSERT_FALSE(r.error) << r.text << " pieces=" << pieces.size() << " cap=" << cap;
      ASSERT_EQ(r.out, plain) << "pieces=" << pieces.size() << " cap=" << cap;
      EXPECT_LE(r.max_piece, cap);
      EXPECT_EQ(raw, expect_raw);
    }
  });
}

TEST(ZlibDecoder, GzipEverySplit) {
  std::string plain = test::sample_text();
  expect_decodes(ZlibDecoder::Mode::kGzip, test::gzip(plain), plain, false);
}

TEST(ZlibDecoder, GzipAcceptsZlibFraming) {
  // 7.88.1 uses zlib's automatic header detection for gzip.
  std::string plain = test::sample_text();
  expect_decodes(ZlibDecoder::Mode::kGzip, test::zlib(plain), plain, false);
}

TEST(ZlibDecoder, DeflateZlibFramedEverySplit) {
  std::string plain = test::sample_text();
  expect_decodes(ZlibDecoder::Mode::kDeflate, test::zlib(plain), plain, false);
}

TEST(ZlibDecoder, DeflateRawFallbackEverySplit) {
  std::string plain = test::sample_text();
  expect_decodes(ZlibDecoder::Mode::kDeflate, test::raw_deflate(plain), plain, true);
}

TEST(ZlibDecoder, GzipHeaderWithOptionalFields) {
  // FEXTRA, FNAME, FCOMMENT and FHCRC, built by hand around a raw deflate body.
  std::string plain = test::sample_text(500);
  std::string h("\x1f\x8b\x08\x1e\0\0\0\0\0\x03", 10);
  h += std::string("\x05\x00", 2) + "EXTRA" + std::string("name.txt\0", 9) +
       std::string("comment\0", 8);
  uLong hcrc = crc32(0, reinterpret_cast<const Bytef*>(h.data()), static_cast<uInt>(h.size()));
  h += static_cast<char>(hcrc & 0xff);
  h += static_cast<char>((hcrc >> 8) & 0xff);
  std::string wire = h + test::raw_deflate(plain);
  uLong c = crc32(0, reinterpret_cast<const Bytef*>(plain.data()), static_cast<uInt>(plain.size()));
  for (uLong v : {c, static_cast<uLong>(plain.size())}) {
    for (int i = 0; i < 4; ++i) wire += static_cast<char>((v >> (8 * i)) & 0xff);
  }
  expect_decodes(ZlibDecoder::Mode::kGzip, wire, plain, false);
}

TEST(ZlibDecoder, EmptyStreams) {
  DecodeOutcome r = run(ZlibDecoder::Mode::kGzip, {});
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.out, "");
  r = run(ZlibDecoder::Mode::kGzip, {test::gzip("")});
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.out, "");
  r = run(ZlibDecoder::Mode::kDeflate, {std::string()});
  EXPECT_FALSE(r.error);
}

TEST(ZlibDecoder, TruncatedIsNoError) {
  // 7.88.1 delivers what decoded and reports success when the body ends early.
  std::string plain = test::sample_text(100000);
  std::string wire = test::gzip(plain);
  for (std::size_t keep : {std::size_t{0}, std::size_t{5}, std::size_t{10}, wire.size() / 2,
                           wire.size() - 10, wire.size() - 1}) {
    DecodeOutcome r = run(ZlibDecoder::Mode::kGzip, {wire.substr(0, keep)});
    EXPECT_FALSE(r.error) << keep;
    EXPECT_EQ(r.out, plain.substr(0, r.out.size())) << keep;
    EXPECT_LE(r.out.size(), plain.size());
  }
  std::string z = test::zlib(plain);
  DecodeOutcome r = run(ZlibDecoder::Mode::kDeflate, {z.substr(0, z.size() - 6)});
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.out, plain.substr(0, r.out.size()));
}

TEST(ZlibDecoder, CorruptGzipData) {
  std::string plain = test::sample_text();
  std::string wire = test::gzip(plain);
  // A wrong CRC: all data decodes, then "incorrect data check".
  std::string bad_crc = wire;
  bad_crc[bad_crc.size() - 8] ^= 0x55;
  for_each_split(bad_crc, [&](const std::vector<std::string>& pieces) {
    DecodeOutcome r = run(ZlibDecoder::Mode::kGzip, pieces);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
    EXPECT_EQ(r.text, "Error while processing content unencoding: incorrect data check");
    EXPECT_EQ(r.out, plain);
  });
  struct Case {
    std::string wire;
    const char* text;
  } cases[] = {
      {"\x1f\x8c" + wire.substr(2), "incorrect header check"},
      {"\x1f\x8b\x07" + wire.substr(3), "unknown compression method"},
      {"\x1f\x8b\x08\xe0" + wire.substr(4), "unknown header flags set"},
      {test::raw_deflate(plain), "incorrect header check"},
  };
  for (const Case& c : cases) {
    DecodeOutcome r = run(ZlibDecoder::Mode::kGzip, {c.wire});
    ASSERT_TRUE(r.error) << c.text;
    EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
    EXPECT_EQ(r.text, std::string("Error while processing content unencoding: ") + c.text);
    EXPECT_EQ(r.out, "");
  }
}

TEST(ZlibDecoder, CorruptDeflateRetriedAsRaw) {
  // A valid zlib header and then garbage: 7.88.1 retries as raw deflate and reports the
  // raw decoder's complaint.
  std::string wire = std::string("\x78\x9c", 2) + std::string(30, '\xff');
  for_each_split(wire, [&](const std::vector<std::string>& pieces) {
    bool raw = false;
    DecodeOutcome r = run(ZlibDecoder::Mode::kDeflate, pieces, 16384, &raw);
    ASSERT_TRUE(r.error);
    EXPECT_TRUE(raw);
    EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
    EXPECT_EQ(r.text, "Error while processing content unencoding: invalid stored block lengths");
  });
  // gzip data labelled deflate: neither zlib nor raw.
  DecodeOutcome r = run(ZlibDecoder::Mode::kDeflate, {test::gzip("hello")});
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.text, "Error while processing content unencoding: invalid block type");
}

TEST(ZlibDecoder, CorruptAfterOutputIsNotRetried) {
  std::string plain = test::sample_text(200000);
  std::string wire = test::zlib(plain);
  wire[wire.size() - 2] ^= 0x40;  // the Adler-32
  bool raw = true;
  DecodeOutcome r = run(ZlibDecoder::Mode::kDeflate, {wire}, 16384, &raw);
  ASSERT_TRUE(r.error);
  EXPECT_FALSE(raw);
  EXPECT_EQ(r.text, "Error while processing content unencoding: incorrect data check");
  EXPECT_EQ(r.out, plain);
}

TEST(ZlibDecoder, TrailingBytes) {
  std::string plain = test::sample_text();
  // After a gzip or zlib stream, any byte is CURLE_WRITE_ERROR without a text; the data
  // before it is complete.
  for (const std::string& tail : {std::string("J"), std::string("TRAILINGJUNK"), test::gzip("x")}) {
    for (auto [mode, wire] : {std::pair{ZlibDecoder::Mode::kGzip, test::gzip(plain)},
                              std::pair{ZlibDecoder::Mode::kDeflate, test::zlib(plain)}}) {
      for_each_split(wire + tail, [&](const std::vector<std::string>& pieces) {
        DecodeOutcome r = run(mode, pieces);
        ASSERT_TRUE(r.error);
        EXPECT_EQ(r.code, CURLE_WRITE_ERROR);
        EXPECT_EQ(r.text, "");
        EXPECT_EQ(r.out, plain);
      });
    }
  }
  // Raw deflate tolerates up to 4 bytes after its end.
  std::string raw = test::raw_deflate(plain);
  for (std::size_t n = 0; n <= 6; ++n) {
    for_each_split(raw + std::string(n, 'J'), [&](const std::vector<std::string>& pieces) {
      DecodeOutcome r = run(ZlibDecoder::Mode::kDeflate, pieces);
      EXPECT_EQ(r.error, n > ZlibDecoder::kRawTrailerAllowance) << n;
      if (r.error) {
        EXPECT_EQ(r.code, CURLE_WRITE_ERROR);
      }
      EXPECT_EQ(r.out, plain);
    });
  }
}

TEST(ZlibDecoder, OutputWindowBoundsEveryCall) {
  // 16 MiB of zeros compress to about 16 KiB: each call still gives at most the window.
  std::string plain(16u << 20, '\0');
  std::string wire = test::gzip(plain);
  ASSERT_LT(wire.size(), 40000u);
  DecodeOutcome r = run(ZlibDecoder::Mode::kGzip, {wire}, 16384);
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.out.size(), plain.size());
  EXPECT_EQ(r.max_piece, 16384u);
  EXPECT_GE(r.calls, plain.size() / 16384);
}

TEST(ZlibDecoder, ErrorsAreSticky) {
  ZlibDecoder d(ZlibDecoder::Mode::kGzip);
  char out[64];
  std::size_t used = 0;
  std::size_t made = 0;
  EXPECT_EQ(d.decode("nonsense", 8, &used, out, sizeof out, &made), Decoder::Status::kError);
  std::string good = test::gzip("x");
  EXPECT_EQ(d.decode(good.data(), good.size(), &used, out, sizeof out, &made),
            Decoder::Status::kError);
  EXPECT_EQ(used, 0u);
  EXPECT_EQ(made, 0u);
}

}  // namespace
}  // namespace mcurl
