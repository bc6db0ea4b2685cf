// Tests for src/http/mime.h and src/http/form.h: the multipart reader (whole bodies and
// every buffer size down to 4 bytes), sizes, encoders, nesting, rewinding and the form
// conversion. The expected bytes follow what the system libcurl 7.88.1 sends
// (tests/conformance/f_*.c compare the two libraries directly).
#include "http/mime.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "http/form.h"

namespace mcurl {
namespace {

// Reads the whole body with reads of at most `step` bytes.
std::string read_all(Mime& m, std::size_t step = 65536) {
  std::string out;
  std::string buf(step, '\0');
  for (int i = 0; i < 100000; ++i) {
    std::size_t n = m.read(buf.data(), step);
    if (n == 0) return out;
    if (n > step) return out + "<error>";
    out.append(buf.data(), n);
  }
  return out + "<loop>";
}

std::string part_head(const Mime& m, const std::string& headers) {
  return "--" + m.boundary() + "\r\n" + headers + "\r\n";
}

TEST(MimeRead, EmptyMimeIsTheClosingDelimiter) {
  Mime m(nullptr);
  EXPECT_EQ(m.prepare("multipart/form-data", {}), "multipart/form-data; boundary=" + m.boundary());
  EXPECT_EQ(m.size(), 46);
  EXPECT_EQ(read_all(m), "--" + m.boundary() + "--\r\n");
}

TEST(MimeRead, BoundaryIs24DashesAnd16HexDigits) {
  Mime a(nullptr), b(nullptr);
  ASSERT_EQ(a.boundary().size(), 40u);
  EXPECT_EQ(a.boundary().find_first_not_of('-'), 24u);
  EXPECT_EQ(a.boundary().find_first_not_of("0123456789abcdef", 24), std::string::npos);
  EXPECT_NE(a.boundary(), b.boundary());
}

TEST(MimeRead, DataPartsAtEveryBufferSize) {
  Mime m(nullptr);
  MimePart* p = m.add_part();
  p->set_name("a", 1);
  p->set_data("hello", 5);
  p = m.add_part();
  p->set_name("q\"\r\n", 4);
  p->set_filename("f.txt");
  p->set_data("x", 1);
  m.prepare("multipart/form-data", {});
  const std::string want =
      part_head(m, "Content-Disposition: form-data; name=\"a\"\r\n") + "hello\r\n" +
      part_head(m,
                "Content-Disposition: form-data; name=\"q%22%0D%0A\"; filename=\"f.txt\"\r\n"
                "Content-Type: text/plain\r\n") +
      "x\r\n--" + m.boundary() + "--\r\n";
  EXPECT_EQ(m.size(), static_cast<curl_off_t>(want.size()));
  for (std::size_t step = 1; step <= want.size() + 1; ++step) {
    ASSERT_TRUE(m.rewind());
    EXPECT_EQ(read_all(m, step), want) << "step " << step;
  }
}

TEST(MimeHeaders, CustomHeadersAndBackslashEscaping) {
  Mime m(nullptr);
  MimePart* p = m.add_part();
  p->set_name("a\\\"b", 4);
  curl_slist second{const_cast<char*>("X-Two: 2"), nullptr};
  curl_slist first{const_cast<char*>("Content-Type: app/x"), &second};
  p->set_headers(&first, false);
  p->set_data("d", 1);
  MimePrepareOptions opt;
  opt.backslash_escape = true;
  m.prepare("multipart/form-data", opt);
  EXPECT_EQ(read_all(m), part_head(m,
                                   "Content-Disposition: form-data; name=\"a\\\\\\\"b\"\r\n"
                                   "Content-Type: app/x\r\nX-Two: 2\r\n") +
                             "d\r\n--" + m.boundary() + "--\r\n");
}

TEST(MimeRead, NestedPartsUseAttachmentDispositions) {
  Mime m(nullptr);
  auto* sub = new Mime(nullptr);
  MimePart* q = sub->add_part();
  q->set_data("anon", 4);
  q = sub->add_part();
  q->set_filename("s.txt");
  q->set_data("s", 1);
  MimePart* p = m.add_part();
  p->set_name("n", 1);
  ASSERT_TRUE(p->set_subparts(sub));
  EXPECT_FALSE(sub->add_part()->set_subparts(&m));  // a loop is refused
  sub->parts().back()->set_data("", 0);
  m.prepare("multipart/form-data", {});
  const std::string inner = part_head(*sub, "") + "anon\r\n" +
                            part_head(*sub,
                                      "Content-Disposition: attachment; filename=\"s.txt\"\r\n"
                                      "Content-Type: text/plain\r\n") +
                            "s\r\n" + part_head(*sub, "") + "\r\n--" + sub->boundary() + "--\r\n";
  const std::string want =
      part_head(m,
                "Content-Disposition: form-data; name=\"n\"\r\nContent-Type: multipart/mixed; "
                "boundary=" +
                    sub->boundary() + "\r\n") +
      inner + "\r\n--" + m.boundary() + "--\r\n";
  EXPECT_EQ(m.size(), static_cast<curl_off_t>(want.size()));
  EXPECT_EQ(read_all(m, 7), want);
}

std::string encoded_body(const char* enc, const std::string& data, curl_off_t* size) {
  Mime m(nullptr);
  MimePart* p = m.add_part();
  EXPECT_TRUE(p->set_encoder(enc));
  p->set_data(data.data(), data.size());
  m.prepare("multipart/form-data", {});
  *size = p->encoded_size();
  std::string body = read_all(m, 5);
  std::string head = part_head(m, std::string("Content-Disposition: form-data\r\n") +
                                      "Content-Transfer-Encoding: " + enc + "\r\n");
  EXPECT_EQ(body.substr(0, head.size()), head);
  std::string tail = "\r\n--" + m.boundary() + "--\r\n";
  if (body.size() < head.size() + tail.size()) return "<short>";
  return body.substr(head.size(), body.size() - head.size() - tail.size());
}

TEST(MimeEncode, Base64LinesAndSizes) {
  curl_off_t size = 0;
  EXPECT_EQ(encoded_body("base64", "", &size), "");
  EXPECT_EQ(size, 0);
  EXPECT_EQ(encoded_body("base64", "a", &size), "YQ==");
  EXPECT_EQ(size, 4);
  EXPECT_EQ(encoded_body("base64", "abcd", &size), "YWJjZA==");
  std::string d57(57, 'x'), d58(58, 'x');
  std::string e57 = encoded_body("base64", d57, &size);
  EXPECT_EQ(e57.size(), 76u);
  EXPECT_EQ(size, 76);
  std::string e58 = encoded_body("base64", d58, &size);
  EXPECT_EQ(e58.substr(76, 2), "\r\n");
  EXPECT_EQ(e58.size(), 82u);
  EXPECT_EQ(size, 82);
}

TEST(MimeEncode, QuotedPrintable) {
  curl_off_t size = 0;
  EXPECT_EQ(encoded_body("quoted-printable", "a = b \r\nc\td\te\t\r\n\xe9\rx\ny ", &size),
            "a =3D b=20\r\nc\td\te=09\r\n=E9=0Dx=0Ay=20");
  EXPECT_EQ(size, -1);
  std::string longline(100, 'z');
  std::string e = encoded_body("quoted-printable", longline, &size);
  EXPECT_EQ(e, std::string(75, 'z') + "=\r\n" + std::string(25, 'z'));
  // A line of exactly 76 characters stays whole before a line end or the end.
  std::string exact(76, 'k');
  EXPECT_EQ(encoded_body("quoted-printable", exact, &size), exact);
}

TEST(MimeEncode, SevenBitRefusesHighBytes) {
  Mime m(nullptr);
  MimePart* p = m.add_part();
  ASSERT_TRUE(p->set_encoder("7BIT"));
  EXPECT_FALSE(p->set_encoder("gzip"));
  ASSERT_TRUE(p->set_encoder("7bit"));
  p->set_data("ab\xc3", 3);
  m.prepare("multipart/form-data", {});
  char buf[4096];
  std::size_t n = m.read(buf, sizeof buf);
  ASSERT_LT(n, sizeof buf);
  EXPECT_EQ(std::string(buf + n - 2, 2), "ab");
  EXPECT_EQ(m.read(buf, sizeof buf), kMimeReadError);
}

struct Source {
  std::string data;
  std::size_t pos = 0;
  int seeks = 0;
  int frees = 0;
};
size_t src_read(char* buf, size_t, size_t n, void* arg) {
  auto* s = static_cast<Source*>(arg);
  n = std::min<std::size_t>({n, 3, s->data.size() - s->pos});
  std::memcpy(buf, s->data.data() + s->pos, n);
  s->pos += n;
  return n;
}
int src_seek(void* arg, curl_off_t off, int) {
  auto* s = static_cast<Source*>(arg);
  ++s->seeks;
  s->pos = static_cast<std::size_t>(off);
  return CURL_SEEKFUNC_OK;
}
void src_free(void* arg) { ++static_cast<Source*>(arg)->frees; }

TEST(MimeRead, CallbackPartOncePerReadAndRewind) {
  Source src;
  src.data = "0123456789";
  {
    Mime m(nullptr);
    MimePart* p = m.add_part();
    p->set_callback(-1, src_read, src_seek, src_free, &src);
    m.prepare("multipart/form-data", {});
    EXPECT_EQ(m.size(), -1);
    char buf[4096];
    // The head and the first callback's bytes; the next callback waits for the next read.
    std::size_t n = m.read(buf, sizeof buf);
    EXPECT_EQ(std::string(buf + n - 3, 3), "012");
    EXPECT_EQ(m.read(buf, sizeof buf), 3u);
    std::string rest = read_all(m);
    EXPECT_EQ(rest.substr(0, 4), "6789");
    EXPECT_EQ(src.seeks, 0);
    ASSERT_TRUE(m.rewind());
    EXPECT_EQ(src.seeks, 1);
    m.prepare("multipart/form-data", {});
    EXPECT_NE(read_all(m).find("0123456789\r\n"), std::string::npos);
    EXPECT_EQ(src.frees, 0);
  }
  EXPECT_EQ(src.frees, 1);  // at destruction, once
}

TEST(MimeRead, RewindWithoutSeekFailsOnlyAfterReading) {
  Source src;
  src.data = "abc";
  Mime m(nullptr);
  m.add_part()->set_callback(3, src_read, nullptr, nullptr, &src);
  m.prepare("multipart/form-data", {});
  EXPECT_TRUE(m.rewind());  // nothing read yet
  read_all(m);
  EXPECT_FALSE(m.rewind());
}

TEST(MimeRead, FilePartStreamsAndReportsMissingFiles) {
  char path[] = "/tmp/mcurl_mime_unitXXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::write(fd, "filedata", 8), 8);
  ::close(fd);
  Mime m(nullptr);
  MimePart* p = m.add_part();
  EXPECT_EQ(p->set_file(path), CURLE_OK);
  EXPECT_EQ(p->encoded_size(), 8);
  m.prepare("multipart/form-data", {});
  EXPECT_NE(read_all(m).find("application/octet-stream\r\n\r\nfiledata\r\n"), std::string::npos);
  ::unlink(path);
  ASSERT_TRUE(m.rewind());
  m.prepare("multipart/form-data", {});
  const std::string again = read_all(m);  // the file is gone: an error after the head
  EXPECT_EQ(again.substr(again.size() - 7), "<error>");
  Mime gone(nullptr);
  EXPECT_EQ(gone.add_part()->set_file(path), CURLE_READ_ERROR);
  gone.prepare("multipart/form-data", {});
  char buf[256];
  EXPECT_LT(gone.read(buf, sizeof buf), sizeof buf);  // the part's head, then the error
  EXPECT_EQ(gone.read(buf, sizeof buf), kMimeReadError);
}

TEST(MimeType, ByFileNameExtension) {
  EXPECT_STREQ(mime_type_for_filename("a.TXT"), "text/plain");
  EXPECT_STREQ(mime_type_for_filename("x.jpeg"), "image/jpeg");
  EXPECT_STREQ(mime_type_for_filename("x.svg"), "image/svg+xml");
  EXPECT_EQ(mime_type_for_filename("x.zip"), nullptr);
  EXPECT_EQ(mime_type_for_filename("txt"), nullptr);
}

CURLFORMcode add(curl_httppost** first, curl_httppost** last, ...) {
  std::va_list ap;
  va_start(ap, last);
  CURLFORMcode rc = form_add(first, last, &ap);
  va_end(ap);
  return rc;
}

size_t collect(void* arg, const char* buf, size_t len) {
  static_cast<std::string*>(arg)->append(buf, len);
  return len;
}

TEST(FormAdd, EntriesErrorsAndFormget) {
  curl_httppost *first = nullptr, *last = nullptr;
  EXPECT_EQ(add(&first, &last, CURLFORM_COPYNAME, "n", CURLFORM_COPYCONTENTS, "v", CURLFORM_END),
            CURL_FORMADD_OK);
  EXPECT_EQ(add(&first, &last, CURLFORM_COPYNAME, "b", CURLFORM_BUFFER, "x.bin", CURLFORM_BUFFERPTR,
                "bytes", CURLFORM_BUFFERLENGTH, 5L, CURLFORM_END),
            CURL_FORMADD_OK);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->next, last);
  EXPECT_STREQ(last->contenttype, "application/octet-stream");
  EXPECT_EQ(add(&first, &last, CURLFORM_COPYNAME, "x", CURLFORM_COPYNAME, "y", CURLFORM_END),
            CURL_FORMADD_OPTION_TWICE);
  EXPECT_EQ(add(&first, &last, CURLFORM_COPYCONTENTS, "v", CURLFORM_END), CURL_FORMADD_INCOMPLETE);
  EXPECT_EQ(add(&first, &last, CURLFORM_COPYNAME, "x", static_cast<CURLformoption>(999), "v",
                CURLFORM_END),
            CURL_FORMADD_UNKNOWN_OPTION);
  EXPECT_EQ(first->next, last);  // nothing added by the failures
  std::string out;
  EXPECT_EQ(form_get(first, &out, collect), 0);
  const std::string head = "Content-Type: multipart/form-data; boundary=";
  ASSERT_EQ(out.substr(0, head.size()), head);
  const std::string b = out.substr(head.size(), 40);
  EXPECT_EQ(out.substr(head.size() + 40),
            "\r\n\r\n--" + b + "\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--" + b +
                "\r\nContent-Disposition: form-data; name=\"b\"; filename=\"x.bin\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\nbytes\r\n--" +
                b + "--\r\n");
  form_free(first);
}

}  // namespace
}  // namespace mcurl
