// Tests for src/content/decoder.h: coding names, the header lists, the depth limit and
// stacked decoding with fixed buffers. Facts measured on libcurl 7.88.1 are noted.
#include "content/decoder.h"

#include <gtest/gtest.h>

#include "content_test_util.h"

namespace mcurl {
namespace {

using test::DecodeOutcome;
using test::for_each_split;

DecodeOutcome run(DecoderStack& s, const std::vector<std::string>& pieces,
                  std::size_t cap = 16384) {
  return test::drive(
      pieces, cap,
      [&](const char* in, std::size_t n, std::size_t* u, char* out, std::size_t c, std::size_t* p) {
        return s.decode(in, n, u, out, c, p);
      },
      [&](CURLcode* code, std::string* text) {
        *code = s.error_code();
        *text = s.error_text();
      });
}

// A stack for the given Content-Encoding values (in header order).
std::unique_ptr<DecoderStack> stack_for(std::initializer_list<const char*> values,
                                        bool transfer = false) {
  auto s = std::make_unique<DecoderStack>();
  for (const char* v : values) {
    std::string text;
    EXPECT_EQ(s->add_list(v, transfer, &text), CURLE_OK) << text;
  }
  return s;
}

TEST(DecoderStack, CodingNames) {
  EXPECT_EQ(coding_from_name("gzip"), Coding::kGzip);
  EXPECT_EQ(coding_from_name("GZIP"), Coding::kGzip);
  EXPECT_EQ(coding_from_name("x-gzip"), Coding::kGzip);
  EXPECT_EQ(coding_from_name("Deflate"), Coding::kDeflate);
  EXPECT_EQ(coding_from_name("identity"), Coding::kIdentity);
  EXPECT_EQ(coding_from_name("none"), Coding::kIdentity);
  EXPECT_EQ(coding_from_name("br"), Coding::kUnknown);
  EXPECT_EQ(coding_from_name("zstd"), Coding::kUnknown);
  EXPECT_EQ(coding_from_name("chunked"), Coding::kUnknown);
  EXPECT_EQ(coding_from_name("gzip2"), Coding::kUnknown);
}

TEST(DecoderStack, AddListParsesNames) {
  auto s = stack_for({" , gzip,"});
  EXPECT_EQ(s->depth(), 1u);
  EXPECT_FALSE(s->empty());
  s = stack_for({"identity, none"});
  EXPECT_EQ(s->depth(), 2u);
  EXPECT_TRUE(s->empty());  // identity needs no stage
  s = stack_for({""});
  EXPECT_EQ(s->depth(), 0u);
  s = stack_for({"gzip, chunked"}, true);  // chunked is framing in Transfer-Encoding
  EXPECT_EQ(s->depth(), 1u);
  s = stack_for({"chunked"}, false);  // but an unknown coding in Content-Encoding
  EXPECT_EQ(s->depth(), 1u);
  EXPECT_FALSE(s->empty());
  s = stack_for({"gzip;q=1, deflate"});
  EXPECT_EQ(s->depth(), 2u);
}

TEST(DecoderStack, DepthLimitIsFive) {
  // 7.88.1: five codings decode; a sixth rejects the response, identity included.
  DecoderStack s;
  std::string text;
  EXPECT_EQ(s.add_list("identity, identity, identity", false, &text), CURLE_OK);
  EXPECT_EQ(s.add_list("identity, identity", true, &text), CURLE_OK);
  EXPECT_EQ(s.add_list("identity", false, &text), CURLE_BAD_CONTENT_ENCODING);
  EXPECT_EQ(text, "Reject response due to more than 5 content encodings");
  DecoderStack t;
  EXPECT_EQ(t.add_list("gzip,gzip,gzip,gzip,gzip,gzip", false, &text), CURLE_BAD_CONTENT_ENCODING);
}

TEST(DecoderStack, StackedCodingsEverySplit) {
  std::string plain = test::sample_text(3000);
  // "deflate, gzip": deflate applied first, so gzip is undone first.
  std::string wire = test::gzip(test::zlib(plain));
  for (auto values :
       {std::vector<const char*>{"deflate, gzip"}, std::vector<const char*>{"deflate", "gzip"}}) {
    for_each_split(wire, [&](const std::vector<std::string>& pieces) {
      for (std::size_t cap : {std::size_t{16384}, std::size_t{13}}) {
        auto s = std::make_unique<DecoderStack>();
        for (const char* v : values) ASSERT_EQ(s->add_list(v, false, nullptr), CURLE_OK);
        DecodeOutcome r = run(*s, pieces, cap);
        ASSERT_FALSE(r.error) << r.text;
        ASSERT_EQ(r.out, plain);
        EXPECT_LE(r.max_piece, cap);
      }
    });
  }
  // The other order does not decode.
  auto s = stack_for({"gzip, deflate"});
  DecodeOutcome r = run(*s, {wire});
  EXPECT_TRUE(r.error);
  EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
}

TEST(DecoderStack, FiveGzipLayers) {
  std::string plain = test::sample_text(5000);
  std::string wire = plain;
  for (int i = 0; i < 5; ++i) wire = test::gzip(wire);
  auto s = stack_for({"gzip, gzip, gzip, gzip, gzip"});
  for (std::size_t cap : {std::size_t{16384}, std::size_t{1}}) {
    auto st = stack_for({"gzip, gzip, gzip, gzip, gzip"});
    DecodeOutcome r = run(*st, {wire}, cap);
    ASSERT_FALSE(r.error) << r.text;
    EXPECT_EQ(r.out, plain);
  }
}

TEST(DecoderStack, IdentityBetweenCodings) {
  std::string plain = test::sample_text();
  auto s = stack_for({"identity, gzip, none"});
  EXPECT_EQ(s->depth(), 3u);
  DecodeOutcome r = run(*s, {test::gzip(plain)});
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.out, plain);
}

TEST(DecoderStack, UnknownCodingFailsOnFirstByte) {
  auto s = stack_for({"br"});
  DecodeOutcome r = run(*s, {});
  EXPECT_FALSE(r.error);  // an empty body is fine
  r = run(*s, {"x"});
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
  EXPECT_EQ(r.text,
            "Unrecognized content encoding type. libcurl understands deflate, gzip content "
            "encodings.");
  // Under a known coding: the known one decodes, then the unknown one refuses.
  auto t = stack_for({"foo, gzip"});
  r = run(*t, {test::gzip("abc")});
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.code, CURLE_BAD_CONTENT_ENCODING);
}

TEST(DecoderStack, InnerErrorAfterOutput) {
  // The inner (gzip) stream is corrupt at its end: everything before is delivered, then
  // the inner stage's error is the stack's error.
  std::string plain = test::sample_text(40000);
  std::string inner = test::gzip(plain);
  inner[inner.size() - 8] ^= 1;  // CRC
  std::string wire = test::zlib(inner);
  for (std::size_t cap : {std::size_t{16384}, std::size_t{1000}}) {
    auto s = stack_for({"gzip", "deflate"});
    DecodeOutcome r = run(*s, {wire}, cap);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.text, "Error while processing content unencoding: incorrect data check");
    EXPECT_EQ(r.out, plain);
  }
  // The outer stream is corrupt: the inner stage never sees good data.
  std::string outer = test::zlib(test::gzip(plain));
  outer[3] ^= 0x7f;
  auto s = stack_for({"gzip", "deflate"});
  DecodeOutcome r = run(*s, {outer});
  EXPECT_TRUE(r.error);
}

TEST(DecoderStack, BombStaysInTheWindow) {
  // 64 MiB of zeros, gzip inside gzip: about 200 bytes on the wire. Every call yields at
  // most the window, whatever the ratio; only fixed buffers sit between the stages.
  const std::size_t size = 64u << 20;
  std::string plain(size, '\0');
  std::string wire = test::gzip(test::gzip(plain));
  std::string().swap(plain);
  ASSERT_LT(wire.size(), 2000u);
  auto s = stack_for({"gzip, gzip"});
  std::vector<char> window(16384);
  std::size_t total = 0;
  std::size_t calls = 0;
  const char* p = wire.data();
  std::size_t left = wire.size();
  for (;;) {
    std::size_t used = 0;
    std::size_t made = 0;
    ASSERT_EQ(s->decode(p, left, &used, window.data(), window.size(), &made), Decoder::Status::kOk);
    ASSERT_LE(made, window.size());
    for (std::size_t i = 0; i < made; i += 4096) ASSERT_EQ(window[i], '\0');
    total += made;
    p += used;
    left -= used;
    ++calls;
    if (made < window.size() && left == 0) break;
    ASSERT_LT(calls, 100000u);
  }
  EXPECT_EQ(total, size);
  EXPECT_EQ(calls, size / 16384 + 1);
}

TEST(DecoderStack, ErrorsAreSticky) {
  auto s = stack_for({"gzip"});
  DecodeOutcome r = run(*s, {"not gzip"});
  ASSERT_TRUE(r.error);
  r = run(*s, {test::gzip("fine")});
  EXPECT_TRUE(r.error);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace mcurl
