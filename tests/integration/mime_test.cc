// Multipart bodies (CURLOPT_MIMEPOST, CURLOPT_HTTPPOST) over the three drive modes: the
// request head and the body bytes as libcurl 7.88.1 sends them (checked byte for byte
// against the system library by tests/conformance/f_*.c), a body of unknown size sent
// chunked after "100 Continue", a file part streamed, and a form resent after a 307 with
// a new boundary.
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

#include "harness.h"

namespace mcurl::itest {
namespace {

using test::RecordedRequest;

class Mime : public ModeTest {};

// The boundary a request announced in its Content-Type header.
std::string boundary_of(const RecordedRequest& r) {
  const std::string ct = r.header("Content-Type");
  const std::string key = "boundary=";
  std::size_t at = ct.find(key);
  return at == std::string::npos ? std::string() : ct.substr(at + key.size());
}

const char* kOk = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

TEST_P(Mime, DataAndFilePartsWithContentLength) {
  ScriptedServer s({Step::expect_request(), Step::send(kOk), Step::expect_close()});
  char path[] = "/tmp/mcurl_mime_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, "file body\n", 10), 10);
  ::close(fd);
  Easy& e = make_easy(s.url("/up"));
  curl_mime* m = curl_mime_init(e.get());
  curl_mimepart* p = curl_mime_addpart(m);
  ASSERT_EQ(curl_mime_name(p, "field"), CURLE_OK);
  ASSERT_EQ(curl_mime_data(p, "value", CURL_ZERO_TERMINATED), CURLE_OK);
  p = curl_mime_addpart(m);
  ASSERT_EQ(curl_mime_name(p, "doc"), CURLE_OK);
  ASSERT_EQ(curl_mime_filedata(p, path), CURLE_OK);
  ASSERT_EQ(curl_mime_filename(p, "doc.txt"), CURLE_OK);
  e.set(CURLOPT_MIMEPOST, m);
  EXPECT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  const RecordedRequest r = s.requests()[0];
  const std::string b = boundary_of(r);
  ASSERT_EQ(b.size(), 40u);
  EXPECT_EQ(b.substr(0, 24), std::string(24, '-'));
  const std::string body = "--" + b +
                           "\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n"
                           "--" +
                           b +
                           "\r\nContent-Disposition: form-data; name=\"doc\"; "
                           "filename=\"doc.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\n"
                           "\r\n--" +
                           b + "--\r\n";
  EXPECT_EQ(r.raw,
            plain_request("POST", "/up", s,
                          "Content-Length: " + std::to_string(body.size()) +
                              "\r\nContent-Type: multipart/form-data; boundary=" + b + "\r\n") +
                body);
  curl_off_t up = -1;
  ASSERT_EQ(curl_easy_getinfo(e.get(), CURLINFO_SIZE_UPLOAD_T, &up), CURLE_OK);
  EXPECT_EQ(up, static_cast<curl_off_t>(body.size()));
  curl_mime_free(m);
  ::unlink(path);
}

struct Counter {
  int left = 3;
  int calls = 0;
};
size_t three_reads(char* buf, size_t, size_t n, void* arg) {
  auto* c = static_cast<Counter*>(arg);
  ++c->calls;
  if (c->left == 0 || n < 4) return 0;
  --c->left;
  std::memcpy(buf, "abcd", 4);
  return 4;
}

TEST_P(Mime, UnknownSizeGoesChunkedAfterContinue) {
  ScriptedServer s({Step::expect_request(true), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/chunked"));
  curl_mime* m = curl_mime_init(e.get());
  curl_mimepart* p = curl_mime_addpart(m);
  curl_mime_name(p, "cb");
  Counter c;
  ASSERT_EQ(curl_mime_data_cb(p, -1, three_reads, nullptr, nullptr, &c), CURLE_OK);
  e.set(CURLOPT_MIMEPOST, m);
  EXPECT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(1, 5s));
  const RecordedRequest r = s.requests()[0];
  EXPECT_TRUE(r.chunked);
  EXPECT_EQ(r.header("Expect"), "100-continue");
  const std::string b = boundary_of(r);
  EXPECT_EQ(r.body, "--" + b + "\r\nContent-Disposition: form-data; name=\"cb\"\r\n\r\n" +
                        "abcdabcdabcd\r\n--" + b + "--\r\n");
  // One callback call per buffer fill (7.88.1): three with data, one for the end.
  EXPECT_EQ(c.calls, 4);
  // The last chunk is "0\r\n\r\n" and nothing after it.
  EXPECT_EQ(r.raw.substr(r.raw.size() - 7), "\r\n0\r\n\r\n");
  curl_mime_free(m);
}

TEST_P(Mime, FormResentAfter307WithNewBoundary) {
  ScriptedServer s({Step::expect_request(),
                    Step::send("HTTP/1.1 307 Temporary Redirect\r\nLocation: /b\r\n"
                               "Content-Length: 0\r\n\r\n"),
                    Step::expect_request(), Step::send(kOk), Step::expect_close()});
  Easy& e = make_easy(s.url("/a"));
  curl_httppost* first = nullptr;
  curl_httppost* last = nullptr;
  ASSERT_EQ(
      curl_formadd(&first, &last, CURLFORM_COPYNAME, "k", CURLFORM_COPYCONTENTS, "v", CURLFORM_END),
      CURL_FORMADD_OK);
  e.set(CURLOPT_HTTPPOST, first);
  e.set(CURLOPT_FOLLOWLOCATION, 1L);
  EXPECT_EQ(run1(e), CURLE_OK) << e.error();
  ASSERT_TRUE(s.wait_for_requests(2, 5s));
  const auto reqs = s.requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[1].target, "/b");
  const std::string b0 = boundary_of(reqs[0]), b1 = boundary_of(reqs[1]);
  EXPECT_NE(b0, b1);
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string& b = i == 0 ? b0 : b1;
    EXPECT_EQ(
        reqs[i].body,
        "--" + b + "\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--" + b + "--\r\n");
  }
  curl_formfree(first);
}

INSTANTIATE_TEST_SUITE_P(Modes, Mime, MCURL_ALL_MODES);

}  // namespace
}  // namespace mcurl::itest
