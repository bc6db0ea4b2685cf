/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * typecheck-gcc.h: compile-time argument checks for GCC (C only).
 *
 * curl.h includes this file for GCC >= 4.3 when compiling C, unless
 * CURL_DISABLE_TYPECHECK is defined. curl_easy_setopt and
 * curl_easy_getinfo become macros that, when the option is a constant
 * and optimisation is on, warn about an argument of the wrong type; the
 * call itself is unchanged. Every argument is evaluated exactly once:
 * 'value' and 'arg' appear only inside __typeof__ besides the real call.
 *
 * The checks are deliberately narrow (they never fire where libcurl
 * 7.88.1's own checks stay silent):
 *   setopt  long options (0..9999)       value of an integer type up to long
 *           curl_off_t options (30001..) value of type curl_off_t
 *   getinfo each CURLINFO_* class        pointer to the matching type
 */
#ifndef CURLINC_TYPECHECK_GCC_H
#define CURLINC_TYPECHECK_GCC_H

/* curl.h may already have defined plain pass-through versions. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_share_setopt
#undef curl_multi_setopt

#if defined(__GNUC__) && !defined(__clang__) && !defined(__cplusplus)

/* A call to one of these survives optimisation only on a type mismatch,
   and then GCC prints the message. */
#define MCURL_TC_WARNFN_(name, text)                                    \
  static void __attribute__((__warning__(text)))                        \
  __attribute__((__unused__)) __attribute__((__noinline__))             \
  name(void) { __asm__(""); }

MCURL_TC_WARNFN_(mcurl_tc_setopt_long_,
  "curl_easy_setopt expects a long argument for this option")
MCURL_TC_WARNFN_(mcurl_tc_setopt_off_t_,
  "curl_easy_setopt expects a curl_off_t argument for this option")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_string_,
  "curl_easy_getinfo expects a pointer to char * for this info")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_long_,
  "curl_easy_getinfo expects a pointer to long for this info")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_double_,
  "curl_easy_getinfo expects a pointer to double for this info")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_slist_,
  "curl_easy_getinfo expects a pointer to struct curl_slist * for this info")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_socket_,
  "curl_easy_getinfo expects a pointer to curl_socket_t for this info")
MCURL_TC_WARNFN_(mcurl_tc_getinfo_off_t_,
  "curl_easy_getinfo expects a pointer to curl_off_t for this info")

/* Type tests. They only look at __typeof__(e), never evaluate e. */
#define MCURL_TC_IS_(e, T) __builtin_types_compatible_p(__typeof__(e), T)

/* Integer types that reach a variadic long parameter correctly enough. */
#define MCURL_TC_LONGISH_(e)                                            \
  (MCURL_TC_IS_(e, long) || MCURL_TC_IS_(e, unsigned long) ||           \
   MCURL_TC_IS_(e, int) || MCURL_TC_IS_(e, unsigned int) ||             \
   MCURL_TC_IS_(e, short) || MCURL_TC_IS_(e, unsigned short) ||         \
   MCURL_TC_IS_(e, char) || MCURL_TC_IS_(e, signed char) ||             \
   MCURL_TC_IS_(e, unsigned char))

/* A pointer to T: NULL (any void *), T *, const T * or an array of T.
   Note that for T = char *, "const T *" reads const char **. */
#define MCURL_TC_POINTS_TO_(e, T)                                       \
  (MCURL_TC_IS_(e, void *) || MCURL_TC_IS_(e, const void *) ||          \
   MCURL_TC_IS_(e, T *) || MCURL_TC_IS_(e, const T *) ||                \
   MCURL_TC_IS_(e, T []))

#define curl_easy_setopt(handle, option, value)                         \
  __extension__({                                                       \
    CURLoption mcurl_tc_opt_ = (option);                                \
    if(__builtin_constant_p(mcurl_tc_opt_)) {                           \
      if(0 < mcurl_tc_opt_ && mcurl_tc_opt_ < CURLOPTTYPE_OBJECTPOINT)  \
        if(!MCURL_TC_LONGISH_(value))                                   \
          mcurl_tc_setopt_long_();                                      \
      if(CURLOPTTYPE_OFF_T < mcurl_tc_opt_ &&                           \
         mcurl_tc_opt_ < CURLOPTTYPE_BLOB)                              \
        if(!MCURL_TC_IS_(value, curl_off_t))                            \
          mcurl_tc_setopt_off_t_();                                     \
    }                                                                   \
    curl_easy_setopt(handle, mcurl_tc_opt_, value);                     \
  })

#define curl_easy_getinfo(handle, info, arg)                            \
  __extension__({                                                       \
    CURLINFO mcurl_tc_info_ = (info);                                   \
    if(__builtin_constant_p(mcurl_tc_info_)) {                          \
      if(CURLINFO_STRING < mcurl_tc_info_ &&                            \
         mcurl_tc_info_ < CURLINFO_LONG &&                              \
         mcurl_tc_info_ != CURLINFO_PRIVATE)                            \
        if(!MCURL_TC_POINTS_TO_(arg, char *))                           \
          mcurl_tc_getinfo_string_();                                   \
      if(CURLINFO_LONG < mcurl_tc_info_ &&                              \
         mcurl_tc_info_ < CURLINFO_DOUBLE)                              \
        if(!MCURL_TC_POINTS_TO_(arg, long))                             \
          mcurl_tc_getinfo_long_();                                     \
      if(CURLINFO_DOUBLE < mcurl_tc_info_ &&                            \
         mcurl_tc_info_ < CURLINFO_SLIST)                               \
        if(!MCURL_TC_POINTS_TO_(arg, double))                           \
          mcurl_tc_getinfo_double_();                                   \
      if(mcurl_tc_info_ == CURLINFO_SSL_ENGINES ||                      \
         mcurl_tc_info_ == CURLINFO_COOKIELIST)                         \
        if(!MCURL_TC_POINTS_TO_(arg, struct curl_slist *))              \
          mcurl_tc_getinfo_slist_();                                    \
      if(CURLINFO_SOCKET < mcurl_tc_info_ &&                            \
         mcurl_tc_info_ < CURLINFO_OFF_T)                               \
        if(!MCURL_TC_POINTS_TO_(arg, curl_socket_t))                    \
          mcurl_tc_getinfo_socket_();                                   \
      if(CURLINFO_OFF_T < mcurl_tc_info_)                               \
        if(!MCURL_TC_POINTS_TO_(arg, curl_off_t))                       \
          mcurl_tc_getinfo_off_t_();                                    \
    }                                                                   \
    curl_easy_getinfo(handle, mcurl_tc_info_, arg);                     \
  })

#else /* not GCC's C compiler: only insist on three arguments */

#define curl_easy_setopt(handle,opt,param) curl_easy_setopt(handle,opt,param)
#define curl_easy_getinfo(handle,info,arg) curl_easy_getinfo(handle,info,arg)

#endif /* GCC C */

/* Both of these only insist on exactly three arguments. */
#define curl_share_setopt(share,opt,param) curl_share_setopt(share,opt,param)
#define curl_multi_setopt(handle,opt,param) curl_multi_setopt(handle,opt,param)

#endif /* CURLINC_TYPECHECK_GCC_H */
