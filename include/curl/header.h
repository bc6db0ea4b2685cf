/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * header.h: reading response headers after (or during) a transfer. */
#ifndef CURLINC_HEADER_H
#define CURLINC_HEADER_H

#ifdef __cplusplus
extern "C" {
#endif

struct curl_header {
  char *name;          /* as it appeared in the response */
  char *value;
  size_t amount;       /* how many headers share this name */
  size_t index;        /* position of this one among them */
  unsigned int origin; /* one CURLH_* bit */
  void *anchor;        /* private to the library */
};

/* Where a header came from (bit mask for 'origin'). */
#define CURLH_HEADER  (1<<0) /* plain response header */
#define CURLH_TRAILER (1<<1) /* trailer after a chunked body */
#define CURLH_CONNECT (1<<2) /* response to a proxy CONNECT */
#define CURLH_1XX     (1<<3) /* informational 1xx response */
#define CURLH_PSEUDO  (1<<4) /* HTTP/2 or /3 pseudo header */

typedef enum {
  CURLHE_OK,
  CURLHE_BADINDEX,
  CURLHE_MISSING,
  CURLHE_NOHEADERS,
  CURLHE_NOREQUEST,
  CURLHE_OUT_OF_MEMORY,
  CURLHE_BAD_ARGUMENT,
  CURLHE_NOT_BUILT_IN
} CURLHcode;

CURL_EXTERN CURLHcode curl_easy_header(CURL *easy,
                                       const char *name,
                                       size_t index,
                                       unsigned int origin,
                                       int request,
                                       struct curl_header **hout);

CURL_EXTERN struct curl_header *curl_easy_nextheader(CURL *easy,
                                                     unsigned int origin,
                                                     int request,
                                                     struct curl_header *prev);

#ifdef __cplusplus
}
#endif

#endif /* CURLINC_HEADER_H */
