/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * stdcheaders.h: declarations of a few C library functions, for old
 * systems that lack them. Not included by curl.h. */
#ifndef CURLINC_STDCHEADERS_H
#define CURLINC_STDCHEADERS_H

#include <sys/types.h>
#include <stdio.h> /* FILE */

size_t fread(void *, size_t, size_t, FILE *);
size_t fwrite(const void *, size_t, size_t, FILE *);

int strcasecmp(const char *, const char *);
int strncasecmp(const char *, const char *, size_t);

#endif /* CURLINC_STDCHEADERS_H */
