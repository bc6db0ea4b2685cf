// The curl_m*printf family (man 3 curl_mprintf): thin wrappers over util/mprintf.h.
// The engine's functions for buffers, files and allocated strings are noexcept; the
// variadic entry points only start and end the va_list around them.
// Tests: tests/unit/util/mprintf_test.cc, tests/conformance/mprintf.c
#include <cstdarg>
#include <cstdio>

#include <curl/curl.h>
#include <curl/mprintf.h>

#include "api/export.h"
#include "util/mprintf.h"

extern "C" {

MCURL_EXPORT int curl_mvsnprintf(char* buffer, size_t maxlength, const char* format, va_list args) {
  return mcurl::vformat_buffer(buffer, maxlength, format, args);
}
MCURL_SYMVER(curl_mvsnprintf);

MCURL_EXPORT int curl_msnprintf(char* buffer, size_t maxlength, const char* format, ...) {
  va_list args;
  va_start(args, format);
  int result = mcurl::vformat_buffer(buffer, maxlength, format, args);
  va_end(args);
  return result;
}
MCURL_SYMVER(curl_msnprintf);

MCURL_EXPORT int curl_mvsprintf(char* buffer, const char* format, va_list args) {
  return mcurl::vformat_unbounded(buffer, format, args);
}
MCURL_SYMVER(curl_mvsprintf);

MCURL_EXPORT int curl_msprintf(char* buffer, const char* format, ...) {
  va_list args;
  va_start(args, format);
  int result = mcurl::vformat_unbounded(buffer, format, args);
  va_end(args);
  return result;
}
MCURL_SYMVER(curl_msprintf);

MCURL_EXPORT int curl_mvfprintf(FILE* fd, const char* format, va_list args) {
  return mcurl::vformat_file(fd, format, args);
}
MCURL_SYMVER(curl_mvfprintf);

MCURL_EXPORT int curl_mfprintf(FILE* fd, const char* format, ...) {
  va_list args;
  va_start(args, format);
  int result = mcurl::vformat_file(fd, format, args);
  va_end(args);
  return result;
}
MCURL_SYMVER(curl_mfprintf);

MCURL_EXPORT int curl_mvprintf(const char* format, va_list args) {
  return mcurl::vformat_file(stdout, format, args);
}
MCURL_SYMVER(curl_mvprintf);

MCURL_EXPORT int curl_mprintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  int result = mcurl::vformat_file(stdout, format, args);
  va_end(args);
  return result;
}
MCURL_SYMVER(curl_mprintf);

// Memory from mcurl::alloc, released with curl_free; NULL when out of memory or when
// the result would reach 8,000,000 bytes.
MCURL_EXPORT char* curl_mvaprintf(const char* format, va_list args) {
  return mcurl::vformat_alloc(format, args);
}
MCURL_SYMVER(curl_mvaprintf);

MCURL_EXPORT char* curl_maprintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  char* result = mcurl::vformat_alloc(format, args);
  va_end(args);
  return result;
}
MCURL_SYMVER(curl_maprintf);

}  // extern "C"
