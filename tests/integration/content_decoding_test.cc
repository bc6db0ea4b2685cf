// Content decoding over the three drive modes: Accept-Encoding and TE in the request,
// gzip/deflate/stacked/unknown codings, HTTP_CONTENT_DECODING and HTTP_TRANSFER_DECODING
// off, corrupt, truncated and over-long streams, MAXFILESIZE, a pause in the middle of a
// decoded body, and a 64 MiB decoded body from mcurl_httpd delivered in bounded pieces.
// Every expectation (codes, texts, sizes) was measured on libcurl 7.88.1 with the same
// bytes (docs/internals/CONTENT.md).
#include <zlib.h>

#include <fstream>

#include "harness.h"
#include "httpd_process.h"

namespace mcurl::itest {
namespace {

std::string compress(const std::string& in, int window_bits) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
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
std::string gz(const std::string& in) { return compress(in, 31); }
std::string zl(const std::string& in) { return compress(in, 15); }
std::string raw(const std::string& in) { return compress(in, -15); }

const std::string kText = [] {
  std::string s;
  for (int i = 0; s.size() < 1300; ++i) s += "hello world " + std::to_string(i) + ", ";
  return s;
}();

std::string response(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

std::string chunked(const std::string& body, std::size_t piece = 7) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); i += piece) {
    std::string part = body.substr(i, piece);
    char h[32];
    std::snprintf(h, sizeof h, "%zx\r\n", part.size());
    out += h + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

// One response on one connection.
std::vector<Step> one(const std::string& bytes) {
  return {Step::expect_request(), Step::send(bytes), Step::expect_close()};
}

class Decoding : public ModeTest {};

TEST_P(Decoding, EmptyAcceptEncodingOffersDeflateGzipAndDecodes) {
  std::string wire = gz(kText);
  ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
  Easy& e = make_easy(s.url("/gz"));
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, kText);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw,
            plain_request("GET", "/gz", s, "Accept-Encoding: deflate, gzip\r\n"));
  // Sizes count the bytes as sent (7.88.1).
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), static_cast<curl_off_t>(wire.size()));
  EXPECT_EQ(e.info_off(CURLINFO_CONTENT_LENGTH_DOWNLOAD_T), static_cast<curl_off_t>(wire.size()));
}

TEST_P(Decoding, NullAcceptEncodingSendsNothingAndDecodesNothing) {
  std::string wire = gz(kText);
  ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
  Easy& e = make_easy(s.url("/raw"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, wire);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("GET", "/raw", s));
}

TEST_P(Decoding, GivenListIsSentAsItIsAndEveryKnownCodingDecodes) {
  struct Case {
    const char* header;
    std::string wire;
  } cases[] = {
      {"Content-Encoding: x-gzip\r\n", gz(kText)},
      {"Content-Encoding: deflate\r\n", zl(kText)},
      {"Content-Encoding: deflate\r\n", raw(kText)},  // raw deflate, as 7.88.1 accepts
      {"Content-Encoding: GZIP\r\n", zl(kText)},      // zlib framing labelled gzip
      {"Content-Encoding: deflate, gzip\r\n", gz(zl(kText))},
      {"Content-Encoding: deflate\r\nContent-Encoding: gzip\r\n", gz(zl(kText))},
      {"Content-Encoding: identity\r\n", kText},
      {"Content-Encoding: gzip, gzip, gzip, gzip, gzip\r\n", gz(gz(gz(gz(gz(kText)))))},
  };
  for (const Case& c : cases) {
    ScriptedServer s(one(response(c.header, c.wire)));
    Easy& e = make_easy(s.url("/c"));
    e.set(CURLOPT_ACCEPT_ENCODING, "gzip;q=1, foo");
    ASSERT_EQ(run1(e), CURLE_OK) << c.header << e.error();
    EXPECT_EQ(e.body, kText) << c.header;
    ASSERT_TRUE(s.wait_for_requests(1, 5s));
    EXPECT_EQ(s.requests()[0].header("Accept-Encoding"), "gzip;q=1, foo");
  }
}

TEST_P(Decoding, ErrorsWithTheirCodesAndTexts) {
  std::string good = gz(kText);
  std::string bad_crc = good;
  bad_crc[bad_crc.size() - 8] ^= 0x55;
  struct Case {
    const char* name;
    std::string bytes;
    CURLcode code;
    std::string text;
    bool body_complete;  // the whole text was delivered before the error
  } cases[] = {
      {"six codings",
       response("Content-Encoding: identity, identity, identity, identity, "
                "identity, identity\r\n",
                kText),
       CURLE_BAD_CONTENT_ENCODING, "Reject response due to more than 5 content encodings", false},
      {"unknown", response("Content-Encoding: br\r\n", kText), CURLE_BAD_CONTENT_ENCODING,
       "Unrecognized content encoding type. libcurl understands deflate, gzip content "
       "encodings.",
       false},
      {"bad crc", response("Content-Encoding: gzip\r\n", bad_crc), CURLE_BAD_CONTENT_ENCODING,
       "Error while processing content unencoding: incorrect data check", true},
      {"bad magic", response("Content-Encoding: gzip\r\n", "\x1f\x8c" + good.substr(2)),
       CURLE_BAD_CONTENT_ENCODING,
       "Error while processing content unencoding: incorrect header check", false},
      {"trailing garbage", response("Content-Encoding: gzip\r\n", good + "TRAILINGJUNK"),
       CURLE_WRITE_ERROR, "", true},
      {"second member", response("Content-Encoding: gzip\r\n", good + gz("x")), CURLE_WRITE_ERROR,
       "", true},
      {"unknown transfer coding",
       "HTTP/1.1 200 OK\r\nTransfer-Encoding: foo, chunked\r\n\r\n" + chunked(kText),
       CURLE_BAD_CONTENT_ENCODING,
       "Unrecognized content encoding type. libcurl understands deflate, gzip content "
       "encodings.",
       false},
  };
  for (const Case& c : cases) {
    ScriptedServer s(one(c.bytes));
    Easy& e = make_easy(s.url("/e"));
    e.set(CURLOPT_ACCEPT_ENCODING, "");
    EXPECT_EQ(run1(e), c.code) << c.name;
    EXPECT_EQ(e.error(), c.text) << c.name;
    if (c.body_complete) {
      EXPECT_EQ(e.body, kText) << c.name;
    } else {
      EXPECT_EQ(e.body, "") << c.name;
    }
  }
}

TEST_P(Decoding, TruncatedStreamIsNoError) {
  // 7.88.1 delivers what decoded and reports success.
  std::string wire = gz(kText);
  std::string cut = wire.substr(0, wire.size() - 10);
  ScriptedServer s(one(response("Content-Encoding: gzip\r\n", cut)));
  Easy& e = make_easy(s.url("/t"));
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_LT(e.body.size(), kText.size());
  EXPECT_GT(e.body.size(), 0u);
  EXPECT_EQ(e.body, kText.substr(0, e.body.size()));
}

TEST_P(Decoding, UnknownCodingWithoutAcceptEncodingPassesThrough) {
  ScriptedServer s(
      one(response("Content-Encoding: foo, identity, identity, identity, "
                   "identity, identity\r\n",
                   kText)));
  Easy& e = make_easy(s.url("/u"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, kText);
}

TEST_P(Decoding, ContentDecodingOffDeliversRawBytes) {
  std::string wire = gz(kText);
  ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
  Easy& e = make_easy(s.url("/off"));
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  e.set(CURLOPT_HTTP_CONTENT_DECODING, 0L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, wire);
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].header("Accept-Encoding"), "deflate, gzip");
}

TEST_P(Decoding, TransferEncodingGzipChunked) {
  std::string wire = gz(kText);
  ScriptedServer s(
      one("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + chunked(wire)));
  Easy& e = make_easy(s.url("/te"));
  e.set(CURLOPT_TRANSFER_ENCODING, 1L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, kText);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), static_cast<curl_off_t>(wire.size()));
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  EXPECT_EQ(s.requests()[0].raw, plain_request("GET", "/te", s, "Connection: TE\r\nTE: gzip\r\n"));
}

TEST_P(Decoding, TransferCodingDecodedEvenWithoutTheOption) {
  std::string wire = gz(kText);
  ScriptedServer s(
      one("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n" + chunked(wire)));
  Easy& e = make_easy(s.url("/te0"));
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, kText);
}

TEST_P(Decoding, TransferDecodingOffDeliversChunkedBytes) {
  std::string wire = gz(kText);
  std::string framed = chunked(wire);
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n" +
                               framed),
                    Step::expect_request(), Step::send(response("", "next")),
                    Step::expect_close()});
  Easy& e = make_easy(s.url("/td"));
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  e.set(CURLOPT_HTTP_TRANSFER_DECODING, 0L);
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  // 7.88.1: the chunked bytes as sent, not content-decoded either; the size counts the
  // data bytes; the end of the body is still found (the connection is reused).
  EXPECT_EQ(e.body, framed);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), static_cast<curl_off_t>(wire.size()));
  e.body.clear();
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(e.body, "next");
  EXPECT_EQ(e.info_long(CURLINFO_NUM_CONNECTS), 0);
}

TEST_P(Decoding, MaxFileSizeChecksContentLengthThenDecodedSize) {
  std::string wire = gz(kText);
  {
    ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
    Easy& e = make_easy(s.url("/m1"));
    e.set(CURLOPT_ACCEPT_ENCODING, "");
    e.set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(wire.size() - 1));
    EXPECT_EQ(run1(e), CURLE_FILESIZE_EXCEEDED);
    EXPECT_EQ(e.error(), "Maximum file size exceeded");
    EXPECT_EQ(e.body, "");
  }
  {
    // The compressed size fits, the decoded size does not (issue 5: MAXFILESIZE bounds
    // the decoded size too; 7.88.1 would deliver it all).
    ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
    Easy& e = make_easy(s.url("/m2"));
    e.set(CURLOPT_ACCEPT_ENCODING, "");
    e.set(CURLOPT_MAXFILESIZE, 1000L);
    EXPECT_EQ(run1(e), CURLE_FILESIZE_EXCEEDED);
    EXPECT_EQ(e.error(), "Exceeded the maximum allowed file size (1000) with " +
                             std::to_string(kText.size()) + " bytes");
    EXPECT_EQ(e.body, "");
  }
  {
    ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
    Easy& e = make_easy(s.url("/m3"));
    e.set(CURLOPT_ACCEPT_ENCODING, "");
    e.set(CURLOPT_MAXFILESIZE, static_cast<long>(kText.size()));
    ASSERT_EQ(run1(e), CURLE_OK) << e.error();
    EXPECT_EQ(e.body, kText);
  }
}

TEST_P(Decoding, PauseInTheMiddleOfADecodedBody) {
  // 300 KB of text, compressed: many decoded pieces from few wire bytes.
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += "line " + std::to_string(i) + "\n";
  std::string wire = gz(text);
  ScriptedServer s(one(response("Content-Encoding: gzip\r\n", wire)));
  Easy& e = make_easy(s.url("/pause"));
  e.set(CURLOPT_ACCEPT_ENCODING, "");
  std::vector<std::string> offered;
  bool paused = false;
  int pauses = 0;
  e.write_fn = [&](Easy& self, const char* p, std::size_t n) -> std::size_t {
    EXPECT_LE(n, static_cast<std::size_t>(CURL_MAX_WRITE_SIZE));
    offered.emplace_back(p, n);
    if (offered.size() == 2 || offered.size() == 5) {
      paused = true;
      ++pauses;
      return CURL_WRITEFUNC_PAUSE;
    }
    self.body.append(p, n);
    return n;
  };
  auto resume = [&](Easy& self) {
    if (paused) {
      paused = false;
      // The wire bytes were all counted when the pause came (SIZE_DOWNLOAD is raw).
      EXPECT_EQ(curl_easy_pause(self.get(), CURLPAUSE_CONT), CURLE_OK);
    }
  };
  if (mode() == DriveMode::EasyPerform) {
    e.xferinfo_fn = [&](Easy& self, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
      resume(self);
      return 0;
    };
    e.enable_xferinfo();
  } else {
    e.tick = resume;
  }
  ASSERT_EQ(run1(e), CURLE_OK) << e.error();
  EXPECT_EQ(pauses, 2);
  ASSERT_GE(offered.size(), 6u);
  // The refused piece comes again, first, after each resume.
  EXPECT_EQ(offered[2].substr(0, offered[1].size()), offered[1]);
  EXPECT_EQ(offered[5].substr(0, offered[4].size()), offered[4]);
  EXPECT_EQ(e.body, text);
  EXPECT_EQ(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), static_cast<curl_off_t>(wire.size()));
}

long resident_kib() {
  std::ifstream f("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  f >> pages >> resident;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

TEST_P(Decoding, SixtyFourMebibytesDecodedInBoundedPieces) {
  Httpd httpd;
  ASSERT_NE(httpd.port(), 0) << "mcurl_httpd did not start";
  const curl_off_t size = 64 << 20;
  Easy& e = make_easy("http://127.0.0.1:" + std::to_string(httpd.port()) + "/gzip/" +
                      std::to_string(size));
  e.set(CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_off_t total = 0;
  std::size_t biggest = 0;
  bool pattern_ok = true;
  long rss_first = 0;
  long rss_max = 0;
  e.write_fn = [&](Easy&, const char* p, std::size_t n) -> std::size_t {
    if (n > biggest) biggest = n;
    // Byte i of the body is 'a' + i % 26.
    if (p[0] != static_cast<char>('a' + total % 26) ||
        p[n - 1] != static_cast<char>('a' + (total + static_cast<curl_off_t>(n) - 1) % 26)) {
      pattern_ok = false;
    }
    total += static_cast<curl_off_t>(n);
    if (rss_first == 0) rss_first = resident_kib();
    if (total % (4 << 20) < static_cast<curl_off_t>(n)) rss_max = std::max(rss_max, resident_kib());
    return n;
  };
  ASSERT_EQ(run1(e, 60s), CURLE_OK) << e.error();
  EXPECT_EQ(total, size);
  EXPECT_LE(biggest, static_cast<std::size_t>(CURL_MAX_WRITE_SIZE));
  EXPECT_TRUE(pattern_ok);
  // Decoding streams: the process does not grow by anything like the body.
  EXPECT_LT(rss_max - rss_first, 16 * 1024) << "resident KiB grew from " << rss_first;
  EXPECT_LT(e.info_off(CURLINFO_SIZE_DOWNLOAD_T), size / 100);  // the compressed bytes
}

INSTANTIATE_TEST_SUITE_P(Modes, Decoding, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
