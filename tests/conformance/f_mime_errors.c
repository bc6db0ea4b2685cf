/* Multipart bodies that fail while they go out, with 7.88.1's codes and error texts:
 * 7bit data with the high bit set (CURLE_READ_ERROR after the bytes before it), a file
 * that cannot be read (CURLE_READ_ERROR), a data_cb part returning CURL_READFUNC_ABORT
 * (CURLE_ABORTED_BY_CALLBACK) or more than asked (CURLE_READ_ERROR). Then
 * curl_easy_duphandle copies the mime (the copy still sends after the original is
 * freed; a data_cb part's free callback runs for each copy) and curl_easy_reset forgets it (a plain GET). Forms (issue 7). */
/* server: scripts/f_mime_errors.script */
/* requests: not compared */
#include "f_common.h"

static size_t cb_abort(char *buf, size_t size, size_t n, void *arg) {
  (void)buf;
  (void)size;
  (void)n;
  (void)arg;
  return CURL_READFUNC_ABORT;
}
static size_t cb_too_much(char *buf, size_t size, size_t n, void *arg) {
  (void)buf;
  (void)size;
  (void)arg;
  return n + 1;
}

static int frees;
static void count_free(void *arg) {
  (void)arg;
  frees++;
}

static void run(CURL *e, curl_mime *m, const char *label) {
  char err[CURL_ERROR_SIZE];
  err[0] = 0;
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, label);
  printf("  error \"%s\"\n", err);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, NULL);
}

int main(int argc, char **argv) {
  CURL *e, *dup;
  curl_mime *m;
  curl_mimepart *p;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/err"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "seven");
  curl_mime_encoder(p, "7bit");
  curl_mime_data(p, "caf\xc3\xa9", CURL_ZERO_TERMINATED);
  run(e, m, "7bit high bit");
  curl_mime_free(m);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "missing");
  printf("filedata %d\n", curl_mime_filedata(p, "/nonexistent/dir/file.txt"));
  run(e, m, "missing file");
  curl_mime_free(m);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "abort");
  curl_mime_data_cb(p, 10, cb_abort, NULL, NULL, NULL);
  run(e, m, "callback abort");
  curl_mime_free(m);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "much");
  curl_mime_data_cb(p, -1, cb_too_much, NULL, NULL, NULL);
  run(e, m, "callback too much");
  curl_mime_free(m);

  /* duphandle copies the mime; reset forgets it */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "copied");
  curl_mime_data(p, "still here", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "empty callback");
  curl_mime_data_cb(p, 0, cb_abort, NULL, count_free, NULL);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  dup = curl_easy_duphandle(e);
  curl_mime_free(m);
  printf("frees after the original %d\n", frees);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, NULL);
  f_perform(dup, "duplicate");
  curl_easy_reset(dup);
  curl_easy_setopt(dup, CURLOPT_URL, conf_url("/after-reset"));
  curl_easy_setopt(dup, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(dup, CURLOPT_WRITEDATA, stderr);
  f_perform(dup, "after reset");
  printf("frees after reset %d\n", frees);
  curl_easy_cleanup(dup);
  printf("frees after cleanup %d\n", frees);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
