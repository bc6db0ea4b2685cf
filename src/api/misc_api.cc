// curl_getdate, curl_strequal, curl_strnequal and curl_getenv.
// Tests: tests/unit/util/getdate_test.cc, tests/unit/util/strcase_test.cc,
// tests/conformance/getdate.c
#include <cstdlib>
#include <ctime>

#include <curl/curl.h>

#include "api/export.h"
#include "util/alloc.h"
#include "util/getdate.h"
#include "util/strcase.h"

extern "C" {

// The second argument has been ignored since long before 7.88.1.
MCURL_EXPORT time_t curl_getdate(const char* p, const time_t* /*unused*/) {
  if (p == nullptr) return -1;
  return mcurl::getdate(p);
}
MCURL_SYMVER(curl_getdate);

// 7.88.1: two NULLs are equal; one NULL equals nothing.
MCURL_EXPORT int curl_strequal(const char* s1, const char* s2) {
  if (s1 != nullptr && s2 != nullptr) return mcurl::strequal(s1, s2) ? 1 : 0;
  return (s1 == nullptr && s2 == nullptr) ? 1 : 0;
}
MCURL_SYMVER(curl_strequal);

// 7.88.1: two NULLs are equal only when n is not 0.
MCURL_EXPORT int curl_strnequal(const char* s1, const char* s2, size_t n) {
  if (s1 != nullptr && s2 != nullptr) return mcurl::strnequal(s1, s2, n) ? 1 : 0;
  return (s1 == nullptr && s2 == nullptr && n != 0) ? 1 : 0;
}
MCURL_SYMVER(curl_strnequal);

// A copy for curl_free, or NULL when the variable is unset or empty (7.88.1).
MCURL_EXPORT char* curl_getenv(const char* variable) {
  if (variable == nullptr) return nullptr;
  const char* value = std::getenv(variable);
  if (value == nullptr || value[0] == '\0') return nullptr;
  return mcurl::alloc::strdup(value);
}
MCURL_SYMVER(curl_getenv);

}  // extern "C"
