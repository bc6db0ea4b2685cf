// Request head serialisation: see http1_request.h. Order of the internal headers, as
// measured on 7.88.1: Host, Authorization, Range (GET/HEAD) or Content-Range
// (POST/PUT), User-Agent, Accept, Accept-Encoding, Referer, Transfer-Encoding: chunked,
// Cookie, the time condition, the custom headers, then Content-Length, Content-Type (POST)
// and Expect.
// Tests: tests/unit/http/http1_request_test.cc
#include "http/http1_request.h"

#include <charconv>
#include <cstring>

#include "util/strcase.h"

namespace mcurl {
namespace {

constexpr bool is_c_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

void append_int(std::string& out, long long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_2d(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name);
  out.append(": ");
  out.append(value);
  out.append("\r\n");
}

// Case-insensitive substring search, as libcurl's header-content check does it (the
// value ends at the first CR or LF).
bool value_has(std::string_view value, std::string_view needle) noexcept {
  std::size_t end = 0;  // not find_first_of: that calls memchr for every byte
  while (end < value.size() && value[end] != '\r' && value[end] != '\n') ++end;
  value = value.substr(0, end);
  for (std::size_t i = 0; i + needle.size() <= value.size(); ++i) {
    if (iequals(value.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Decides how one CURLOPT_HTTPHEADER entry goes out: returns false when it is not sent,
// else the bytes to send (before "\r\n") in *line, and *semicolon when "Name;" became
// "Name:" (then *line is only the name and the caller adds ':').
bool custom_line(const char* entry, std::string_view* line, bool* semicolon) {
  std::string_view h(entry);
  *semicolon = false;
  std::size_t colon = h.find(':');
  if (colon == std::string_view::npos) {
    std::size_t semi = h.find(';');
    // Only "Name;" exactly: anything after the ';', blanks included, drops the entry.
    if (semi == std::string_view::npos || semi + 1 != h.size() || semi == 0) return false;
    *semicolon = true;
    *line = h.substr(0, semi);
    return true;
  }
  if (colon == 0) return false;  // no name
  std::size_t v = colon + 1;
  while (v < h.size() && is_c_space(h[v])) ++v;
  if (v == h.size()) return false;  // "Name:" (blank value): the removal form
  *line = h;
  return true;
}

const char* method_of(const RequestSpec& spec) {
  switch (spec.kind) {
    case HttpReq::kHead:
      return "HEAD";
    case HttpReq::kPost:
      return "POST";
    case HttpReq::kPut:
      return "PUT";
    case HttpReq::kGet:
      break;
  }
  return "GET";
}

}  // namespace

const char* find_custom_header(const curl_slist* list, std::string_view name) noexcept {
  for (; list != nullptr; list = list->next) {
    const char* d = list->data;
    if (d == nullptr) continue;
    std::size_t n = std::strlen(d);
    if (n > name.size() && iequals(std::string_view(d, name.size()), name) &&
        (d[name.size()] == ':' || d[name.size()] == ';')) {
      return d;
    }
  }
  return nullptr;
}

void append_http_date(std::string& out, std::int64_t t) {
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  // Civil date from a day count (proleptic Gregorian, 400-year eras starting in March).
  std::int64_t z = days + 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int mday = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int mon = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  std::int64_t year = yoe + era * 400 + (mon <= 2 ? 1 : 0);
  std::int64_t wd = days % 7;
  if (wd < 0) wd += 7;

  out.append(kDays[wd]);
  out.append(", ");
  append_2d(out, mday);
  out.push_back(' ');
  out.append(kMonths[mon - 1]);
  out.push_back(' ');
  char ybuf[24];
  auto r = std::to_chars(ybuf, ybuf + sizeof ybuf, static_cast<long long>(year));
  for (auto w = r.ptr - ybuf; w < 4; ++w) out.push_back(' ');  // "%4d"
  out.append(ybuf, r.ptr);
  out.push_back(' ');
  append_2d(out, static_cast<int>(secs / 3600));
  out.push_back(':');
  append_2d(out, static_cast<int>(secs / 60 % 60));
  out.push_back(':');
  append_2d(out, static_cast<int>(secs % 60));
  out.append(" GMT");
}

// Tests: Http1Request.*
CURLcode write_request_head(const RequestSpec& spec, std::string& out, RequestInfo* info,
                            std::string* error_text) {
  const curl_slist* custom = spec.custom_headers;
  const bool has_body = spec.kind == HttpReq::kPost || spec.kind == HttpReq::kPut;
  const bool http10 = spec.http_version == 10;

  // Body framing. A custom Transfer-Encoding decides alone (chunked when it says so).
  bool chunked = false;
  bool internal_te = false;
  if (const char* te = find_custom_header(custom, "Transfer-Encoding")) {
    chunked = value_has(te + std::strlen("Transfer-Encoding") + 1, "chunked");
  } else if (has_body && !spec.content_length.has_value()) {
    if (http10) {
      if (error_text != nullptr) *error_text = "Chunky upload is not supported by HTTP 1.0";
      return CURLE_UPLOAD_FAILED;
    }
    chunked = true;
    internal_te = true;
  }

  // Expect: 100-continue, HTTP/1.1 only: a PUT with a body that is not known to be empty,
  // a POST of unknown size or more than 1 MiB. A custom Expect replaces it.
  bool expect = false;
  bool internal_expect = false;
  if (const char* ex = find_custom_header(custom, "Expect")) {
    expect = value_has(ex + std::strlen("Expect") + 1, "100-continue");
  } else if (!http10 && has_body) {
    const auto& cl = spec.content_length;
    if (spec.kind == HttpReq::kPut) {
      internal_expect = !cl.has_value() || *cl != 0;
    } else {
      internal_expect = !cl.has_value() || *cl > kExpect100Threshold;
    }
    expect = internal_expect;
  }

  std::string_view method = spec.method.empty() ? method_of(spec) : spec.method;
  std::size_t need = method.size() + spec.target.size() + 14 + spec.host.size() + 8 +
                     spec.authorization.size() + 17 + spec.range.size() + 32 +
                     spec.user_agent.size() + 14 + 13 + spec.accept_encoding.size() + 19 +
                     spec.referer.size() + 11 + 28 + 40 + spec.cookie.size() +
                     spec.cookie_jar.size() + 12 + 60 + 40 + 52 + 24 + 2;
  for (const curl_slist* l = custom; l != nullptr; l = l->next) {
    if (l->data != nullptr) need += std::strlen(l->data) + 2;
  }
  for (const curl_slist* l = spec.proxy_headers; l != nullptr; l = l->next) {
    if (l->data != nullptr) need += std::strlen(l->data) + 2;
  }
  need += spec.proxy_authorization.size() + 64;
  out.reserve(out.size() + need);

  out.append(method);
  out.push_back(' ');
  out.append(spec.target);
  out.append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");

  // Host: a custom one is written in this slot, "Host:" plus whatever followed its 5
  // bytes; exactly "Host:" (case-sensitively) drops the header.
  const char* custom_host =
      spec.redirected_to_other_host ? nullptr : find_custom_header(custom, "Host");
  if (custom_host != nullptr) {
    if (std::strcmp(custom_host, "Host:") != 0) {
      out.append("Host:");
      out.append(custom_host + 5);
      out.append("\r\n");
    }
  } else {
    header(out, "Host", spec.host);
  }

  if (!spec.proxy_authorization.empty() &&
      find_custom_header(custom, "Proxy-Authorization") == nullptr &&
      find_custom_header(spec.proxy_headers, "Proxy-Authorization") == nullptr) {
    header(out, "Proxy-Authorization", spec.proxy_authorization);
  }
  if (!spec.authorization.empty() && find_custom_header(custom, "Authorization") == nullptr) {
    header(out, "Authorization", spec.authorization);
  }

  if (!spec.range.empty()) {
    if (!has_body) {
      if (find_custom_header(custom, "Range") == nullptr) {
        out.append("Range: bytes=");
        out.append(spec.range);
        out.append("\r\n");
      }
    } else if (find_custom_header(custom, "Content-Range") == nullptr) {
      out.append("Content-Range: bytes ");
      out.append(spec.range);
      out.push_back('/');
      append_int(out, spec.content_length.value_or(-1));
      out.append("\r\n");
    }
  }

  if (!spec.user_agent.empty() && find_custom_header(custom, "User-Agent") == nullptr) {
    header(out, "User-Agent", spec.user_agent);
  }
  if (find_custom_header(custom, "Accept") == nullptr) out.append("Accept: */*\r\n");
  // CURLOPT_TRANSFER_ENCODING asks for a compressed transfer coding. 7.88.1 writes its
  // "Connection: TE" here, with a custom Connection value in front ("Connection: close,
  // TE"), and then leaves the custom Connection header out; a custom TE header wins.
  const bool internal_te_gzip =
      spec.transfer_encoding && find_custom_header(custom, "TE") == nullptr;
  if (internal_te_gzip) {
    out.append("Connection: ");
    if (const char* conn = find_custom_header(custom, "Connection")) {
      const char* v = conn + std::strlen("Connection") + 1;
      while (*v == ' ' || *v == '\t') ++v;
      if (*v != '\0') {
        out.append(v);
        out.append(", ");
      }
    }
    out.append("TE\r\nTE: gzip\r\n");
  }
  if (!spec.accept_encoding.empty() && find_custom_header(custom, "Accept-Encoding") == nullptr) {
    header(out, "Accept-Encoding", spec.accept_encoding);
  }
  // An empty REFERER still sends the header, empty (7.88.1); unset (null view) sends none.
  if (spec.referer.data() != nullptr && find_custom_header(custom, "Referer") == nullptr) {
    header(out, "Referer", spec.referer);
  }
  if (spec.proxy_keepalive && find_custom_header(custom, "Proxy-Connection") == nullptr &&
      find_custom_header(spec.proxy_headers, "Proxy-Connection") == nullptr) {
    out.append("Proxy-Connection: Keep-Alive\r\n");
  }
  if (internal_te) out.append("Transfer-Encoding: chunked\r\n");
  {
    // The jar's cookies go whatever the custom headers say; CURLOPT_COOKIE only without a
    // custom Cookie header (7.88.1).
    const bool own = !spec.cookie.empty() && find_custom_header(custom, "Cookie") == nullptr;
    if (!spec.cookie_jar.empty() || own) {
      out.append("Cookie: ");
      out.append(spec.cookie_jar);
      if (own) {
        if (!spec.cookie_jar.empty()) out.append("; ");
        out.append(spec.cookie);
      }
      out.append("\r\n");
    }
  }

  if (spec.time_condition != TimeCondition::kNone) {
    std::string_view name =
        spec.time_condition == TimeCondition::kIfModifiedSince     ? "If-Modified-Since"
        : spec.time_condition == TimeCondition::kIfUnmodifiedSince ? "If-Unmodified-Since"
                                                                   : "Last-Modified";
    if (find_custom_header(custom, name) == nullptr) {
      out.append(name);
      out.append(": ");
      append_http_date(out, spec.time_value);
      out.append("\r\n");
    }
  }

  for (const curl_slist* l = custom; l != nullptr; l = l->next) {
    if (l->data == nullptr) continue;
    std::string_view line;
    bool semicolon = false;
    if (!custom_line(l->data, &line, &semicolon)) continue;
    // Host went out above; these two stay home after a redirect to another host.
    if (semicolon ? iequals(line, "Host") : istarts_with(line, "Host:")) continue;
    if (spec.mime_body &&
        (semicolon ? iequals(line, "Content-Type") : istarts_with(line, "Content-Type:")))
      continue;
    // Merged into "Connection: ..., TE" above.
    if (internal_te_gzip &&
        (semicolon ? iequals(line, "Connection") : istarts_with(line, "Connection:"))) {
      continue;
    }
    if (spec.redirected_to_other_host &&
        (istarts_with(line, "Authorization:") || istarts_with(line, "Cookie:") ||
         (semicolon && (iequals(line, "Authorization") || iequals(line, "Cookie"))))) {
      continue;
    }
    out.append(line);
    out.append(semicolon ? ":\r\n" : "\r\n");
  }
  for (const curl_slist* l = spec.proxy_headers; l != nullptr; l = l->next) {
    std::string_view line;
    bool semicolon = false;
    if (l->data == nullptr || !custom_line(l->data, &line, &semicolon)) continue;
    out.append(line);
    out.append(semicolon ? ":\r\n" : "\r\n");
  }

  if (has_body) {
    if (!chunked && spec.content_length.has_value() &&
        find_custom_header(custom, "Content-Length") == nullptr) {
      out.append("Content-Length: ");
      append_int(out, *spec.content_length);
      out.append("\r\n");
    }
    if (spec.mime_body) {
      if (!spec.mime_content_type.empty()) header(out, "Content-Type", spec.mime_content_type);
    } else if (spec.kind == HttpReq::kPost &&
               find_custom_header(custom, "Content-Type") == nullptr) {
      out.append("Content-Type: application/x-www-form-urlencoded\r\n");
    }
    if (internal_expect) out.append("Expect: 100-continue\r\n");
  }
  out.append("\r\n");

  if (info != nullptr) {
    info->chunked_body = chunked;
    info->expect_100 = expect;
  }
  return CURLE_OK;
}

}  // namespace mcurl
