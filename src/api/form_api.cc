// The mime API (curl_mime_*) and the older form API (curl_formadd, curl_formget,
// curl_formfree), and the WebSocket calls.
//
// Foundation stage: multipart bodies need the transfer engine and arrive with issue 7.
// Until then every constructor reports failure the way libcurl does when it cannot
// allocate or when the feature is compiled out, so callers take their error paths cleanly:
// curl_mime_init and curl_mime_addpart return NULL, setters answer
// CURLE_BAD_FUNCTION_ARGUMENT for the NULL part they can only have, curl_formadd answers
// CURL_FORMADD_DISABLED, and the WebSocket calls CURLE_NOT_BUILT_IN (Debian's 7.88.1 was
// built without WebSockets, so that is its answer too).
#include <curl/curl.h>

#include "api/export.h"

extern "C" {

MCURL_EXPORT curl_mime* curl_mime_init(CURL* /*easy*/) { return nullptr; }
MCURL_SYMVER(curl_mime_init);

MCURL_EXPORT void curl_mime_free(curl_mime* /*mime*/) {}
MCURL_SYMVER(curl_mime_free);

MCURL_EXPORT curl_mimepart* curl_mime_addpart(curl_mime* /*mime*/) { return nullptr; }
MCURL_SYMVER(curl_mime_addpart);

MCURL_EXPORT CURLcode curl_mime_name(curl_mimepart* /*part*/, const char* /*name*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_name);

MCURL_EXPORT CURLcode curl_mime_filename(curl_mimepart* /*part*/, const char* /*filename*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_filename);

MCURL_EXPORT CURLcode curl_mime_type(curl_mimepart* /*part*/, const char* /*mimetype*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_type);

MCURL_EXPORT CURLcode curl_mime_encoder(curl_mimepart* /*part*/, const char* /*encoding*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_encoder);

MCURL_EXPORT CURLcode curl_mime_data(curl_mimepart* /*part*/, const char* /*data*/,
                                     size_t /*datasize*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_data);

MCURL_EXPORT CURLcode curl_mime_filedata(curl_mimepart* /*part*/, const char* /*filename*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_filedata);

MCURL_EXPORT CURLcode curl_mime_data_cb(curl_mimepart* /*part*/, curl_off_t /*datasize*/,
                                        curl_read_callback /*readfunc*/,
                                        curl_seek_callback /*seekfunc*/,
                                        curl_free_callback /*freefunc*/, void* /*arg*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_data_cb);

MCURL_EXPORT CURLcode curl_mime_subparts(curl_mimepart* /*part*/, curl_mime* /*subparts*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_subparts);

MCURL_EXPORT CURLcode curl_mime_headers(curl_mimepart* /*part*/, struct curl_slist* /*headers*/,
                                        int /*take_ownership*/) {
  return CURLE_BAD_FUNCTION_ARGUMENT;
}
MCURL_SYMVER(curl_mime_headers);

MCURL_EXPORT CURLFORMcode curl_formadd(struct curl_httppost** /*first*/,
                                       struct curl_httppost** /*last*/, ...) {
  return CURL_FORMADD_DISABLED;
}
MCURL_SYMVER(curl_formadd);

MCURL_EXPORT int curl_formget(struct curl_httppost* /*form*/, void* /*arg*/,
                              curl_formget_callback /*append*/) {
  return CURLE_NOT_BUILT_IN;  // 7.88.1 returns a CURLcode through the int when it fails
}
MCURL_SYMVER(curl_formget);

MCURL_EXPORT void curl_formfree(struct curl_httppost* /*form*/) {}
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
