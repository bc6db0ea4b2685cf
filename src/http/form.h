// The deprecated form API (curl_formadd, curl_formget, curl_formfree) and its
// conversion to a Mime, as libcurl 7.88.1 does it at the start of each request that
// carries CURLOPT_HTTPPOST. docs/internals/MIME.md has the rules.
//
// Ownership: every curl_httppost this file hands out is allocated here and released
// only by form_free (curl_formfree); the strings it copied live with it; pointers given
// with CURLFORM_PTR*, CURLFORM_BUFFERPTR, CURLFORM_CONTENTHEADER and CURLFORM_STREAM stay
// the application's.
//
// Thread affinity: none (no shared state). mime_from_form's parts may call the
// application's read callback later, when read.
//
// Tests: tests/unit/http/mime_test.cc (Form*), tests/conformance/f_formadd*.c
#ifndef MCURL_HTTP_FORM_H
#define MCURL_HTTP_FORM_H

#include <curl/curl.h>

#include <cstdarg>
#include <memory>

#include "http/mime.h"

namespace mcurl {

// curl_formadd: reads option/value pairs from `*ap` (and CURLFORM_ARRAY arrays) up to
// CURLFORM_END and appends the new entry to the list. Returns CURL_FORMADD_OK or one of
// the CURL_FORMADD_* errors 7.88.1 gives (the list is unchanged then). May throw
// std::bad_alloc (the facade answers CURL_FORMADD_MEMORY).
CURLFORMcode form_add(curl_httppost** first, curl_httppost** last, std::va_list* ap);

// curl_formfree: releases `post`, the entries after it and their file lists. nullptr is
// fine.
void form_free(curl_httppost* post) noexcept;

// Builds the mime tree for a list (one part per entry, several files as a
// multipart/mixed part). `read` is the read callback for CURLFORM_STREAM entries (may be
// nullptr: they read nothing). On failure returns nullptr and sets *result (a file that
// cannot be read: CURLE_READ_ERROR). May throw std::bad_alloc.
std::unique_ptr<Mime> mime_from_form(const curl_httppost* post, void* easy, curl_read_callback read,
                                     CURLcode* result);

// curl_formget: the request body with its Content-Type header line in front, handed to
// `append` in pieces of up to 8 KiB. Returns 0, or a CURLcode (CURLE_READ_ERROR when
// `append` takes less than it was given or a part cannot be read).
int form_get(const curl_httppost* post, void* arg, curl_formget_callback append);

}  // namespace mcurl

#endif  // MCURL_HTTP_FORM_H
