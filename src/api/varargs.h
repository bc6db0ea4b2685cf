// Decoding curl_easy_setopt's variable argument, once, by the option number's type range.
//
// Reading a va_list with the wrong type is undefined behaviour, so this is the only place
// that calls va_arg for setopt (STYLE.md §4.8). The type comes from the number's
// CURLOPTTYPE_* base: LONG 0 → long, OBJECTPOINT 10000 → void*, FUNCTIONPOINT 20000 →
// a function pointer, OFF_T 30000 → curl_off_t, BLOB 40000 → struct curl_blob*. A
// number outside every range reads nothing (Kind::None).
#ifndef MCURL_API_VARARGS_H
#define MCURL_API_VARARGS_H

#include <cstdarg>

#include <curl/curl.h>

#include "transfer/options.h"

namespace mcurl::api {

// Reads the one argument that follows `option` from `ap` (advancing it).
OptArg read_setopt_arg(CURLoption option, std::va_list ap) noexcept;

}  // namespace mcurl::api

#endif  // MCURL_API_VARARGS_H
