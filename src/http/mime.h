// The mime tree behind curl_mime_* (and behind CURLOPT_HTTPPOST, converted by http/form.h)
// and the pull-based reader that turns it into a multipart body byte for byte as libcurl
// 7.88.1 writes it. docs/internals/MIME.md has the byte layout and the rules measured
// against the system libcurl.
//
// Ownership:
//   * a Mime owns its parts; a part owns its name, filename, type and data copies, its
//     headers when given with take_ownership, and the Mime attached as its subparts;
//   * a callback part's free callback runs when its content is replaced or the part is
//     destroyed; a file part opens its file lazily at the first read and closes it at
//     the end of the part (file data is streamed, never loaded whole);
//   * destroying a Mime that is some part's subparts detaches it from that part first.
// The application's pointers are cast to these types by src/api/form_api.cc.
//
// Thread affinity: the owning easy handle's. read() and rewind() may call the
// application's read and seek callbacks (the caller holds a callback scope).
//
// Tests: tests/unit/http/mime_test.cc, tests/conformance/f_*.c
#ifndef MCURL_HTTP_MIME_H
#define MCURL_HTTP_MIME_H

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mcurl {

class Mime;

// curl_mime_encoder's names; kNone sends the content as it is, without a header.
enum class MimeEncoding : std::uint8_t { kNone, kBinary, k8Bit, k7Bit, kBase64, kQuotedPrintable };

// How one step of reading ended (internal to the reader, exposed for the unit tests).
// kFunny: a read callback returned more than asked; 7.88.1 then loses the whole fill (the
// bytes before it included), so it is reported without them.
enum class MimeStatus : std::uint8_t { kData, kEof, kStop, kPause, kAbort, kError, kFunny };
struct MimeChunk {
  std::size_t n = 0;
  MimeStatus status = MimeStatus::kEof;
};

// What read() returns besides a byte count, in the read-callback convention.
inline constexpr std::size_t kMimeReadError = static_cast<std::size_t>(-1);

// Options of one preparation (the performing handle's CURLOPT_MIME_OPTIONS).
struct MimePrepareOptions {
  bool backslash_escape = false;  // CURLMIMEOPT_FORMESCAPE
};

class MimePart {
 public:
  enum class Kind : std::uint8_t { kNone, kData, kFile, kCallback, kMultipart };

  explicit MimePart(Mime* parent) : parent_(parent) {}
  ~MimePart();
  MimePart(const MimePart&) = delete;
  MimePart& operator=(const MimePart&) = delete;

  // nullptr clears. May throw std::bad_alloc.
  void set_name(const char* name, std::size_t len);
  void set_filename(const char* filename);
  void set_type(const char* type);
  // Returns false for an unknown name (nullptr clears and returns true).
  bool set_encoder(const char* name);
  // Copies `len` bytes; nullptr clears the content.
  void set_data(const char* data, std::size_t len);
  // Returns CURLE_OK, or CURLE_READ_ERROR when the file cannot be read now (the part is
  // still a file part, as in 7.88.1). Also sets the filename to the path's base name.
  CURLcode set_file(const char* path);
  void set_callback(curl_off_t size, curl_read_callback read, curl_seek_callback seek,
                    curl_free_callback free_cb, void* arg);
  // Takes `sub` as this part's content (multipart/mixed unless typed). Returns false
  // when `sub` is attached elsewhere or is this part's root. With take_ownership false
  // the part only refers to `sub` (CURLOPT_MIMEPOST's toppart does that).
  bool set_subparts(Mime* sub, bool take_ownership = true);
  // The part's own headers; taken over (freed with the part) when take_ownership.
  void set_headers(curl_slist* headers, bool take_ownership);

  Kind kind() const noexcept { return kind_; }
  Mime* parent() const noexcept { return parent_; }
  Mime* subparts() const noexcept { return sub_; }
  // The content size after encoding, or -1 when unknown. Tests: MimeSize.*
  curl_off_t encoded_size() const;
  // Deep copy of this part's settings into `to` (for curl_easy_duphandle).
  void copy_to(MimePart& to) const;

 private:
  friend class Mime;
  void clear_content();
  curl_off_t raw_size() const noexcept { return size_; }
  // Renders this part's header block (each line CRLF-terminated, without the blank line)
  // and prepares its subparts. `disposition`: "form-data", or nullptr for "attachment"
  // when named.
  void prepare(const char* disposition, const MimePrepareOptions& opt);
  MimeChunk read_content(char* buf, std::size_t len, bool* hasread);
  MimeChunk read_raw(char* buf, std::size_t len, bool* hasread);
  MimeChunk read_encoded(char* buf, std::size_t len, bool* hasread);
  MimeChunk encode(char* buf, std::size_t len);
  // Back to the start; returns false when a callback part cannot seek.
  bool rewind();

  Mime* parent_;
  Kind kind_ = Kind::kNone;
  MimeEncoding encoding_ = MimeEncoding::kNone;
  bool has_name_ = false, has_filename_ = false, has_type_ = false;
  std::string name_, filename_, type_;
  std::string data_;  // kData bytes, kFile path
  curl_off_t size_ = 0;
  curl_read_callback read_ = nullptr;
  curl_seek_callback seek_ = nullptr;
  curl_free_callback free_ = nullptr;
  void* arg_ = nullptr;
  Mime* sub_ = nullptr;
  bool own_sub_ = false;
  curl_slist* headers_ = nullptr;
  bool own_headers_ = false;

  // Reading state.
  std::string head_;  // "--boundary\r\n" + headers + "\r\n", set by Mime::prepare
  enum class Stage : std::uint8_t { kBegin, kHead, kContent, kTail, kDone };
  Stage stage_ = Stage::kBegin;
  std::size_t off_ = 0;    // into head_ or the tail
  curl_off_t offset_ = 0;  // content bytes read
  std::FILE* fp_ = nullptr;
  // Encoder input buffer (256 bytes as 7.88.1) and output column.
  char in_[256];
  std::size_t beg_ = 0, end_ = 0;
  bool ateof_ = false;
  int pos_ = 0;
};

class Mime {
 public:
  static constexpr std::uint32_t kMagic = 0x6d696d65;  // "mime"
  std::uint32_t magic = kMagic;                        // first member: the facade checks it

  explicit Mime(void* easy);
  ~Mime();
  Mime(const Mime&) = delete;
  Mime& operator=(const Mime&) = delete;

  // A new empty part at the end. May throw std::bad_alloc.
  MimePart* add_part();
  const std::string& boundary() const noexcept { return boundary_; }
  MimePart* parent() const noexcept { return parent_; }
  void* easy() const noexcept { return easy_; }
  const std::vector<std::unique_ptr<MimePart>>& parts() const noexcept { return parts_; }
  // A deep copy (new boundary) for curl_easy_duphandle. May throw std::bad_alloc.
  std::unique_ptr<Mime> clone() const;

  // --- reading this mime as a body --------------------------------------------------
  // Renders every part's headers for a body whose Content-Type is `content_type`
  // (parts under multipart/form-data get "form-data" dispositions), restarts the reader
  // and returns the header line for the request ("multipart/form-data; boundary=...").
  std::string prepare(std::string_view content_type, const MimePrepareOptions& opt);
  // The body size, or -1 when some part's size is unknown (then it goes chunked).
  curl_off_t size() const;
  // Back to the first byte (the seek callbacks of parts already read are called).
  // Returns false when a part cannot seek back.
  bool rewind();
  // Fills up to `len` bytes; returns the count (0 at the end), or CURL_READFUNC_ABORT,
  // CURL_READFUNC_PAUSE, or kMimeReadError (a part failed: unreadable file, 7bit data
  // with the high bit set, a callback returning too much). Calls each read callback at
  // most once per call, as 7.88.1. Tests: MimeRead.*
  std::size_t read(char* buf, std::size_t len);

 private:
  friend class MimePart;
  MimeChunk read_body(char* buf, std::size_t len, bool* hasread);
  bool is_ancestor_or_self(const Mime* m) const noexcept;

  void* easy_;
  std::string boundary_;
  std::vector<std::unique_ptr<MimePart>> parts_;
  MimePart* parent_ = nullptr;
  // Reading state: the current part and the closing delimiter's offset.
  std::size_t cur_ = 0;
  std::size_t off_ = 0;
  std::string close_;  // "--boundary--\r\n"
  bool touched_ = false;
};

// The Content-Type libcurl 7.88.1 picks for a file name's extension, or nullptr.
const char* mime_type_for_filename(std::string_view filename) noexcept;

}  // namespace mcurl

#endif  // MCURL_HTTP_MIME_H
