/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * easy.h: the easy interface (one transfer per handle).
 * Included by curl.h; do not include it on its own. */
#ifndef CURLINC_EASY_H
#define CURLINC_EASY_H

#ifdef __cplusplus
extern "C" {
#endif

/* curl_blob.flags: copy the data into the handle, or keep the pointer. */
#define CURL_BLOB_COPY   1
#define CURL_BLOB_NOCOPY 0

struct curl_blob {
  void *data;
  size_t len;
  unsigned int flags; /* CURL_BLOB_COPY or CURL_BLOB_NOCOPY */
};

CURL_EXTERN CURL *curl_easy_init(void);
CURL_EXTERN CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURL_EXTERN CURLcode curl_easy_perform(CURL *curl);
CURL_EXTERN void curl_easy_cleanup(CURL *curl);
CURL_EXTERN CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...);
CURL_EXTERN CURL *curl_easy_duphandle(CURL *curl);
CURL_EXTERN void curl_easy_reset(CURL *curl);

/* Raw I/O on a connection set up with CURLOPT_CONNECT_ONLY. */
CURL_EXTERN CURLcode curl_easy_recv(CURL *curl, void *buffer, size_t buflen,
                                    size_t *n);
CURL_EXTERN CURLcode curl_easy_send(CURL *curl, const void *buffer,
                                    size_t buflen, size_t *n);

/* Keep idle connections of this handle alive. */
CURL_EXTERN CURLcode curl_easy_upkeep(CURL *curl);

#ifdef __cplusplus
}
#endif

#endif /* CURLINC_EASY_H */
