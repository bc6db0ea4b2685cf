// Tests for src/http/http1_parser.h and src/http/http1_headers.h. Every expectation was
// measured on the system libcurl 7.88.1 (see docs/internals/HTTP1.md). Each parser case
// runs on the whole input, on every two-way split and byte by byte, and must give the
// same events and result each way.
#include "http/http1_parser.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "http/http1_headers.h"

namespace mcurl {
namespace {

// Calls fn with the input cut into pieces: whole, every two-way split, byte by byte.
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

class Recorder : public HeadSink {
 public:
  CURLcode on_status(const StatusLine& s, std::string_view raw) override {
    events.push_back("S" + std::to_string(s.version) + " " + std::to_string(s.code) + " [" +
                     std::string(raw) + "]");
    return fail_at == events.size() ? CURLE_WRITE_ERROR : CURLE_OK;
  }
  CURLcode on_header(std::string_view n, std::string_view v, std::string_view raw) override {
    events.push_back("H" + std::string(n) + "|" + std::string(v) + " [" + std::string(raw) + "]");
    return fail_at == events.size() ? CURLE_WRITE_ERROR : CURLE_OK;
  }
  CURLcode on_head_end(std::string_view raw) override {
    events.push_back("E [" + std::string(raw) + "]");
    return fail_at == events.size() ? CURLE_WRITE_ERROR : CURLE_OK;
  }
  std::vector<std::string> events;
  std::size_t fail_at = 0;  // 1-based event index whose call fails; 0: none
};

struct Outcome {
  std::vector<std::string> events;
  std::string body;  // what follows the final head (or all of it for HTTP/0.9)
  CURLcode code = CURLE_OK;
  std::string text;
  bool done = false;  // a final head completed (or HTTP/0.9 body mode)
  int status = 0;
  std::size_t header_bytes = 0;
  bool operator==(const Outcome& o) const {
    return events == o.events && body == o.body && code == o.code && text == o.text &&
           done == o.done && status == o.status && header_bytes == o.header_bytes;
  }
};

Outcome drive(const std::vector<std::string>& pieces, Http1ParserOptions opts = {},
              std::size_t fail_at = 0) {
  Http1ResponseParser p(opts);
  Recorder r;
  r.fail_at = fail_at;
  Outcome o;
  bool body_mode = false;
  for (const std::string& piece : pieces) {
    std::size_t off = 0;
    while (off < piece.size() || (!body_mode && off == piece.size() && piece.empty())) {
      if (body_mode) {
        o.body.append(piece, off);
        break;
      }
      std::size_t used = 0;
      auto res = p.feed(piece.data() + off, piece.size() - off, &used, r);
      EXPECT_LE(used, piece.size() - off);
      off += used;
      if (res == Http1ResponseParser::Result::kNeedMore) {
        EXPECT_EQ(off, piece.size());
        break;
      }
      if (res == Http1ResponseParser::Result::kError) {
        o.code = p.error_code();
        o.text = p.error_text();
        o.events = r.events;
        o.status = p.status().code;
        // sticky
        std::size_t u2 = 7;
        EXPECT_EQ(p.feed("x", 1, &u2, r), Http1ResponseParser::Result::kError);
        EXPECT_EQ(u2, 0u);
        return o;
      }
      if (res == Http1ResponseParser::Result::kHttp09) {
        o.body.append(p.http09_body());
        body_mode = true;
        o.done = true;
        continue;
      }
      // kHeadDone
      r.events.push_back("DONE");
      if (is_interim_status(p.status().code)) {
        p.next_head();
        continue;
      }
      o.status = p.status().code;
      body_mode = true;
      o.done = true;
    }
  }
  if (!o.done) {
    std::string eof_text;
    o.code = p.on_eof(&eof_text);
    o.text = eof_text;
    o.status = p.status().code;
  }
  o.events = r.events;
  o.header_bytes = p.header_bytes();
  return o;
}

// Runs `input` every way and checks all ways agree; returns the whole-input outcome.
Outcome parse_all_ways(const std::string& input, Http1ParserOptions opts = {},
                       std::size_t fail_at = 0) {
  Outcome whole = drive({input}, opts, fail_at);
  for_each_split(input, [&](const std::vector<std::string>& pieces) {
    Outcome o = drive(pieces, opts, fail_at);
    EXPECT_TRUE(o == whole) << "split into " << pieces.size() << " pieces, first "
                            << pieces[0].size() << " bytes";
  });
  return whole;
}

using Events = std::vector<std::string>;

TEST(Http1Parser, SimpleResponse) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_TRUE(o.done);
  EXPECT_EQ(o.events, (Events{"S11 200 [HTTP/1.1 200 OK\r\n]",
                              "HContent-Length|3 [Content-Length: 3\r\n]", "E [\r\n]", "DONE"}));
  EXPECT_EQ(o.body, "abc");
  EXPECT_EQ(o.header_bytes, 17u + 19u + 2u);
}

TEST(Http1Parser, BareLfLinesStayRaw) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc");
  EXPECT_EQ(o.events, (Events{"S11 200 [HTTP/1.1 200 OK\n]",
                              "HContent-Length|3 [Content-Length: 3\n]", "E [\n]", "DONE"}));
  EXPECT_EQ(o.body, "abc");
}

TEST(Http1Parser, StatusLineVariantsAccepted) {
  struct Case {
    const char* line;
    int version;
    int code;
  } cases[] = {
      {"HTTP/1.1 200\r\n", 11, 200},  // no reason phrase
      {"HTTP/1.1 200 \r\n", 11, 200},
      {"HTTP/1.0 200\r\n", 10, 200},
      {"HTTP/1.1  200 OK\r\n", 11, 200},  // two blanks
      {"HTTP/1.1 200x OK\r\n", 11, 200},
      {"HTTP/1.1 999 OK\r\n", 11, 999},
      {"HTTP/2 200 OK\r\n", 20, 200},
      {"HTTP/2.0 200 OK\r\n", 20, 200},
      {"HTTP/2\t200 OK\r\n", 20, 200},
      {"HTTP/2 2000 OK\r\n", 20, 2000},  // the HTTP/2 form has no code check
      {"HTTP/2 20 OK\r\n", 20, 20},
      {"HTTP/20 200 OK\r\n", 20, 0},                  // scanf reads the "0" as the code
      {"HTTP/2 99999999999 OK\r\n", 20, 1215752191},  // int truncation
      {"http/1.1 404 Nope\r\n", 10, 200},             // lower case: HTTP/1.0 200
      {"HTTP/x 404 Nope\r\n", 10, 200},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Outcome o = parse_all_ways(std::string(c.line) + "X: y\r\n\r\nbody");
    EXPECT_EQ(o.code, CURLE_OK);
    ASSERT_FALSE(o.events.empty());
    EXPECT_EQ(o.events[0],
              "S" + std::to_string(c.version) + " " + std::to_string(c.code) + " [" + c.line + "]");
    EXPECT_EQ(o.body, "body");
  }
}

TEST(Http1Parser, StatusLineVariantsRefused) {
  struct Case {
    const char* line;
    const char* text;
  } cases[] = {
      {"HTTP/1.1 2000 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 20 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 -20 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 099 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 0200 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 +200 OK\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1\t20 x\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.1 20\0\r\n", "Unsupported response code in HTTP response"},
      {"HTTP/1.2 200 OK\r\n", "Unsupported HTTP version (1.2) in response"},
      {"HTTP/1.9 200 OK\r\n", "Unsupported HTTP version (1.9) in response"},
      {"HTTP/0.9 200 OK\r\n", "Unsupported HTTP version (0.9) in response"},
      {"HTTP/3 200 OK\r\n", "Unsupported HTTP version (3.0) in response"},
      {"HTTP/2.1 200 OK\r\n", "Unsupported HTTP version (2.1) in response"},
      {"HTTP/1.1\t200 OK\r\n", "Unsupported HTTP version in response"},
      {"HTTP/1.1\r\n", "Unsupported HTTP version in response"},
      {"HTTP/1.1 abc\r\n", "Unsupported HTTP version in response"},
      {"HTTP/1.10 200\r\n", "Unsupported HTTP version in response"},
      {"HTTP/11 200 OK\r\n", "Unsupported HTTP version in response"},
      {"HTTP/2 abc\r\n", "Unsupported HTTP version in response"},
      {"HTTP/4 200\r\n", "Unsupported HTTP version in response"},
      {"HTTP/\r\n", "Unsupported HTTP version in response"},
      {"HELLO WORLD\r\n", "Received HTTP/0.9 when not allowed"},
      {"  HTTP/1.1 200 OK\r\n", "Received HTTP/0.9 when not allowed"},
      {"HTTP 404 Nope\r\n", "Received HTTP/0.9 when not allowed"},
  };
  for (const Case& c : cases) {
    std::string line(c.line, c.line + std::char_traits<char>::length(c.line));
    if (line == "HTTP/1.1 20") line += std::string("\0\r\n", 3);
    SCOPED_TRACE(line);
    Outcome o = parse_all_ways(line + "X: y\r\n\r\nbody");
    EXPECT_EQ(o.code, CURLE_UNSUPPORTED_PROTOCOL);
    EXPECT_EQ(o.text, c.text);
    EXPECT_TRUE(o.events.empty());
  }
}

TEST(Http1Parser, Http09AllowedMakesEverythingBody) {
  Http1ParserOptions opts;
  opts.http09_allowed = true;
  Outcome o = parse_all_ways("HELLO WORLD\r\n\r\n", opts);
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_TRUE(o.done);
  EXPECT_TRUE(o.events.empty());
  EXPECT_EQ(o.body, "HELLO WORLD\r\n\r\n");
  // Decided on the first bytes already, before a line is complete.
  Http1ResponseParser p(opts);
  Recorder r;
  std::size_t used = 0;
  EXPECT_EQ(p.feed("HX", 2, &used, r), Http1ResponseParser::Result::kHttp09);
  EXPECT_EQ(p.http09_body(), "HX");
  EXPECT_EQ(used, 2u);
}

TEST(Http1Parser, PartialPrefixWaits) {
  Http1ResponseParser p;
  Recorder r;
  std::size_t used = 0;
  EXPECT_EQ(p.feed("htt", 3, &used, r), Http1ResponseParser::Result::kNeedMore);
  EXPECT_EQ(p.feed("X", 1, &used, r), Http1ResponseParser::Result::kError);
  EXPECT_EQ(p.error_text(), "Received HTTP/0.9 when not allowed");
}

TEST(Http1Parser, Http200Aliases) {
  curl_slist alias{const_cast<char*>("ICY"), nullptr};
  Http1ParserOptions opts;
  opts.http200_aliases = &alias;
  Outcome o = parse_all_ways("ICY 404 OK\r\n\r\nx", opts);
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.events[0], "S10 200 [ICY 404 OK\r\n]");
  curl_slist alias2{const_cast<char*>("HTTP "), nullptr};
  opts.http200_aliases = &alias2;
  o = parse_all_ways("HTTP 404 Nope\r\n\r\nx", opts);
  EXPECT_EQ(o.events[0], "S10 404 [HTTP 404 Nope\r\n]");
}

TEST(Http1Parser, FoldedContinuationLines) {
  Outcome o = parse_all_ways(
      "HTTP/1.1 200 OK\r\nX-A: one\r\n  two\r\n\tX y\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.events, (Events{"S11 200 [HTTP/1.1 200 OK\r\n]", "HX-A|one [X-A: one\r\n]",
                              "H|two [  two\r\n]", "H|X y [\tX y\r\n]",
                              "HContent-Length|3 [Content-Length: 3\r\n]", "E [\r\n]", "DONE"}));
  EXPECT_TRUE(is_continuation_line("  two\r\n"));
  EXPECT_FALSE(is_continuation_line(": x\r\n"));
}

TEST(Http1Parser, FoldOnFirstHeaderLine) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\n X: y\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.text, "");
  EXPECT_EQ(o.events.size(), 1u);
  EXPECT_EQ(o.status, 200);
  o = parse_all_ways("HTTP/1.1 200 OK\r\n X y\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_WEIRD_SERVER_REPLY);
  EXPECT_EQ(o.text, "Header without colon");
  // After a 1xx head that had a header, the fold continues that one: accepted.
  o = parse_all_ways("HTTP/1.1 100 Continue\r\nA: b\r\n\r\nHTTP/1.1 200 OK\r\n X: y\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.body, "abc");
  EXPECT_EQ(o.events[5], "H|X: y [ X: y\r\n]");
}

TEST(Http1Parser, HeaderWithoutColonAndNulBytes) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\nNoColonHere\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_WEIRD_SERVER_REPLY);
  EXPECT_EQ(o.text, "Header without colon");
  EXPECT_EQ(o.events.size(), 1u);
  o = parse_all_ways(std::string("HTTP/1.1 200 OK\r\nX-A: a\0b\r\n\r\nabc", 31));
  EXPECT_EQ(o.code, CURLE_WEIRD_SERVER_REPLY);
  EXPECT_EQ(o.text, "Nul byte in header");
  o = parse_all_ways(std::string("HTTP/1.1 200 O\0K\r\n\r\nabc", 23));
  EXPECT_EQ(o.code, CURLE_WEIRD_SERVER_REPLY);
  EXPECT_EQ(o.text, "Nul byte in header");
  EXPECT_TRUE(o.events.empty());
  EXPECT_EQ(o.status, 200);  // parsed before the check, as getinfo shows
}

TEST(Http1Parser, ColonAfterCarriageReturn) {
  // The colon check passes ("X\r: y" has one) but the header store looks only before the
  // first CR: CURLE_BAD_FUNCTION_ARGUMENT without text, before the callback.
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\nX\r: y\r\n\r\nbody");
  EXPECT_EQ(o.code, CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.text, "");
  EXPECT_EQ(o.events.size(), 1u);
  o = parse_all_ways("HTTP/1.1 200 OK\r\nA: b\r\nX\r: y\r\n\r\nbody");
  EXPECT_EQ(o.code, CURLE_BAD_FUNCTION_ARGUMENT);
  EXPECT_EQ(o.events.size(), 2u);
  // A CR after the colon is fine; so is a blank continuation line.
  o = parse_all_ways("HTTP/1.1 200 OK\r\nX: a\rb\r\nA: b\r\n \r\n\r\nbody");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.events[1], "HX|a [X: a\rb\r\n]");
  EXPECT_EQ(o.events[3], "H| [ \r\n]");
  EXPECT_EQ(o.body, "body");
}

TEST(Http1Parser, OddNamesPassThrough) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\n: val\r\nX-A : v\r\nX:  sp  \r\n\r\n");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.events[1], "H|val [: val\r\n]");
  EXPECT_EQ(o.events[2], "HX-A |v [X-A : v\r\n]");
  EXPECT_EQ(o.events[3], "HX|sp [X:  sp  \r\n]");
}

TEST(Http1Parser, LineStartingWithCrEndsTheHead) {
  Outcome o = parse_all_ways("HTTP/1.1 200 OK\r\nA: b\r\n\rX: y\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(o.events,
            (Events{"S11 200 [HTTP/1.1 200 OK\r\n]", "HA|b [A: b\r\n]", "E [\rX: y\r\n]", "DONE"}));
  EXPECT_EQ(o.body, "Content-Length: 3\r\n\r\nabc");
  o = parse_all_ways("HTTP/1.1 200 OK\r\r\nA: b\r\r\n\r\r\nabc");
  EXPECT_EQ(o.events,
            (Events{"S11 200 [HTTP/1.1 200 OK\r\r\n]", "HA|b [A: b\r\r\n]", "E [\r\r\n]", "DONE"}));
  EXPECT_EQ(o.body, "abc");
  // A CR is no line end: this is all one status line.
  o = parse_all_ways("HTTP/1.1 200 OK\rA: b\r\r\nabc");
  EXPECT_EQ(o.events, (Events{"S11 200 [HTTP/1.1 200 OK\rA: b\r\r\n]"}));
  EXPECT_EQ(o.code, CURLE_OK);  // closed mid head after a status line: OK
}

TEST(Http1Parser, InterimResponses) {
  Outcome o = parse_all_ways(
      "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early\r\nLink: x\r\n\r\n"
      "HTTP/1.1 199 X\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.status, 200);
  EXPECT_EQ(o.body, "abc");
  EXPECT_EQ(o.events.size(), 14u);
  EXPECT_EQ(o.events[3], "S11 103 [HTTP/1.1 103 Early\r\n]");
  EXPECT_TRUE(is_interim_status(100));
  EXPECT_TRUE(is_interim_status(199));
  EXPECT_FALSE(is_interim_status(101));
  EXPECT_FALSE(is_interim_status(200));
}

TEST(Http1Parser, Switching101IsFinal) {
  Outcome o = parse_all_ways("HTTP/1.1 101 Switching\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
  EXPECT_EQ(o.status, 101);
  EXPECT_EQ(o.body, "HTTP/1.1 200 OK\r\n\r\n");
}

TEST(Http1Parser, GarbageAfterInterim) {
  Outcome o = parse_all_ways("HTTP/1.1 100 Continue\r\n\r\nGARBAGE\r\n\r\n");
  EXPECT_EQ(o.code, CURLE_UNSUPPORTED_PROTOCOL);
  EXPECT_EQ(o.text, "Received HTTP/0.9 when not allowed");
}

TEST(Http1Parser, ConnectionClosedMidHead) {
  struct Case {
    const char* input;
    CURLcode code;
  } cases[] = {
      {"", CURLE_GOT_NOTHING},
      {"HTTP/1.1 20", CURLE_GOT_NOTHING},
      {"HTTP/1.1 200 OK\r\n", CURLE_OK},
      {"HTTP/1.1 200 OK\r\nX-A: b", CURLE_OK},
      {"HTTP/1.1 100 Continue\r\n\r\n", CURLE_GOT_NOTHING},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    Outcome o = c.input[0] ? parse_all_ways(c.input) : drive({""});
    EXPECT_EQ(o.code, c.code);
    EXPECT_FALSE(o.done);
    EXPECT_EQ(o.text, c.code == CURLE_GOT_NOTHING ? "Empty reply from server" : "");
  }
}

TEST(Http1Parser, LineLengthLimit) {
  auto response = [](std::size_t line_len) {
    std::string big = "X-Big: " + std::string(line_len - 9, 'a') + "\r\n";
    return "HTTP/1.1 200 OK\r\n" + big + "Content-Length: 3\r\n\r\nabc";
  };
  // Too many splits to run them all on 100 KiB: whole, a few cuts and a sweep near the end.
  for (std::size_t len : {kMaxHeaderLine - 1, kMaxHeaderLine, kMaxHeaderLine + 1}) {
    std::string in = response(len);
    Outcome whole = drive({in});
    for (std::size_t cut :
         {std::size_t{5}, std::size_t{20}, std::size_t{1000}, len, len + 17, len + 18, len + 19}) {
      EXPECT_TRUE(drive({in.substr(0, cut), in.substr(cut)}) == whole) << cut;
    }
    if (len < kMaxHeaderLine) {
      EXPECT_EQ(whole.code, CURLE_OK);
      EXPECT_EQ(whole.events.size(), 5u);
    } else {
      EXPECT_EQ(whole.code, CURLE_OUT_OF_MEMORY);
      EXPECT_EQ(whole.text, "");
      EXPECT_EQ(whole.events.size(), 1u);
    }
  }
  // A partial line that reaches the limit fails without waiting for its end.
  Http1ResponseParser p;
  Recorder r;
  std::size_t used;
  std::string head = "HTTP/1.1 200 OK\r\n";
  EXPECT_EQ(p.feed(head.data(), head.size(), &used, r), Http1ResponseParser::Result::kNeedMore);
  std::string junk(kMaxHeaderLine, 'a');
  EXPECT_EQ(p.feed(junk.data(), junk.size(), &used, r), Http1ResponseParser::Result::kError);
  EXPECT_EQ(p.error_code(), CURLE_OUT_OF_MEMORY);
}

std::string filler(std::size_t n, const char* name = "X-Big: ") {
  std::string s(name);
  return s + std::string(n - s.size() - 2, 'a') + "\r\n";
}

TEST(Http1Parser, TotalHeaderLimit) {
  const std::string status = "HTTP/1.1 200 OK\r\n";
  const std::string three = filler(100000) + filler(100000) + filler(100000);
  // Exactly 307200 with the blank line: fine.
  Outcome o = drive({status + three + filler(7200 - 17 - 2, "Y: ") + "\r\nabc"});
  EXPECT_EQ(o.code, CURLE_OK);
  EXPECT_EQ(o.header_bytes, kMaxResponseHeaders);
  // One more: the blank line is delivered, then the error.
  o = drive({status + three + filler(7200 - 17 - 2 + 1, "Y: ") + "\r\nabc"});
  EXPECT_EQ(o.code, CURLE_RECV_ERROR);
  EXPECT_EQ(o.text, "Too large response headers: 307201 > 307200");
  EXPECT_EQ(o.events.back(), "E [\r\n]");
  o = drive({status + three + filler(7183, "Y: ") + "Content-Length: 3\r\n\r\nabc"});
  EXPECT_EQ(o.text, "Too large response headers: 307219 > 307200");
  EXPECT_EQ(o.events.back(), "HContent-Length|3 [Content-Length: 3\r\n]");
  // 1xx heads count too.
  std::string interim = "HTTP/1.1 100 Continue\r\n" + filler(100000) + "\r\n";
  std::string in =
      interim + status + filler(100000) + filler(100000) + filler(7200 - 17 - 2, "Y: ") + "\r\nabc";
  o = drive({in});
  EXPECT_EQ(o.text, "Too large response headers: 307223 > 307200");
  EXPECT_TRUE(drive({in.substr(0, 100050), in.substr(100050)}) == o);
}

TEST(Http1Parser, SinkErrorStops) {
  const std::string in = "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\nabc";
  for (std::size_t at = 1; at <= 4; ++at) {
    Outcome o = parse_all_ways(in, {}, at);
    EXPECT_EQ(o.code, CURLE_WRITE_ERROR);
    EXPECT_EQ(o.events.size(), at);
    EXPECT_EQ(o.text, "");
  }
}

TEST(Http1Parser, ResetStartsOver) {
  Http1ResponseParser p;
  Recorder r;
  std::size_t used;
  EXPECT_EQ(p.feed("junk", 4, &used, r), Http1ResponseParser::Result::kError);
  p.reset();
  std::string in = "HTTP/1.0 204 No\r\n\r\nrest";
  EXPECT_EQ(p.feed(in.data(), in.size(), &used, r), Http1ResponseParser::Result::kHeadDone);
  EXPECT_EQ(used, in.size() - 4);
  EXPECT_EQ(p.status().version, 10);
  EXPECT_EQ(p.status().code, 204);
  EXPECT_EQ(p.error_code(), CURLE_OK);
  // Done is sticky until next_head()/reset().
  EXPECT_EQ(p.feed("x", 1, &used, r), Http1ResponseParser::Result::kHeadDone);
  EXPECT_EQ(used, 0u);
}

// --- header semantics ---

TEST(Http1Headers, ContentLength) {
  struct Case {
    const char* value;
    ContentLength status;
    curl_off_t n;
  } cases[] = {
      {"3", ContentLength::kOk, 3},
      {"   3   ", ContentLength::kOk, 3},
      {"+3", ContentLength::kOk, 3},
      {"3abc", ContentLength::kOk, 3},
      {"3, 3", ContentLength::kOk, 3},
      {"0x2", ContentLength::kOk, 0},
      {"02", ContentLength::kOk, 2},
      {"2 x", ContentLength::kOk, 2},
      {"\t2", ContentLength::kOk, 2},
      {"9223372036854775807", ContentLength::kOk, 9223372036854775807LL},
      {"-1", ContentLength::kInvalid, 0},
      {"abc", ContentLength::kInvalid, 0},
      {"", ContentLength::kInvalid, 0},
      {"\v-3", ContentLength::kInvalid, 0},
      {"+-3", ContentLength::kInvalid, 0},
      {"99999999999999999999", ContentLength::kOverflow, 0},
      {"9223372036854775808", ContentLength::kOverflow, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    curl_off_t n = -7;
    EXPECT_EQ(parse_content_length(c.value, &n), c.status);
    EXPECT_EQ(n, c.status == ContentLength::kOk ? c.n : -7);
  }
}

TEST(Http1Headers, NamesAndTokens) {
  EXPECT_TRUE(header_is("content-LENGTH", "Content-Length"));
  EXPECT_FALSE(header_is("Content-Length ", "Content-Length"));
  EXPECT_TRUE(header_value_has("Keep-Alive", "keep-alive"));
  EXPECT_TRUE(header_value_has("xclosex", "close"));
  EXPECT_FALSE(header_value_has("clos", "close"));
  EXPECT_FALSE(header_value_has("a\rclose", "close"));
  EXPECT_TRUE(transfer_encoding_is_chunked("chunked"));
  EXPECT_TRUE(transfer_encoding_is_chunked("gzip, Chunked"));
  EXPECT_TRUE(transfer_encoding_is_chunked("gzip,chunked;x=1"));
  EXPECT_FALSE(transfer_encoding_is_chunked("gzip"));
  EXPECT_FALSE(transfer_encoding_is_chunked("notchunked"));
  EXPECT_FALSE(transfer_encoding_is_chunked(""));
}

TEST(Http1Headers, KeepAliveRules) {
  KeepAlive k;
  k.on_status(11);
  EXPECT_TRUE(k.keep());
  k.on_header("Connection", "close");
  EXPECT_FALSE(k.keep());
  k.on_status(10);
  EXPECT_FALSE(k.keep());
  k.on_header("connection", "Keep-Alive");
  EXPECT_TRUE(k.keep());
  k.on_header("Connection", "keep-alive, close");  // 1.0 checks keep-alive first
  EXPECT_TRUE(k.keep());
  k.on_header("Connection", "close");
  EXPECT_FALSE(k.keep());
  k.on_status(11);
  k.on_header("Connection", "keep-alive, close");
  EXPECT_FALSE(k.keep());
  k.on_header("X-Connection", "keep-alive");
  EXPECT_FALSE(k.keep());
}

TEST(Http1Headers, RetryAfterAndLastModified) {
  EXPECT_EQ(parse_retry_after("120", 1000), 120);
  EXPECT_EQ(parse_retry_after("junk", 1000), 0);
  EXPECT_EQ(parse_retry_after("-5", 1000), 0);
  EXPECT_EQ(parse_retry_after("Thu, 01 Jan 1970 00:16:40 GMT", 900), 100);
  EXPECT_EQ(parse_last_modified("Tue, 14 Nov 2023 22:13:20 GMT"), 1700000000);
  EXPECT_EQ(parse_last_modified("never"), -1);
}

}  // namespace
}  // namespace mcurl
