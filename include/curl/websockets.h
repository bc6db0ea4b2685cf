/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * websockets.h: WebSocket frames (experimental in 7.88.1). */
#ifndef CURLINC_WEBSOCKETS_H
#define CURLINC_WEBSOCKETS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Description of the frame being received. */
struct curl_ws_frame {
  int age;              /* struct version, 0 */
  int flags;            /* CURLWS_* bits */
  curl_off_t offset;    /* where this chunk sits in the frame */
  curl_off_t bytesleft; /* of the frame, after this chunk */
  size_t len;           /* of this chunk */
};

/* Frame flags (curl_ws_frame.flags, and sendflags of curl_ws_send). */
#define CURLWS_TEXT   (1<<0)
#define CURLWS_BINARY (1<<1)
#define CURLWS_CONT   (1<<2)
#define CURLWS_CLOSE  (1<<3)
#define CURLWS_PING   (1<<4)
#define CURLWS_OFFSET (1<<5)
#define CURLWS_PONG   (1<<6)

CURL_EXTERN CURLcode curl_ws_recv(CURL *curl, void *buffer, size_t buflen,
                                  size_t *recv,
                                  struct curl_ws_frame **metap);

CURL_EXTERN CURLcode curl_ws_send(CURL *curl, const void *buffer,
                                  size_t buflen, size_t *sent,
                                  curl_off_t framesize,
                                  unsigned int sendflags);

/* Bit for CURLOPT_WS_OPTIONS: hand raw frames to the write callback. */
#define CURLWS_RAW_MODE (1<<0)

/* Frame information, from inside a write callback. */
CURL_EXTERN struct curl_ws_frame *curl_ws_meta(CURL *curl);

#ifdef __cplusplus
}
#endif

#endif /* CURLINC_WEBSOCKETS_H */
