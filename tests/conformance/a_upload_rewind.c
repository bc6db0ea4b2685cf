/* A POST body from the read callback redirected with 307 must be sent again: libcurl
 * rewinds it through CURLOPT_SEEKFUNCTION (OK, FAIL, CANTSEEK), CURLOPT_IOCTLFUNCTION,
 * or fseek on CURLOPT_READDATA when the default fread reader is in use; with a read
 * callback and no way to rewind the transfer fails with CURLE_SEND_FAIL_REWIND and the
 * error text. The server log compares the bodies sent. Callbacks (section Z). */
/* server: scripts/redirect_307.script */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static size_t g_off;
static int g_seek_answer;

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static size_t reader(char *p, size_t sz, size_t n, void *u) {
  size_t left = 5 - g_off;
  (void)u;
  if (left > sz * n) left = sz * n;
  memcpy(p, "hello" + g_off, left);
  g_off += left;
  return left;
}

static int seeker(void *u, curl_off_t offset, int origin) {
  (void)u;
  printf(" seek(%lld, %d) -> %d\n", (long long)offset, origin, g_seek_answer);
  if (g_seek_answer == CURL_SEEKFUNC_OK) g_off = (size_t)offset;
  return g_seek_answer;
}

static curlioerr ioctler(CURL *h, int cmd, void *u) {
  (void)u;
  printf(" ioctl(%s, %d)\n", h ? "easy" : "NULL", cmd);
  g_off = 0;
  return CURLIOE_OK;
}

static void run(const char *label, int mode) {
  CURL *e = curl_easy_init();
  static char eb[CURL_ERROR_SIZE];
  FILE *f = NULL;
  long code = 0, count = -1;
  CURLcode rc;
  printf("%s\n", label);
  g_off = 0;
  eb[0] = 0;
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/r"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, eb);
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 5L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  if (mode == 4) {
    f = tmpfile();
    fputs("hello", f);
    rewind(f);
    curl_easy_setopt(e, CURLOPT_READDATA, f);
  } else {
    curl_easy_setopt(e, CURLOPT_READFUNCTION, reader);
  }
  if (mode <= 2) curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, seeker);
  if (mode == 3) curl_easy_setopt(e, CURLOPT_IOCTLFUNCTION, ioctler);
  g_seek_answer = mode == 0   ? CURL_SEEKFUNC_OK
                  : mode == 1 ? CURL_SEEKFUNC_FAIL
                              : CURL_SEEKFUNC_CANTSEEK;
  rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &count);
  printf(" result=%d [%s] response=%ld redirects=%ld\n", (int)rc, eb, code, count);
  curl_easy_cleanup(e);
  if (f) fclose(f);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("seek callback OK", 0);
  run("seek callback FAIL", 1);
  run("seek callback CANTSEEK", 2);
  run("ioctl callback", 3);
  run("default reader on a FILE", 4);
  run("read callback, nothing to rewind with", 5);
  curl_global_cleanup();
  return 0;
}
