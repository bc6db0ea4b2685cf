// Tests for src/http/chunked_decoder.h. Expectations measured on libcurl 7.88.1 (see
// docs/internals/HTTP1.md). Every case runs on the whole input, every two-way split and
// byte by byte, and must give the same body, trailers, result and leftover each way.
#include "http/chunked_decoder.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace mcurl {
namespace {

void for_each_split(const std::string& input,
                    const std::function<void(const std::vector<std::string>&)>& fn) {
  fn({input});
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    fn({input.substr(0, cut), input.substr(cut)});
  }
  std::vector<std::string> bytes;
  for (char c : input) bytes.emplace_back(1, c);
  if (input.size() > 2) fn(bytes);
}

class Collector : public ChunkSink {
 public:
  CURLcode on_body(std::string_view d) override {
    EXPECT_FALSE(d.empty());
    // Zero copy: the span lies inside the piece being fed.
    EXPECT_GE(d.data(), piece_begin);
    EXPECT_LE(d.data() + d.size(), piece_end);
    body.append(d);
    return fail_body_after != 0 && body.size() >= fail_body_after ? CURLE_WRITE_ERROR : CURLE_OK;
  }
  CURLcode on_trailer(std::string_view line) override {
    trailers.emplace_back(line);
    return fail_trailer ? CURLE_ABORTED_BY_CALLBACK : CURLE_OK;
  }
  const char* piece_begin = nullptr;
  const char* piece_end = nullptr;
  std::string body;
  std::vector<std::string> trailers;
  std::size_t fail_body_after = 0;
  bool fail_trailer = false;
};

struct Outcome {
  ChunkedDecoder::Result result = ChunkedDecoder::Result::kNeedMore;
  std::string body;
  std::vector<std::string> trailers;
  std::string leftover;  // input after the end (kDone)
  CURLcode code = CURLE_OK;
  std::string text;
  bool operator==(const Outcome& o) const {
    return result == o.result && body == o.body && trailers == o.trailers &&
           leftover == o.leftover && code == o.code && text == o.text;
  }
};

Outcome drive(const std::vector<std::string>& pieces, std::size_t fail_body_after = 0,
              bool fail_trailer = false) {
  ChunkedDecoder d{};
  Collector c;
  c.fail_body_after = fail_body_after;
  c.fail_trailer = fail_trailer;
  Outcome o;
  for (const std::string& p : pieces) {
    if (o.result == ChunkedDecoder::Result::kDone) {
      o.leftover += p;
      continue;
    }
    if (o.result == ChunkedDecoder::Result::kError) break;
    c.piece_begin = p.data();
    c.piece_end = p.data() + p.size();
    std::size_t used = 99;
    o.result = d.feed(p.data(), p.size(), &used, c);
    EXPECT_LE(used, p.size());
    if (o.result == ChunkedDecoder::Result::kNeedMore) {
      EXPECT_EQ(used, p.size());
    }
    if (o.result == ChunkedDecoder::Result::kDone) {
      o.leftover += p.substr(used);
      EXPECT_TRUE(d.done());
    }
  }
  if (o.result == ChunkedDecoder::Result::kError) {
    o.code = d.error_code();
    o.text = d.error_text();
    std::size_t used = 5;
    Collector dummy;
    EXPECT_EQ(d.feed("0", 1, &used, dummy), ChunkedDecoder::Result::kError);  // sticky
    EXPECT_EQ(used, 0u);
  }
  o.body = c.body;
  o.trailers = c.trailers;
  return o;
}

Outcome decode_all_ways(const std::string& in, std::size_t fail_body_after = 0,
                        bool fail_trailer = false) {
  Outcome whole = drive({in}, fail_body_after, fail_trailer);
  for_each_split(in, [&](const std::vector<std::string>& pieces) {
    Outcome o = drive(pieces, fail_body_after, fail_trailer);
    if (fail_body_after != 0) {
      // The sink sees different span sizes; compare the result only.
      EXPECT_EQ(o.code, whole.code);
      return;
    }
    EXPECT_TRUE(o == whole) << pieces.size() << " pieces, first " << pieces[0].size();
  });
  return whole;
}

using R = ChunkedDecoder::Result;
using Lines = std::vector<std::string>;

TEST(ChunkedDecoder, Basic) {
  Outcome o = decode_all_ways("3\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(o.result, R::kDone);
  EXPECT_EQ(o.body, "abc");
  EXPECT_TRUE(o.trailers.empty());
}

TEST(ChunkedDecoder, HexExtensionsAndLooseLines) {
  struct Case {
    const char* in;
    const char* body;
  } cases[] = {
      {"3;foo=bar\r\nabc\r\n0;x\r\n\r\n", "abc"},
      {"A\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n", "01234567890123456789"},
      {"0000000000000003\r\nabc\r\n0\r\n\r\n", "abc"},  // 16 digits is fine
      {"3x\r\nabc\r\n0\r\n\r\n", "abc"},                // junk after the digits: skipped
      {"3 \r\nabc\r\n0\r\n\r\n", "abc"},
      {"3\t;x\r\nabc\r\n0\r\n\r\n", "abc"},
      {"3\nabc\n0\n\n", "abc"},  // bare LF everywhere
      {"3\r\nabc\n0\r\n\r\n", "abc"},
      {"3\r\nabc\r\r\r\n0\r\n\r\n", "abc"},  // any CRs before the LF
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    Outcome o = decode_all_ways(c.in);
    EXPECT_EQ(o.result, R::kDone);
    EXPECT_EQ(o.body, c.body);
  }
}

TEST(ChunkedDecoder, SizeLineSwallowsUpToLf) {
  // After "3" a CR switches to skipping until LF: "abc\r\n" is skipped and the 3 data
  // bytes are "0\r\n"; the stream is not complete.
  Outcome o = decode_all_ways("3\rabc\r\n0\r\n\r\n");
  EXPECT_EQ(o.result, R::kNeedMore);
  EXPECT_EQ(o.body, "0\r\n");
}

TEST(ChunkedDecoder, Errors) {
  struct Case {
    const char* in;
    const char* body;
    const char* text;
  } cases[] = {
      {"00000000000000003\r\nabc\r\n0\r\n\r\n", "",
       "Too long hexadecimal number in chunked-encoding"},
      {"8000000000000000\r\nabc\r\n", "",
       "Illegal or missing hexadecimal sequence in chunked-encoding"},
      {"xyz\r\nabc\r\n0\r\n\r\n", "",
       "Illegal or missing hexadecimal sequence in chunked-encoding"},
      {" 3\r\nabc\r\n0\r\n\r\n", "", "Illegal or missing hexadecimal sequence in chunked-encoding"},
      {"\r\nabc\r\n0\r\n\r\n", "", "Illegal or missing hexadecimal sequence in chunked-encoding"},
      {"3\r\nabcX\r\n0\r\n\r\n", "abc", "Malformed encoding found in chunked-encoding"},
      {"3\r\nabc\rx0\r\n\r\n", "abc", "Malformed encoding found in chunked-encoding"},
      {"3\r\nabc\r\n0\r\n\r\r\n", "abc", "Malformed encoding found in chunked-encoding"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    Outcome o = decode_all_ways(c.in);
    EXPECT_EQ(o.result, R::kError);
    EXPECT_EQ(o.code, CURLE_RECV_ERROR);
    EXPECT_EQ(o.text, c.text);
    EXPECT_EQ(o.body, c.body);
  }
}

TEST(ChunkedDecoder, LargestSizeAccepted) {
  Outcome o = decode_all_ways("7fffffffffffffff\r\nabc");
  EXPECT_EQ(o.result, R::kNeedMore);
  EXPECT_EQ(o.body, "abc");
  ChunkedDecoder d{};
  Collector c;
  std::string in = "7fffffffffffffff\r\nab";
  c.piece_begin = in.data();
  c.piece_end = in.data() + in.size();
  std::size_t used;
  EXPECT_EQ(d.feed(in.data(), in.size(), &used, c), R::kNeedMore);
  EXPECT_EQ(d.chunk_remaining(), 0x7fffffffffffffffLL - 2);
}

TEST(ChunkedDecoder, Trailers) {
  Outcome o = decode_all_ways("3\r\nabc\r\n0\r\nX-T: 1\r\nY: 2\r\n\r\n");
  EXPECT_EQ(o.result, R::kDone);
  EXPECT_EQ(o.trailers, (Lines{"X-T: 1\r\n", "Y: 2\r\n"}));
  // Bare LF: handed on with CRLF, as 7.88.1 does.
  o = decode_all_ways("3\r\nabc\r\n0\r\nX-T: 1\n\n");
  EXPECT_EQ(o.result, R::kDone);
  EXPECT_EQ(o.trailers, (Lines{"X-T: 1\r\n"}));
  // Continuation lines are passed on.
  o = decode_all_ways("0\r\nA: 1\r\n b\r\n\r\n");
  EXPECT_EQ(o.trailers, (Lines{"A: 1\r\n", " b\r\n"}));
  EXPECT_EQ(o.result, R::kDone);
}

TEST(ChunkedDecoder, TrailerErrors) {
  Outcome o = decode_all_ways("0\r\nA: 1\r\r\n\r\n");
  EXPECT_EQ(o.code, CURLE_RECV_ERROR);
  EXPECT_EQ(o.text, "Malformed encoding found in chunked-encoding");
  EXPECT_EQ(o.trailers, (Lines{"A: 1\r\n"}));
  o = decode_all_ways("3\r\nabc\r\n0\r\nX: a\rb\r\n\r\n");
  EXPECT_EQ(o.code, CURLE_RECV_ERROR);
  EXPECT_EQ(o.trailers, (Lines{"X: a\r\n"}));
  o = decode_all_ways("3\r\nabc\r\n0\r\nXT1\r\n\r\n");
  EXPECT_EQ(o.code, CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.text, "Failed reading the chunked-encoded stream");
  EXPECT_TRUE(o.trailers.empty());
  o = decode_all_ways(std::string("0\r\nA: 1\0\r\n\r\n", 12));
  EXPECT_EQ(o.code, CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_TRUE(o.trailers.empty());
}

TEST(ChunkedDecoder, TrailerLengthLimit) {
  auto in = [](std::size_t n) { return "0\r\nX: " + std::string(n - 3, 'a') + "\r\n\r\n"; };
  for (std::size_t n :
       {kMaxTrailerLine - 1, kMaxTrailerLine, kMaxTrailerLine + 1, kMaxTrailerLine + 100}) {
    SCOPED_TRACE(n);
    std::string s = in(n);
    Outcome whole = drive({s});
    for (std::size_t cut : {std::size_t{1}, std::size_t{5}, n, n + 1, n + 3, n + 4}) {
      EXPECT_TRUE(drive({s.substr(0, cut), s.substr(cut)}) == whole);
    }
    if (n < kMaxTrailerLine) {
      EXPECT_EQ(whole.result, R::kDone);
      EXPECT_EQ(whole.trailers.size(), 1u);
    } else {
      EXPECT_EQ(whole.code, CURLE_RECV_ERROR);
      EXPECT_EQ(whole.text, "Out of memory in chunked-encoding");
      EXPECT_TRUE(whole.trailers.empty());
    }
  }
}

TEST(ChunkedDecoder, LeavesBytesAfterTheEnd) {
  Outcome o = decode_all_ways("3\r\nabc\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n");
  EXPECT_EQ(o.result, R::kDone);
  EXPECT_EQ(o.leftover, "HTTP/1.1 200 OK\r\n");
  o = decode_all_ways("0\nEXTRA");
  EXPECT_EQ(o.result, R::kNeedMore);  // "EXTRA" is a trailer being read
}

TEST(ChunkedDecoder, IncompleteStaysNeedMore) {
  for (const char* in : {"3\r\nab", "3\r\nabc\r\n", "3\r\nabc\r\n0\r\n", "3\r\nabc\r\n0\r\nx"}) {
    SCOPED_TRACE(in);
    Outcome o = decode_all_ways(in);
    EXPECT_EQ(o.result, R::kNeedMore);
  }
}

TEST(ChunkedDecoder, CompleteAtEof) {
  struct Case {
    const char* in;
    bool complete;
  } cases[] = {
      {"3\r\nabc\r\n0\r\n\r\n", true},
      {"3\r\nabc\r\n0\r\n\r", true},
      {"0\r\nX: y\r\n\r", true},
      {"3\nabc\r\n0\n\r", true},
      {"3\r\nabc\r\n0\r\n", false},
      {"3\r\nabc\r\n0\r\nX: y\r\n", false},
      {"3\r\nab", false},
      {"", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    ChunkedDecoder d{};
    Collector col;
    std::string in = c.in;
    col.piece_begin = in.data();
    col.piece_end = in.data() + in.size();
    std::size_t used;
    d.feed(in.data(), in.size(), &used, col);
    EXPECT_EQ(d.complete_at_eof(), c.complete);
  }
}

TEST(ChunkedDecoder, SinkErrors) {
  Outcome o = decode_all_ways("3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n", 5);
  EXPECT_EQ(o.code, CURLE_WRITE_ERROR);
  EXPECT_EQ(o.text, "Failed reading the chunked-encoded stream");
  o = decode_all_ways("0\r\nA: 1\r\n\r\n", 0, true);
  EXPECT_EQ(o.code, CURLE_ABORTED_BY_CALLBACK);
  EXPECT_EQ(o.trailers.size(), 1u);
}

TEST(ChunkedDecoder, ResetReuses) {
  ChunkedDecoder d{};
  Collector c;
  std::string bad = "zz";
  c.piece_begin = bad.data();
  c.piece_end = bad.data() + 2;
  std::size_t used;
  EXPECT_EQ(d.feed(bad.data(), 2, &used, c), R::kError);
  EXPECT_EQ(used, 0u);
  d.reset();
  std::string good = "1\r\nx\r\n0\r\n\r\n";
  c.piece_begin = good.data();
  c.piece_end = good.data() + good.size();
  EXPECT_EQ(d.feed(good.data(), good.size(), &used, c), R::kDone);
  EXPECT_EQ(used, good.size());
  EXPECT_EQ(c.body, "x");
  EXPECT_EQ(d.error_code(), CURLE_OK);
  EXPECT_STREQ(d.error_text(), "");
}

}  // namespace
}  // namespace mcurl
