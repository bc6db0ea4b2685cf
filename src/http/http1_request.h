// Serialisation of an HTTP/1.x request head, byte for byte as libcurl 7.88.1 writes it:
// the header order, the default headers, and the CURLOPT_HTTPHEADER rules (a custom
// header replaces the internal one of the same name, "Name:" removes it, "Name;" sends an
// empty one, anything else without a colon is ignored). The facts are in
// docs/internals/HTTP1.md; every one was measured against the system libcurl.
//
// Not covered here (the caller builds these or they are not written yet): proxy headers
// (Proxy-Authorization, Proxy-Connection), CURLOPT_TRANSFER_ENCODING's "TE:", resumed
// uploads' Content-Range, authentication negotiation rounds. Multipart posts: the caller
// passes the mime tree's Content-Type value (mime_content_type).
//
// Pure: no I/O, no application callbacks; thread affinity: none.
// Tests: tests/unit/http/http1_request_test.cc
#ifndef MCURL_HTTP_HTTP1_REQUEST_H
#define MCURL_HTTP_HTTP1_REQUEST_H

#include <curl/curl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mcurl {

// What kind of request libcurl thinks it makes (its "httpreq"); CURLOPT_CUSTOMREQUEST
// changes only the method word, not the kind.
enum class HttpReq : std::uint8_t {
  kGet,   // default
  kHead,  // CURLOPT_NOBODY
  kPost,  // CURLOPT_POST / POSTFIELDS (x-www-form-urlencoded unless a custom Content-Type)
  kPut,   // CURLOPT_UPLOAD
};

// CURLOPT_TIMECONDITION.
enum class TimeCondition : std::uint8_t {
  kNone,
  kIfModifiedSince,    // CURL_TIMECOND_IFMODSINCE
  kIfUnmodifiedSince,  // CURL_TIMECOND_IFUNMODSINCE
  kLastModified,       // CURL_TIMECOND_LASTMOD
};

// Everything the head depends on. All views and the list are borrowed for the call only.
// An empty view means "not set".
struct RequestSpec {
  HttpReq kind = HttpReq::kGet;
  std::string_view method;         // CURLOPT_CUSTOMREQUEST; empty: from `kind`
  std::string_view target;         // request target, e.g. "/path?q=1"
  std::string_view host;           // Host value: "host:port" or "host" (caller decides)
  int http_version = 11;           // 10 or 11
  std::string_view authorization;  // value, e.g. "Basic dTpw"
  // Through an HTTP proxy without a tunnel: "Proxy-Authorization" (after Host) and
  // "Proxy-Connection: Keep-Alive" (after Referer), and CURLOPT_PROXYHEADER's lines after
  // the custom ones (CURLHEADER_SEPARATE).
  std::string_view proxy_authorization;
  bool proxy_keepalive = false;
  const curl_slist* proxy_headers = nullptr;
  std::string_view range;            // CURLOPT_RANGE, e.g. "0-99"
  std::string_view user_agent;       // CURLOPT_USERAGENT
  std::string_view accept_encoding;  // the expanded list ("" option: caller expands)
  // CURLOPT_TRANSFER_ENCODING: "Connection: TE" (merged with a custom Connection value)
  // and "TE: gzip", unless a custom TE header is given.
  bool transfer_encoding = false;
  std::string_view referer;     // CURLOPT_REFERER / auto-referer; null view: none
  std::string_view cookie;      // CURLOPT_COOKIE
  std::string_view cookie_jar;  // the jar's cookies for this request ("a=b; c=d")
  TimeCondition time_condition = TimeCondition::kNone;
  std::int64_t time_value = 0;  // CURLOPT_TIMEVALUE(_LARGE), seconds since the epoch
  // POST/PUT body size; nullopt: unknown (sent chunked on HTTP/1.1).
  std::optional<curl_off_t> content_length;
  const curl_slist* custom_headers = nullptr;  // CURLOPT_HTTPHEADER
  // A multipart POST (MIMEPOST / HTTPPOST): no urlencoded Content-Type; instead
  // "Content-Type: <mime_content_type>" when not empty, and custom Content-Type lines are
  // left out (the mime code folded them into this value, as 7.88.1 does).
  bool mime_body = false;
  std::string_view mime_content_type;
  // After a redirect to another host (without CURLOPT_UNRESTRICTED_AUTH): custom
  // "Authorization:"/"Cookie:" headers are not sent and a custom Host is ignored.
  bool redirected_to_other_host = false;
};

// What the caller must know about the head it got.
struct RequestInfo {
  bool chunked_body = false;  // send the body with chunked framing
  bool expect_100 = false;    // "Expect: 100-continue" went out (internal or custom)
};

// Payload size above which a POST asks "Expect: 100-continue".
inline constexpr curl_off_t kExpect100Threshold = 1024 * 1024;

// Appends the request head (request line to the blank line) to `out`, reserving the
// space first. Returns CURLE_OK, or CURLE_UPLOAD_FAILED with *error_text = "Chunky upload
// is not supported by HTTP 1.0" for an unknown-size body on HTTP/1.0 (out unchanged then).
// Tests: Http1Request.*
CURLcode write_request_head(const RequestSpec& spec, std::string& out, RequestInfo* info,
                            std::string* error_text);

// The first custom header whose name is `name` (ASCII case ignored) followed by ':' or
// ';', as libcurl looks them up; nullptr when none.
const char* find_custom_header(const curl_slist* list, std::string_view name) noexcept;

// Appends "Www, DD Mon YYYY HH:MM:SS GMT" for `t` (what time-condition headers carry).
void append_http_date(std::string& out, std::int64_t t);

}  // namespace mcurl

#endif  // MCURL_HTTP_HTTP1_REQUEST_H
