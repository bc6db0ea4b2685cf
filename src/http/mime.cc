// The mime tree and its reader: see mime.h and docs/internals/MIME.md.
// Tests: tests/unit/http/mime_test.cc
#include "http/mime.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <random>

#include "util/alloc.h"
#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr int kLineMax = 76;  // encoded line length (RFC 2045 6.7, 6.8)
constexpr char kHex[] = "0123456789ABCDEF";

std::string make_boundary() {
  // 7.88.1: 24 dashes and 16 random lower-case hex digits.
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string b(24, '-');
  std::uint64_t r = rng();
  for (int i = 0; i < 16; ++i) {
    b.push_back("0123456789abcdef"[r & 0xf]);
    r >>= 4;
  }
  return b;
}

void free_list(curl_slist* l) noexcept {
  while (l != nullptr) {
    curl_slist* next = l->next;
    alloc::free(l->data);
    alloc::free(l);
    l = next;
  }
}

// The value of the first header called `name` in `list` (blanks after the colon
// skipped), or nullptr.
const char* find_header(const curl_slist* list, std::string_view name) noexcept {
  for (; list != nullptr; list = list->next) {
    const char* d = list->data;
    if (d == nullptr || std::strlen(d) <= name.size()) continue;
    if (iequals(std::string_view(d, name.size()), name) && d[name.size()] == ':') {
      const char* v = d + name.size() + 1;
      while (*v == ' ' || *v == '\t') ++v;
      return v;
    }
  }
  return nullptr;
}

// "type" or "type; params" names `what` (ASCII case ignored).
bool type_is(std::string_view type, std::string_view what) noexcept {
  if (type.size() < what.size() || !iequals(type.substr(0, what.size()), what)) return false;
  if (type.size() == what.size()) return true;
  char c = type[what.size()];
  return c == ' ' || c == '\t' || c == ';';
}

// Names and file names in Content-Disposition: 7.88.1 percent-encodes '"', CR and LF
// (the HTML5 form rule), or with CURLMIMEOPT_FORMESCAPE backslash-escapes '\' and '"'.
std::string escape_param(std::string_view s, bool backslash) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (backslash) {
      if (c == '\\' || c == '"') out.push_back('\\');
      out.push_back(c);
    } else if (c == '"') {
      out.append("%22");
    } else if (c == '\r') {
      out.append("%0D");
    } else if (c == '\n') {
      out.append("%0A");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Quoted-printable character classes.
enum class Qp : std::uint8_t { kOk, kSpace, kCr, kEscape };
Qp qp_class(unsigned char c) noexcept {
  if (c == ' ' || c == '\t') return Qp::kSpace;
  if (c == '\r') return Qp::kCr;
  if (c >= 0x21 && c <= 0x7e && c != '=') return Qp::kOk;
  return Qp::kEscape;
}

MimeChunk data_chunk(std::size_t n) { return {n, MimeStatus::kData}; }
MimeChunk status_or_data(std::size_t got, MimeStatus s) {
  if (s == MimeStatus::kFunny) return {0, s};
  return got > 0 ? data_chunk(got) : MimeChunk{0, s};
}

}  // namespace

const char* mime_type_for_filename(std::string_view filename) noexcept {
  static constexpr struct {
    const char* ext;
    const char* type;
  } kTypes[] = {{".gif", "image/gif"},      {".jpg", "image/jpeg"},    {".jpeg", "image/jpeg"},
                {".png", "image/png"},      {".svg", "image/svg+xml"}, {".txt", "text/plain"},
                {".htm", "text/html"},      {".html", "text/html"},    {".pdf", "application/pdf"},
                {".xml", "application/xml"}};
  for (const auto& t : kTypes) {
    std::size_t n = std::strlen(t.ext);
    if (filename.size() >= n && iequals(filename.substr(filename.size() - n), t.ext)) return t.type;
  }
  return nullptr;
}

// --- MimePart: settings ---------------------------------------------------------------

MimePart::~MimePart() {
  clear_content();
  if (own_headers_) free_list(headers_);
}

void MimePart::clear_content() {
  if (fp_ != nullptr) {
    std::fclose(fp_);
    fp_ = nullptr;
  }
  if (kind_ == Kind::kCallback && free_ != nullptr) {
    curl_free_callback f = free_;
    free_ = nullptr;
    f(arg_);
  }
  if (kind_ == Kind::kMultipart && sub_ != nullptr) {
    Mime* sub = sub_;
    sub_ = nullptr;
    sub->parent_ = nullptr;
    if (own_sub_) delete sub;
  }
  kind_ = Kind::kNone;
  data_.clear();
  size_ = 0;
  read_ = nullptr;
  seek_ = nullptr;
  free_ = nullptr;
  arg_ = nullptr;
  own_sub_ = false;
  stage_ = Stage::kBegin;
}

void MimePart::set_name(const char* name, std::size_t len) {
  has_name_ = name != nullptr;
  name_.assign(name != nullptr ? name : "", name != nullptr ? len : 0);
}

void MimePart::set_filename(const char* filename) {
  has_filename_ = filename != nullptr;
  filename_.assign(filename != nullptr ? filename : "");
}

void MimePart::set_type(const char* type) {
  has_type_ = type != nullptr;
  type_.assign(type != nullptr ? type : "");
}

bool MimePart::set_encoder(const char* name) {
  encoding_ = MimeEncoding::kNone;
  if (name == nullptr) return true;
  static constexpr struct {
    const char* name;
    MimeEncoding e;
  } kEncoders[] = {{"binary", MimeEncoding::kBinary},
                   {"8bit", MimeEncoding::k8Bit},
                   {"7bit", MimeEncoding::k7Bit},
                   {"base64", MimeEncoding::kBase64},
                   {"quoted-printable", MimeEncoding::kQuotedPrintable}};
  for (const auto& e : kEncoders) {
    if (iequals(name, e.name)) {
      encoding_ = e.e;
      return true;
    }
  }
  return false;
}

void MimePart::set_data(const char* data, std::size_t len) {
  clear_content();
  if (data == nullptr) return;
  data_.assign(data, len);
  size_ = static_cast<curl_off_t>(len);
  kind_ = Kind::kData;
}

CURLcode MimePart::set_file(const char* path) {
  clear_content();
  if (path == nullptr) return CURLE_OK;
  CURLcode result = CURLE_OK;
  struct stat st {};
  bool ok = ::stat(path, &st) == 0 && ::access(path, R_OK) == 0;
  if (!ok) result = CURLE_READ_ERROR;
  data_.assign(path);
  kind_ = Kind::kFile;
  size_ = ok && S_ISREG(st.st_mode) ? static_cast<curl_off_t>(st.st_size) : -1;
  // The file name becomes the path's last component (curl_mime_filename(part, NULL)
  // afterwards withdraws it).
  std::string_view p(path);
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  std::size_t slash = p.rfind('/');
  std::string base(slash == std::string_view::npos ? p : p.substr(slash + 1));
  set_filename(base.c_str());
  return result;
}

void MimePart::set_callback(curl_off_t size, curl_read_callback read, curl_seek_callback seek,
                            curl_free_callback free_cb, void* arg) {
  clear_content();
  kind_ = Kind::kCallback;
  size_ = size;
  read_ = read;
  seek_ = seek;
  free_ = free_cb;
  arg_ = arg;
}

bool MimePart::set_subparts(Mime* sub, bool take_ownership) {
  if (kind_ == Kind::kMultipart && sub_ == sub) return true;  // the same again is fine
  clear_content();
  if (sub == nullptr) return true;
  if (sub->parent_ != nullptr) return false;  // attached elsewhere
  if (parent_ != nullptr && parent_->is_ancestor_or_self(sub)) return false;
  sub->parent_ = this;
  sub_ = sub;
  own_sub_ = take_ownership;
  kind_ = Kind::kMultipart;
  size_ = -1;
  return true;
}

void MimePart::set_headers(curl_slist* headers, bool take_ownership) {
  if (own_headers_ && headers_ != headers) free_list(headers_);
  headers_ = headers;
  own_headers_ = take_ownership && headers != nullptr;
}

curl_off_t MimePart::encoded_size() const {
  curl_off_t raw = kind_ == Kind::kMultipart ? sub_->size() : kind_ == Kind::kNone ? 0 : size_;
  if (raw < 0) return -1;
  switch (encoding_) {
    case MimeEncoding::kBase64: {
      if (raw == 0) return 0;
      curl_off_t n = 4 * (1 + (raw - 1) / 3);
      return n + 2 * ((n - 1) / kLineMax);
    }
    case MimeEncoding::kQuotedPrintable:
      return -1;
    default:
      return raw;
  }
}

void MimePart::copy_to(MimePart& to) const {
  if (has_name_) to.set_name(name_.data(), name_.size());
  if (has_filename_) to.set_filename(filename_.c_str());
  if (has_type_) to.set_type(type_.c_str());
  to.encoding_ = encoding_;
  switch (kind_) {
    case Kind::kData:
      to.set_data(data_.data(), data_.size());
      break;
    case Kind::kFile:
      to.set_file(data_.c_str());
      if (has_filename_) {
        to.set_filename(filename_.c_str());
      } else {
        to.set_filename(nullptr);
      }
      break;
    case Kind::kCallback:
      // 7.88.1's copy takes the free callback too: it runs for each copy.
      to.set_callback(size_, read_, seek_, free_, arg_);
      break;
    case Kind::kMultipart: {
      std::unique_ptr<Mime> sub = sub_->clone();
      if (to.set_subparts(sub.get(), true)) sub.release();
      break;
    }
    case Kind::kNone:
      break;
  }
  // Headers are copied (the copy owns its list).
  curl_slist* copy = nullptr;
  curl_slist** tail = &copy;
  for (const curl_slist* l = headers_; l != nullptr; l = l->next) {
    auto* node = static_cast<curl_slist*>(alloc::malloc(sizeof(curl_slist)));
    char* s = l->data != nullptr ? alloc::strdup(l->data) : nullptr;
    if (node == nullptr || (l->data != nullptr && s == nullptr)) {
      alloc::free(node);
      alloc::free(s);
      free_list(copy);
      throw std::bad_alloc();
    }
    node->data = s;
    node->next = nullptr;
    *tail = node;
    tail = &node->next;
  }
  to.set_headers(copy, true);
}

// --- MimePart: headers ----------------------------------------------------------------

// Tests: MimeHeaders.*
void MimePart::prepare(const char* disposition, const MimePrepareOptions& opt) {
  std::string h;
  // The type: the part's own, else a Content-Type among its headers, else guessed.
  const char* custom_ct = has_type_ ? type_.c_str() : find_header(headers_, "Content-Type");
  const char* ct = custom_ct;
  if (ct == nullptr) {
    switch (kind_) {
      case Kind::kMultipart:
        ct = "multipart/mixed";
        break;
      case Kind::kFile:
        ct = has_filename_ ? mime_type_for_filename(filename_) : nullptr;
        if (ct == nullptr && has_filename_) ct = "application/octet-stream";
        break;
      default:
        ct = has_filename_ ? mime_type_for_filename(filename_) : nullptr;
        break;
    }
  }
  // A guessed text/plain goes without a header unless the part has a file name.
  if (kind_ != Kind::kMultipart && ct != nullptr && custom_ct == nullptr &&
      type_is(ct, "text/plain") && !has_filename_) {
    ct = nullptr;
  }
  if (find_header(headers_, "Content-Disposition") == nullptr) {
    const char* disp = disposition;
    if (disp == nullptr &&
        (has_filename_ || has_name_ || (ct != nullptr && !istarts_with(ct, "multipart/")))) {
      disp = "attachment";
    }
    if (disp != nullptr && std::strcmp(disp, "attachment") == 0 && !has_name_ && !has_filename_)
      disp = nullptr;
    if (disp != nullptr) {
      h.append("Content-Disposition: ");
      h.append(disp);
      if (has_name_) {
        h.append("; name=\"");
        h.append(escape_param(name_, opt.backslash_escape));
        h.push_back('"');
      }
      if (has_filename_) {
        h.append("; filename=\"");
        h.append(escape_param(filename_, opt.backslash_escape));
        h.push_back('"');
      }
      h.append("\r\n");
    }
  }
  if (ct != nullptr) {
    h.append("Content-Type: ");
    h.append(ct);
    if (kind_ == Kind::kMultipart) {
      h.append("; boundary=");
      h.append(sub_->boundary());
    }
    h.append("\r\n");
  }
  if (find_header(headers_, "Content-Transfer-Encoding") == nullptr) {
    const char* cte = nullptr;
    switch (encoding_) {
      case MimeEncoding::kBinary:
        cte = "binary";
        break;
      case MimeEncoding::k8Bit:
        cte = "8bit";
        break;
      case MimeEncoding::k7Bit:
        cte = "7bit";
        break;
      case MimeEncoding::kBase64:
        cte = "base64";
        break;
      case MimeEncoding::kQuotedPrintable:
        cte = "quoted-printable";
        break;
      default:
        break;  // no encoder: no header
    }
    if (cte != nullptr) {
      h.append("Content-Transfer-Encoding: ");
      h.append(cte);
      h.append("\r\n");
    }
  }
  // The part's own headers follow, but its Content-Type line went out above.
  for (const curl_slist* l = headers_; l != nullptr; l = l->next) {
    if (l->data == nullptr) continue;
    std::string_view line(l->data);
    if (line.size() > 12 && iequals(line.substr(0, 12), "Content-Type") && line[12] == ':')
      continue;
    h.append(line);
    h.append("\r\n");
  }
  head_ = "--" + parent_->boundary_ + "\r\n" + h + "\r\n";
  if (kind_ == Kind::kMultipart) {
    sub_->prepare(ct != nullptr ? std::string_view(ct) : std::string_view(), opt);
  }
}

// --- MimePart: reading ----------------------------------------------------------------

MimeChunk MimePart::read_content(char* buf, std::size_t len, bool* hasread) {
  if (encoding_ == MimeEncoding::kNone) return read_raw(buf, len, hasread);
  return read_encoded(buf, len, hasread);
}

// Tests: MimeRead.*
MimeChunk MimePart::read_raw(char* buf, std::size_t len, bool* hasread) {
  // A part whose size is known ends without another read (7.88.1 spares that call).
  if (kind_ != Kind::kMultipart && size_ >= 0 && offset_ >= size_) return {0, MimeStatus::kEof};
  switch (kind_) {
    case Kind::kNone:
      return {0, MimeStatus::kEof};
    case Kind::kData: {
      std::size_t n = std::min(len, data_.size() - static_cast<std::size_t>(offset_));
      std::memcpy(buf, data_.data() + offset_, n);
      offset_ += static_cast<curl_off_t>(n);
      return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kEof};
    }
    case Kind::kMultipart:
      return sub_->read_body(buf, len, hasread);
    case Kind::kFile: {
      if (fp_ != nullptr && std::feof(fp_)) return {0, MimeStatus::kEof};
      // Like a read callback: one file read per fill of the upload buffer.
      if (*hasread) return {0, MimeStatus::kStop};
      *hasread = true;
      if (fp_ == nullptr) {
        fp_ = std::fopen(data_.c_str(), "rb");
        if (fp_ == nullptr) return {0, MimeStatus::kError};
      }
      std::size_t n = std::fread(buf, 1, len, fp_);
      if (n == 0) {
        if (std::ferror(fp_)) return {0, MimeStatus::kError};
        std::fclose(fp_);  // spare the descriptor
        fp_ = nullptr;
        offset_ = size_ >= 0 ? size_ : offset_;
        return {0, MimeStatus::kEof};
      }
      offset_ += static_cast<curl_off_t>(n);
      return data_chunk(n);
    }
    case Kind::kCallback: {
      if (*hasread) return {0, MimeStatus::kStop};
      *hasread = true;
      if (read_ == nullptr) return {0, MimeStatus::kEof};
      std::size_t n = read_(buf, 1, len, arg_);
      if (n == 0) return {0, MimeStatus::kEof};
      if (n == CURL_READFUNC_ABORT) return {0, MimeStatus::kAbort};
      if (n == CURL_READFUNC_PAUSE) return {0, MimeStatus::kPause};
      if (n > len) return {0, MimeStatus::kFunny};
      offset_ += static_cast<curl_off_t>(n);
      return data_chunk(n);
    }
  }
  return {0, MimeStatus::kEof};
}

MimeChunk MimePart::read_encoded(char* buf, std::size_t len, bool* hasread) {
  std::size_t got = 0;
  for (;;) {
    if (beg_ < end_ || ateof_) {
      MimeChunk c = encode(buf + got, len - got);
      if (c.status == MimeStatus::kData) {
        got += c.n;
        if (got == len) return data_chunk(got);
        continue;
      }
      if (c.status != MimeStatus::kEof) return status_or_data(got, c.status);
      if (ateof_) return status_or_data(got, MimeStatus::kEof);
    }
    // More input needed.
    if (beg_ > 0) {
      std::memmove(in_, in_ + beg_, end_ - beg_);
      end_ -= beg_;
      beg_ = 0;
    }
    if (end_ >= sizeof in_) return status_or_data(got, MimeStatus::kError);
    MimeChunk r = read_raw(in_ + end_, sizeof in_ - end_, hasread);
    if (r.status == MimeStatus::kEof) {
      ateof_ = true;
    } else if (r.status == MimeStatus::kData) {
      end_ += r.n;
    } else {
      return status_or_data(got, r.status);
    }
  }
}

// Encodes buffered input into `buf`: kData with a count, kEof when it needs more input
// (or has finished), kStop when `len` is too small for the next unit, kError for 7bit
// data with the high bit set.
// Tests: MimeEncode.*
MimeChunk MimePart::encode(char* buf, std::size_t len) {
  std::size_t n = 0;
  const auto* in = reinterpret_cast<const unsigned char*>(in_);
  auto stop = [&]() { return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kStop}; };
  switch (encoding_) {
    case MimeEncoding::kNone:
    case MimeEncoding::kBinary:
    case MimeEncoding::k8Bit: {
      n = std::min(len, end_ - beg_);
      std::memcpy(buf, in_ + beg_, n);
      beg_ += n;
      break;
    }
    case MimeEncoding::k7Bit: {
      while (beg_ < end_ && n < len) {
        if ((in[beg_] & 0x80) != 0) {
          if (n == 0) return {0, MimeStatus::kError};
          break;
        }
        buf[n++] = static_cast<char>(in[beg_++]);
      }
      break;
    }
    case MimeEncoding::kBase64: {
      static constexpr char kAlphabet[] =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      while (beg_ < end_) {
        if (pos_ > kLineMax - 4) {
          if (len - n < 2) return stop();
          buf[n++] = '\r';
          buf[n++] = '\n';
          pos_ = 0;
        }
        if (len - n < 4) return stop();
        if (end_ - beg_ < 3) break;
        unsigned v = (in[beg_] << 16) | (in[beg_ + 1] << 8) | in[beg_ + 2];
        beg_ += 3;
        buf[n++] = kAlphabet[(v >> 18) & 63];
        buf[n++] = kAlphabet[(v >> 12) & 63];
        buf[n++] = kAlphabet[(v >> 6) & 63];
        buf[n++] = kAlphabet[v & 63];
        pos_ += 4;
      }
      if (ateof_ && beg_ < end_) {
        if (len - n < 4) return stop();
        unsigned v = in[beg_] << 16;
        if (end_ - beg_ == 2) v |= in[beg_ + 1] << 8;
        buf[n++] = kAlphabet[(v >> 18) & 63];
        buf[n++] = kAlphabet[(v >> 12) & 63];
        buf[n++] = end_ - beg_ == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        buf[n++] = '=';
        pos_ += 4;
        beg_ = end_;
      }
      break;
    }
    case MimeEncoding::kQuotedPrintable: {
      // Does a line end (CRLF, or the end of the data) start `k` bytes ahead?
      // 1 yes, 0 no, -1 unknown yet.
      auto eol_at = [&](std::size_t k) -> int {
        std::size_t at = beg_ + k;
        if (at >= end_ && ateof_) return 1;
        if (at + 2 > end_) return ateof_ ? 0 : -1;
        return in[at] == '\r' && in[at + 1] == '\n' ? 1 : 0;
      };
      while (beg_ < end_) {
        unsigned char c = in[beg_];
        char unit[4] = {static_cast<char>(c), kHex[c >> 4], kHex[c & 15], 0};
        std::size_t ulen = 1, used = 1;
        switch (qp_class(c)) {
          case Qp::kOk:
            break;
          case Qp::kSpace: {
            int e = eol_at(1);  // blanks before a line end are escaped
            if (e < 0) return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kEof};
            if (e > 0) {
              unit[0] = '=';
              ulen = 3;
            }
            break;
          }
          case Qp::kCr: {
            int e = eol_at(0);
            if (e < 0) return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kEof};
            if (e > 0 && beg_ + 1 < end_) {
              unit[1] = '\n';
              ulen = 2;
              used = 2;
            } else {
              unit[0] = '=';
              ulen = 3;
            }
            break;
          }
          case Qp::kEscape:
            unit[0] = '=';
            ulen = 3;
            break;
        }
        if (unit[ulen - 1] != '\n') {
          bool soft = pos_ + static_cast<int>(ulen) > kLineMax;
          if (!soft && pos_ + static_cast<int>(ulen) == kLineMax) {
            int e = eol_at(used);  // the last column only before a line end
            if (e < 0) return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kEof};
            if (e == 0) soft = true;
          }
          if (soft) {
            std::memcpy(unit, "=\r\n", 3);
            ulen = 3;
            used = 0;
          }
        }
        if (ulen > len - n) return stop();
        std::memcpy(buf + n, unit, ulen);
        n += ulen;
        pos_ += static_cast<int>(ulen);
        if (unit[ulen - 1] == '\n') pos_ = 0;
        beg_ += used;
      }
      break;
    }
  }
  return n > 0 ? data_chunk(n) : MimeChunk{0, MimeStatus::kEof};
}

bool MimePart::rewind() {
  bool ok = true;
  if (stage_ != Stage::kBegin) {
    switch (kind_) {
      case Kind::kCallback:
        // 7.88.1 seeks every callback part that was read at all.
        ok = seek_ != nullptr && seek_(arg_, 0, SEEK_SET) == CURL_SEEKFUNC_OK;
        break;
      case Kind::kFile:
        if (fp_ != nullptr) {
          std::fclose(fp_);
          fp_ = nullptr;
        }
        break;
      case Kind::kMultipart:
        ok = sub_->rewind();
        break;
      default:
        break;
    }
  }
  if (ok) {
    stage_ = Stage::kBegin;
    off_ = 0;
    offset_ = 0;
    beg_ = end_ = 0;
    ateof_ = false;
    pos_ = 0;
  }
  return ok;
}

// --- Mime -----------------------------------------------------------------------------

Mime::Mime(void* easy) : easy_(easy), boundary_(make_boundary()) {}

Mime::~Mime() {
  magic = 0;
  if (parent_ != nullptr) {
    // Freed while some part still refers to it: that part becomes empty.
    MimePart* p = parent_;
    p->sub_ = nullptr;
    p->own_sub_ = false;
    p->clear_content();
  }
  parts_.clear();
}

MimePart* Mime::add_part() {
  parts_.push_back(std::make_unique<MimePart>(this));
  return parts_.back().get();
}

std::unique_ptr<Mime> Mime::clone() const {
  auto copy = std::make_unique<Mime>(easy_);
  for (const auto& p : parts_) p->copy_to(*copy->add_part());
  return copy;
}

bool Mime::is_ancestor_or_self(const Mime* m) const noexcept {
  for (const Mime* cur = this; cur != nullptr;
       cur = cur->parent_ != nullptr ? cur->parent_->parent_ : nullptr) {
    if (cur == m) return true;
  }
  return false;
}

std::string Mime::prepare(std::string_view content_type, const MimePrepareOptions& opt) {
  const char* disp = type_is(content_type, "multipart/form-data") ? "form-data" : nullptr;
  for (auto& p : parts_) p->prepare(disp, opt);
  close_ = "--" + boundary_ + "--\r\n";
  cur_ = 0;
  off_ = 0;
  return std::string(content_type) + "; boundary=" + boundary_;
}

curl_off_t Mime::size() const {
  curl_off_t total = static_cast<curl_off_t>(boundary_.size()) + 6;
  for (const auto& p : parts_) {
    curl_off_t s = p->encoded_size();
    if (s < 0) return -1;
    total += static_cast<curl_off_t>(p->head_.size()) + s + 2;
  }
  return total;
}

bool Mime::rewind() {
  bool ok = true;
  if (touched_) {
    for (auto& p : parts_) ok = p->rewind() && ok;
  }
  if (ok) {
    cur_ = 0;
    off_ = 0;
    touched_ = false;
  }
  return ok;
}

MimeChunk Mime::read_body(char* buf, std::size_t len, bool* hasread) {
  touched_ = true;
  std::size_t got = 0;
  auto copy_from = [&](const std::string& s, std::size_t& off) {
    std::size_t n = std::min(len - got, s.size() - off);
    std::memcpy(buf + got, s.data() + off, n);
    off += n;
    got += n;
    return off == s.size();
  };
  while (got < len) {
    if (cur_ >= parts_.size()) {
      if (off_ == close_.size()) break;
      copy_from(close_, off_);
      continue;
    }
    MimePart& p = *parts_[cur_];
    switch (p.stage_) {
      case MimePart::Stage::kBegin:
        p.stage_ = MimePart::Stage::kHead;
        p.off_ = 0;
        break;
      case MimePart::Stage::kHead:
        if (copy_from(p.head_, p.off_)) p.stage_ = MimePart::Stage::kContent;
        break;
      case MimePart::Stage::kContent: {
        MimeChunk c = p.read_content(buf + got, len - got, hasread);
        if (c.status == MimeStatus::kData) {
          got += c.n;
        } else if (c.status == MimeStatus::kEof) {
          if (p.fp_ != nullptr) {
            std::fclose(p.fp_);
            p.fp_ = nullptr;
          }
          p.stage_ = MimePart::Stage::kTail;
          p.off_ = 0;
        } else {
          return status_or_data(got, c.status);
        }
        break;
      }
      case MimePart::Stage::kTail: {
        static const std::string kCrlf = "\r\n";
        if (copy_from(kCrlf, p.off_)) {
          p.stage_ = MimePart::Stage::kDone;
          ++cur_;
        }
        break;
      }
      case MimePart::Stage::kDone:
        ++cur_;
        break;
    }
  }
  return got > 0 ? data_chunk(got) : MimeChunk{0, MimeStatus::kEof};
}

std::size_t Mime::read(char* buf, std::size_t len) {
  for (int round = 0;; ++round) {
    bool hasread = false;
    MimeChunk c = read_body(buf, len, &hasread);
    switch (c.status) {
      case MimeStatus::kData:
        return c.n;
      case MimeStatus::kEof:
        return 0;
      case MimeStatus::kStop:
        if (round < 1000) continue;  // a fresh round may call the next callback
        return kMimeReadError;
      case MimeStatus::kPause:
        return CURL_READFUNC_PAUSE;
      case MimeStatus::kAbort:
        return CURL_READFUNC_ABORT;
      case MimeStatus::kError:
      case MimeStatus::kFunny:
        return kMimeReadError;
    }
  }
}

}  // namespace mcurl
