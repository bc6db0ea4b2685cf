// The mime API (curl_mime_*) and the older form API (curl_formadd, curl_formget,
// curl_formfree), and the WebSocket calls.
//
// The mime objects are mcurl::Mime and mcurl::MimePart (src/http/mime.h) behind the
// application's opaque curl_mime / curl_mimepart pointers; the form list is built by
// src/http/form.h. Every call is a guard around one engine call: NULL arguments get
// 7.88.1's answers (CURLE_BAD_FUNCTION_ARGUMENT, NULL), and no exception crosses.
// The WebSocket calls answer CURLE_NOT_BUILT_IN (Debian's 7.88.1 was built without
// WebSockets, so that is its answer too).
// Tests: tests/conformance/f_*.c, tests/unit/http/mime_test.cc
#include <curl/curl.h>

#include <cstdarg>
#include <cstring>

#include "api/export.h"
#include "api/guard.h"
#include "http/form.h"
#include "http/mime.h"

namespace {

mcurl::Mime* mime_of(curl_mime* m) { return reinterpret_cast<mcurl::Mime*>(m); }
mcurl::MimePart* part_of(curl_mimepart* p) { return reinterpret_cast<mcurl::MimePart*>(p); }

// Runs `fn` on the part behind `p`: CURLE_BAD_FUNCTION_ARGUMENT for NULL, out of memory
// for std::bad_alloc.
template <class Fn>
CURLcode with_part(curl_mimepart* p, Fn&& fn) {
  if (p == nullptr) return CURLE_BAD_FUNCTION_ARGUMENT;
  return mcurl::api::guarded<CURLcode>([&]() -> CURLcode { return fn(*part_of(p)); });
}

}  // namespace

extern "C" {

MCURL_EXPORT curl_mime* curl_mime_init(CURL* easy) {
  return mcurl::api::guarded<curl_mime*>(
      [&] { return reinterpret_cast<curl_mime*>(new mcurl::Mime(easy)); });
}
MCURL_SYMVER(curl_mime_init);

MCURL_EXPORT void curl_mime_free(curl_mime* mime) {
  if (mime == nullptr) return;
  mcurl::api::guarded<void>([&] { delete mime_of(mime); });
}
MCURL_SYMVER(curl_mime_free);

MCURL_EXPORT curl_mimepart* curl_mime_addpart(curl_mime* mime) {
  if (mime == nullptr) return nullptr;
  return mcurl::api::guarded<curl_mimepart*>(
      [&] { return reinterpret_cast<curl_mimepart*>(mime_of(mime)->add_part()); });
}
MCURL_SYMVER(curl_mime_addpart);

MCURL_EXPORT CURLcode curl_mime_name(curl_mimepart* part, const char* name) {
  return with_part(part, [&](mcurl::MimePart& p) {
    p.set_name(name, name != nullptr ? std::strlen(name) : 0);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_name);

MCURL_EXPORT CURLcode curl_mime_filename(curl_mimepart* part, const char* filename) {
  return with_part(part, [&](mcurl::MimePart& p) {
    p.set_filename(filename);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_filename);

MCURL_EXPORT CURLcode curl_mime_type(curl_mimepart* part, const char* mimetype) {
  return with_part(part, [&](mcurl::MimePart& p) {
    p.set_type(mimetype);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_type);

MCURL_EXPORT CURLcode curl_mime_encoder(curl_mimepart* part, const char* encoding) {
  return with_part(part, [&](mcurl::MimePart& p) {
    return p.set_encoder(encoding) ? CURLE_OK : CURLE_BAD_FUNCTION_ARGUMENT;
  });
}
MCURL_SYMVER(curl_mime_encoder);

MCURL_EXPORT CURLcode curl_mime_data(curl_mimepart* part, const char* data, size_t datasize) {
  return with_part(part, [&](mcurl::MimePart& p) {
    if (data != nullptr && datasize == CURL_ZERO_TERMINATED) datasize = std::strlen(data);
    p.set_data(data, datasize);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_data);

MCURL_EXPORT CURLcode curl_mime_filedata(curl_mimepart* part, const char* filename) {
  return with_part(part, [&](mcurl::MimePart& p) { return p.set_file(filename); });
}
MCURL_SYMVER(curl_mime_filedata);

MCURL_EXPORT CURLcode curl_mime_data_cb(curl_mimepart* part, curl_off_t datasize,
                                        curl_read_callback readfunc, curl_seek_callback seekfunc,
                                        curl_free_callback freefunc, void* arg) {
  return with_part(part, [&](mcurl::MimePart& p) {
    p.set_callback(datasize, readfunc, seekfunc, freefunc, arg);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_data_cb);

MCURL_EXPORT CURLcode curl_mime_subparts(curl_mimepart* part, curl_mime* subparts) {
  return with_part(part, [&](mcurl::MimePart& p) {
    return p.set_subparts(mime_of(subparts)) ? CURLE_OK : CURLE_BAD_FUNCTION_ARGUMENT;
  });
}
MCURL_SYMVER(curl_mime_subparts);

MCURL_EXPORT CURLcode curl_mime_headers(curl_mimepart* part, struct curl_slist* headers,
                                        int take_ownership) {
  return with_part(part, [&](mcurl::MimePart& p) {
    p.set_headers(headers, take_ownership != 0);
    return CURLE_OK;
  });
}
MCURL_SYMVER(curl_mime_headers);

MCURL_EXPORT CURLFORMcode curl_formadd(struct curl_httppost** first, struct curl_httppost** last,
                                       ...) {
  // 7.88.1 writes through both pointers unchecked; NULL gets an error here instead.
  if (first == nullptr || last == nullptr) return CURL_FORMADD_NULL;
  std::va_list ap;
  va_start(ap, last);
  CURLFORMcode rc =
      mcurl::api::guarded<CURLFORMcode>([&] { return mcurl::form_add(first, last, &ap); });
  va_end(ap);
  return rc;
}
MCURL_SYMVER(curl_formadd);

MCURL_EXPORT int curl_formget(struct curl_httppost* form, void* arg, curl_formget_callback append) {
  // 7.88.1 returns a CURLcode through the int when it fails.
  return mcurl::api::guarded<int>([&] { return mcurl::form_get(form, arg, append); });
}
MCURL_SYMVER(curl_formget);

MCURL_EXPORT void curl_formfree(struct curl_httppost* form) { mcurl::form_free(form); }
MCURL_SYMVER(curl_formfree);

MCURL_EXPORT CURLcode curl_ws_recv(CURL* /*curl*/, void* /*buffer*/, size_t /*buflen*/,
                                   size_t* /*recv*/, struct curl_ws_frame** /*meta*/) {
  return CURLE_NOT_BUILT_IN;  // 7.88.1 leaves the out-parameters alone
}
MCURL_SYMVER(curl_ws_recv);

MCURL_EXPORT CURLcode curl_ws_send(CURL* /*curl*/, const void* /*buffer*/, size_t /*buflen*/,
                                   size_t* /*sent*/, curl_off_t /*fragsize*/,
                                   unsigned int /*sendflags*/) {
  return CURLE_NOT_BUILT_IN;
}
MCURL_SYMVER(curl_ws_send);

MCURL_EXPORT struct curl_ws_frame* curl_ws_meta(CURL* /*curl*/) { return nullptr; }
MCURL_SYMVER(curl_ws_meta);

}  // extern "C"
