/* How a multipart body is cut into upload buffers, seen through CURLOPT_DEBUGFUNCTION's
 * DATA_OUT sizes and the read callback's calls: a body of unknown size goes chunked
 * (each read callback and each file read once per buffer fill, data parts copied in
 * full), a body over 1 MiB asks Expect: 100-continue, and a small
 * CURLOPT_UPLOAD_BUFFERSIZE splits parts. Forms (issue 7). */
/* server: scripts/f_mime_chunks.script */
#include "f_common.h"

static int dbg(CURL *e, curl_infotype type, char *data, size_t size, void *arg) {
  (void)e;
  (void)data;
  (void)arg;
  if (type == CURLINFO_DATA_OUT) printf("  out %zu\n", size);
  return 0;
}
static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  int *left = arg;
  (void)size;
  if (n > 7) n = 7;
  if ((int)n > *left) n = (size_t)*left;
  memset(buf, 'c', n);
  *left -= (int)n;
  printf("  read %zu\n", n);
  return n;
}

int main(int argc, char **argv) {
  CURL *e;
  curl_mime *m;
  curl_mimepart *p;
  static char big[1100000];
  int left1 = 20, left2 = 9;
  const char *small, *large;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  memset(big, 'b', sizeof big);
  small = f_file("small.txt", big, 100);
  large = f_file("large.bin", big, sizeof big);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/chunks"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, dbg);
  curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "cb");
  curl_mime_data_cb(p, -1, cb_read, NULL, NULL, &left1);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "data");
  curl_mime_data(p, big, 300);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "file");
  curl_mime_filedata(p, small);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "cb2");
  curl_mime_data_cb(p, 9, cb_read, NULL, NULL, &left2);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "unknown size");
  curl_mime_free(m);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "large");
  curl_mime_filedata(p, large);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "over 1 MiB");
  curl_mime_free(m);

  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "data");
  curl_mime_data(p, big, 40000);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "file");
  curl_mime_filedata(p, small);
  curl_easy_setopt(e, CURLOPT_UPLOAD_BUFFERSIZE, 16384L);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "small buffer");
  curl_mime_free(m);

  curl_easy_cleanup(e);
  f_cleanup_files();
  curl_global_cleanup();
  return 0;
}
