/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * system.h: platform types (curl_off_t, curl_socklen_t) and the helpers
 * to write curl_off_t constants. mcurl targets Linux with GCC or Clang. */
#ifndef CURLINC_SYSTEM_H
#define CURLINC_SYSTEM_H

/* curl_off_t is a 64-bit signed integer: 'long' where long has 64 bits
   (LP64), 'long long' otherwise. */
#if defined(__LP64__) || defined(_LP64) || \
    (defined(__SIZEOF_LONG__) && __SIZEOF_LONG__ == 8)
#  define CURL_TYPEOF_CURL_OFF_T  long
#  define CURL_FORMAT_CURL_OFF_T  "ld"
#  define CURL_FORMAT_CURL_OFF_TU "lu"
#  define CURL_SUFFIX_CURL_OFF_T  L
#  define CURL_SUFFIX_CURL_OFF_TU UL
#  define MCURL_OFF_T_IS_LONG_LONG_ 0
#else
#  define CURL_TYPEOF_CURL_OFF_T  long long
#  define CURL_FORMAT_CURL_OFF_T  "lld"
#  define CURL_FORMAT_CURL_OFF_TU "llu"
#  define CURL_SUFFIX_CURL_OFF_T  LL
#  define CURL_SUFFIX_CURL_OFF_TU ULL
#  define MCURL_OFF_T_IS_LONG_LONG_ 1
#endif

/* Socket lengths come from <sys/socket.h>. */
#define CURL_TYPEOF_CURL_SOCKLEN_T socklen_t
#define CURL_PULL_SYS_TYPES_H  1
#define CURL_PULL_SYS_SOCKET_H 1

#include <sys/types.h>
#include <sys/socket.h>

typedef CURL_TYPEOF_CURL_SOCKLEN_T curl_socklen_t;

#if MCURL_OFF_T_IS_LONG_LONG_ && defined(__GNUC__)
/* keep C89 -pedantic quiet about 'long long' on 32-bit targets */
__extension__ typedef CURL_TYPEOF_CURL_OFF_T curl_off_t;
#else
typedef CURL_TYPEOF_CURL_OFF_T curl_off_t;
#endif
#undef MCURL_OFF_T_IS_LONG_LONG_

/* Every compiler mcurl supports has an ISO C preprocessor (## works). */
#define CURL_ISOCPP

/* CURL_OFF_T_C(123) and CURL_OFF_TU_C(123): constants of curl_off_t width.
   The two-level helper lets the suffix macro expand before pasting. */
#define CURLINC_OFF_T_C_HLPR2(Val,Suffix) Val ## Suffix
#define CURLINC_OFF_T_C_HLPR1(Val,Suffix) CURLINC_OFF_T_C_HLPR2(Val,Suffix)
#define CURL_OFF_T_C(Val)  CURLINC_OFF_T_C_HLPR1(Val,CURL_SUFFIX_CURL_OFF_T)
#define CURL_OFF_TU_C(Val) CURLINC_OFF_T_C_HLPR1(Val,CURL_SUFFIX_CURL_OFF_TU)

#endif /* CURLINC_SYSTEM_H */
