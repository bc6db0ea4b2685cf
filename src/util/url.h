// class Url: an RFC 3986 URL with libcurl 7.88.1's CURLU semantics.
//
// This is the one URL parser of the library: curl_url_* (src/api/url_api.cc) is a thin
// shell around it, and the transfer code uses it for CURLOPT_URL and for redirects
// (setting CURLUPART_URL on a Url that already holds a URL resolves a relative one).
//
// A Url keeps its parts separately, each either absent or a string: scheme, user,
// password, options, host, zone id, port, path, query and fragment. set() and get() take
// and return the same CURLUcode values, in the same situations, as curl_url_set() and
// curl_url_get() of libcurl 7.88.1 (man 3 curl_url_set, man 3 curl_url_get), including
// that version's quirks, which applications and the conformance suite can observe:
//   - get(CURLUPART_URL) of a host that holds "%" writes "%25" for it and keeps the
//     encoded host (so every further get encodes it once more);
//   - get(CURLUPART_PATH) of a Url without a path stores "/" as its path;
//   - a "file:" URL whose path is only "/" has no path; building it prints "(nil)";
//   - IDN: non-ASCII host names are kept as given; CURLU_PUNYCODE converts them only in a
//     UTF-8 locale (see url_detail::host_to_punycode) and otherwise fails with
//     CURLUE_OUT_OF_MEMORY, which is what 7.88.1 with libidn2 answers in the C locale.
//
// Strings never contain NUL bytes: values come from C strings and decoding for get()
// rejects control bytes.
//
// Thread affinity: none inside; one Url must not be used by two threads at once (get()
// may change it, see above).
// Tests: tests/unit/util/url_test.cc, tests/conformance/url_api.c
#ifndef MCURL_UTIL_URL_H
#define MCURL_UTIL_URL_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <curl/curl.h>

namespace mcurl {

// The longest URL or part libcurl accepts (CURLUE_MALFORMED_INPUT beyond).
inline constexpr std::size_t kMaxUrlLength = 8000000;
// The longest scheme name.
inline constexpr std::size_t kMaxSchemeLength = 40;

// A scheme that libcurl 7.88.1 (Debian build) knows, with its default port.
struct SchemeInfo {
  std::string_view name;  // lower case
  unsigned short default_port;
  bool url_options;  // the URL's login may carry ";options" (IMAP, POP3, SMTP)
};

// Returns the scheme named `name` (compared case-insensitively), or nullptr when libcurl
// 7.88.1 does not know it. The result points at static storage.
const SchemeInfo* find_scheme(std::string_view name) noexcept;

class Url {
 public:
  Url() = default;
  Url(const Url&) = default;
  Url& operator=(const Url&) = default;
  Url(Url&&) noexcept = default;
  Url& operator=(Url&&) noexcept = default;

  // Sets `part` from the NUL-terminated `value` with the CURLU_* `flags`, exactly as
  // curl_url_set(). A null `value` clears the part (CURLUPART_URL: every part).
  // CURLUPART_URL parses a whole URL; when the Url already holds a URL and `value` is
  // relative, the two are combined first (a redirect). On failure the Url is unchanged,
  // except where 7.88.1 also changes it (a rejected host still clears the zone id).
  // Returns CURLUE_OK or the CURLUcode 7.88.1 returns for this input. May throw
  // std::bad_alloc.
  CURLUcode set(CURLUPart part, const char* value, unsigned int flags);

  // Gets `part` with the CURLU_* `flags`, exactly as curl_url_get(). On CURLUE_OK `out`
  // holds the string. On an error `out` is normally empty (nullopt); the single exception
  // is 7.88.1's CURLU_PUNYCODE failure on a host part, which returns CURLUE_OUT_OF_MEMORY
  // with `out` set. Not const: see the quirks above. May throw std::bad_alloc.
  CURLUcode get(CURLUPart part, std::optional<std::string>& out, unsigned int flags);

  // Convenience for engine code: the whole URL (get(CURLUPART_URL, flags)).
  CURLUcode to_string(std::string& out, unsigned int flags = 0);

  // Read-only views of the stored parts (as stored: still URL-encoded).
  const std::optional<std::string>& scheme() const noexcept { return scheme_; }
  const std::optional<std::string>& user() const noexcept { return user_; }
  const std::optional<std::string>& password() const noexcept { return password_; }
  const std::optional<std::string>& options() const noexcept { return options_; }
  const std::optional<std::string>& host() const noexcept { return host_; }
  const std::optional<std::string>& zoneid() const noexcept { return zoneid_; }
  const std::optional<std::string>& port() const noexcept { return port_; }
  const std::optional<std::string>& path() const noexcept { return path_; }
  const std::optional<std::string>& query() const noexcept { return query_; }
  const std::optional<std::string>& fragment() const noexcept { return fragment_; }
  // The port as a number (0 when none was set).
  long port_number() const noexcept { return port_number_; }

  // Forgets every part.
  void clear() noexcept { *this = Url(); }

 private:
  // Parses a whole URL into this (empty) Url.
  CURLUcode parse(std::string_view url, unsigned int flags);
  CURLUcode parse_authority(std::string_view auth, unsigned int flags, bool has_scheme);
  CURLUcode parse_login(std::string_view login, unsigned int flags);
  CURLUcode parse_port(std::string& host, bool has_scheme);
  CURLUcode get_url(std::optional<std::string>& out, unsigned int flags);
  CURLUcode set_url(const char* value, unsigned int flags);

  std::optional<std::string> scheme_;
  std::optional<std::string> user_;
  std::optional<std::string> password_;
  std::optional<std::string> options_;
  std::optional<std::string> host_;
  std::optional<std::string> zoneid_;
  std::optional<std::string> port_;
  std::optional<std::string> path_;
  std::optional<std::string> query_;
  std::optional<std::string> fragment_;
  long port_number_ = 0;
};

namespace url_detail {

// Exposed for unit tests only.

// RFC 3986 section 5.2.4 "remove dot segments" with 7.88.1's details; `path` holds no
// query and no fragment.
std::string remove_dot_segments(std::string_view path);

// libcurl's numeric IPv4 forms (a, a.b, a.b.c, a.b.c.d; decimal, 0octal, 0xhex): returns
// the dotted-quad text, or nullopt when `host` is not such a number.
std::optional<std::string> normalize_ipv4(const std::string& host);

// Resolves `relative` against the absolute `base` the way 7.88.1 follows redirects.
std::string resolve_relative(std::string_view base, std::string_view relative);

// RFC 3492 Punycode of one label given as Unicode code points (without "xn--"), or
// nullopt on overflow. Tests: tests/unit/util/url_test.cc (UrlPunycode.*)
std::optional<std::string> punycode_encode(const std::u32string& label);

// CURLU_PUNYCODE for a non-ASCII host (src/util/url_idn.cc). libcurl 7.88.1 asks libidn2,
// which reads the host in the process locale's character set: in the C locale every
// non-ASCII host fails. In a UTF-8 locale the host is lower-cased (towlower) and each
// non-ASCII label becomes "xn--" + Punycode; labels that start or end with "-" and
// invalid UTF-8 fail. Unicode normalisation (NFC) and the UTS #46 multi-character mappings
// are not done. Returns nullopt on failure (7.88.1 then answers CURLUE_OUT_OF_MEMORY).
std::optional<std::string> host_to_punycode(std::string_view host);

}  // namespace url_detail

}  // namespace mcurl

#endif  // MCURL_UTIL_URL_H
