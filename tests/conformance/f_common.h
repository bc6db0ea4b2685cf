/* Helpers shared by the f_* (forms) conformance cases: a scratch directory with fixed
 * file names (the names show in the requests), a perform that prints what both
 * libraries must agree on, and boundary normalisation for printed bodies. */
#ifndef F_COMMON_H
#define F_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/conf.h"

static char f_dir[64];

/* Creates a fresh directory and the file NAME in it with LEN bytes of DATA; returns the
 * path (static storage per call slot). */
static const char *f_file(const char *name, const char *data, size_t len) {
  static char paths[8][128];
  static int slot;
  char *p = paths[slot++ % 8];
  FILE *f;
  if (!f_dir[0]) {
    strcpy(f_dir, "/tmp/mcurl_fXXXXXX");
    if (!mkdtemp(f_dir)) {
      perror("mkdtemp");
      exit(2);
    }
  }
  snprintf(p, 128, "%s/%s", f_dir, name);
  f = fopen(p, "wb");
  if (!f) {
    perror("fopen");
    exit(2);
  }
  fwrite(data, 1, len, f);
  fclose(f);
  return p;
}

static void f_cleanup_files(void) {
  char cmd[128];
  if (!f_dir[0]) return;
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", f_dir);
  if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
}

/* Performs and prints the code, the response code and the upload figures. */
static CURLcode f_perform(CURL *e, const char *label) {
  long code = -1;
  curl_off_t up = -1, clu = -2;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(e, CURLINFO_SIZE_UPLOAD_T, &up);
  curl_easy_getinfo(e, CURLINFO_CONTENT_LENGTH_UPLOAD_T, &clu);
  printf("%-16s perform %d response %ld size_upload %lld content_length_upload %lld\n", label,
         (int)rc, code, (long long)up, (long long)clu);
  return rc;
}

/* Prints N bytes with every boundary ("-" x24 + 16 hex digits) replaced. */
static void f_print_normalised(const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t d = 0, h = 0;
    while (i + d < n && p[i + d] == '-') d++;
    if (d >= 24) {
      while (i + d + h < n && h < 16 && strchr("0123456789abcdef", p[i + d + h]) && p[i + d + h])
        h++;
      if (h == 16) {
        fwrite(p + i, 1, d, stdout);
        fputs("BOUNDARY", stdout);
        i += d + h;
        continue;
      }
    }
    if (d > 0) {
      fwrite(p + i, 1, d, stdout);
      i += d;
      continue;
    }
    if (p[i] == '\r') {
      fputs("\\r", stdout);
    } else if (p[i] == '\n') {
      fputs("\\n\n", stdout);
    } else if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] >= 0x7f) {
      printf("\\x%02x", (unsigned char)p[i]);
    } else {
      putchar(p[i]);
    }
    i++;
  }
}

#endif
