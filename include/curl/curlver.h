/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * curlver.h: the version of the API these headers describe. */
#ifndef CURLINC_CURLVER_H
#define CURLINC_CURLVER_H

/* Who holds the copyright of this library (mcurl; the text differs from libcurl's). */
#define LIBCURL_COPYRIGHT "the mcurl authors, MIT licence"

#define LIBCURL_VERSION       "7.88.1"
#define LIBCURL_VERSION_MAJOR 7
#define LIBCURL_VERSION_MINOR 88
#define LIBCURL_VERSION_PATCH 1

/* 0xMMmmpp: one byte each for major, minor and patch. */
#define LIBCURL_VERSION_NUM   0x075801

/* Release date of the emulated version. */
#define LIBCURL_TIMESTAMP     "2023-02-20"

/* Pack three version parts into the LIBCURL_VERSION_NUM layout. */
#define CURL_VERSION_BITS(x,y,z) ((x)<<16|(y)<<8|(z))

/* True when these headers describe version x.y.z or later. */
#define CURL_AT_LEAST_VERSION(x,y,z) \
  (LIBCURL_VERSION_NUM >= CURL_VERSION_BITS(x, y, z))

#endif /* CURLINC_CURLVER_H */
