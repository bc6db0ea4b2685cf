/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * options.h: introspection of the easy options (name, id, argument type). */
#ifndef CURLINC_OPTIONS_H
#define CURLINC_OPTIONS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Argument kind of an option. */
typedef enum {
  CURLOT_LONG,     /* long */
  CURLOT_VALUES,   /* long, one of a set of named values */
  CURLOT_OFF_T,    /* curl_off_t */
  CURLOT_OBJECT,   /* void * */
  CURLOT_STRING,   /* char * (zero terminated) */
  CURLOT_SLIST,    /* struct curl_slist * */
  CURLOT_CBPTR,    /* void * handed to a callback */
  CURLOT_BLOB,     /* struct curl_blob * */
  CURLOT_FUNCTION  /* function pointer */
} curl_easytype;

/* curl_easyoption.flags: this name is an alias of another option. */
#define CURLOT_FLAG_ALIAS (1<<0)

struct curl_easyoption {
  const char *name;   /* without the CURLOPT_ prefix */
  CURLoption id;
  curl_easytype type;
  unsigned int flags;
};

CURL_EXTERN const struct curl_easyoption *
curl_easy_option_by_name(const char *name);

CURL_EXTERN const struct curl_easyoption *
curl_easy_option_by_id(CURLoption id);

/* Iterate: pass NULL first, then the previous result; NULL at the end. */
CURL_EXTERN const struct curl_easyoption *
curl_easy_option_next(const struct curl_easyoption *prev);

#ifdef __cplusplus
}
#endif

#endif /* CURLINC_OPTIONS_H */
