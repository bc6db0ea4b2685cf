/* The mime API against the bytes 7.88.1 sends (boundaries normalised by the runner):
 * data parts (names and file names with '"', CR, LF and '\' escaped, typed, nameless,
 * types guessed from file names), file parts (known and unknown extensions, the file
 * name withdrawn), data_cb parts (known size; the free callback runs once, at
 * curl_mime_free), custom part headers (a Content-Type among them replaces the guessed
 * one; take_ownership), nested multipart/mixed parts two levels deep, an empty mime,
 * MIMEPOST NULL, a custom Content-Type request header and CURLMIMEOPT_FORMESCAPE.
 * Forms (issue 7). */
/* server: scripts/f_mime_parts.script */
#include "f_common.h"

static int frees;
static size_t cb_read(char *buf, size_t size, size_t n, void *arg) {
  int *state = arg;
  static const char text[] = "from the callback";
  size_t len = sizeof text - 1;
  (void)size;
  if (*state >= (int)len) return 0;
  if (n > 5) n = 5; /* five bytes per call */
  if (n > len - (size_t)*state) n = len - (size_t)*state;
  memcpy(buf, text + *state, n);
  *state += (int)n;
  return n;
}
static int cb_seek(void *arg, curl_off_t off, int origin) {
  printf("seek %lld %d\n", (long long)off, origin);
  *(int *)arg = (int)off;
  return CURL_SEEKFUNC_OK;
}
static void cb_free(void *arg) {
  (void)arg;
  frees++;
}

int main(int argc, char **argv) {
  CURL *e;
  curl_mime *m, *sub, *sub2;
  curl_mimepart *p;
  struct curl_slist *h;
  int st = 0;
  const char *txt, *bin, *noext;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  txt = f_file("notes.txt", "text file\n", 10);
  bin = f_file("data.bin", "a\0b\377c", 5);
  noext = f_file("README", "readme\n", 7);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/mime"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);

  /* 1: data parts */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "plain");
  curl_mime_data(p, "hello", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "we\"ird\r\nna\\me");
  curl_mime_filename(p, "fi\"le\r\n\\.txt");
  curl_mime_data(p, "abc", 3);
  p = curl_mime_addpart(m);
  curl_mime_data(p, "nameless", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "typed");
  curl_mime_type(p, "text/plain");
  curl_mime_data(p, "tp", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "img");
  curl_mime_filename(p, "pic.JPEG");
  curl_mime_data(p, "\x01\x02", 2);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "unknown");
  curl_mime_filename(p, "x.zzz");
  curl_mime_data(p, "u", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "empty");
  curl_mime_data(p, "", 0);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "nul");
  curl_mime_data(p, "a\0b", 3);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "data");
  curl_mime_free(m);

  /* 2: file parts */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "txt");
  printf("filedata %d\n", curl_mime_filedata(p, txt));
  p = curl_mime_addpart(m);
  curl_mime_name(p, "bin");
  curl_mime_filedata(p, bin);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "noext");
  curl_mime_filedata(p, noext);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "nofilename");
  curl_mime_filedata(p, txt);
  curl_mime_filename(p, NULL);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "renamed");
  curl_mime_filedata(p, bin);
  curl_mime_filename(p, "shown.html");
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "files");
  curl_mime_free(m);

  /* 3: callback, headers, nesting */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "cb");
  curl_mime_data_cb(p, 17, cb_read, cb_seek, cb_free, &st);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "headers");
  h = curl_slist_append(NULL, "X-First: 1");
  h = curl_slist_append(h, "content-type: application/x-custom");
  h = curl_slist_append(h, "X-Last: 2");
  curl_mime_headers(p, h, 1);
  curl_mime_data(p, "h", 1);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "disp");
  curl_mime_headers(p, curl_slist_append(NULL, "Content-Disposition: inline"), 1);
  curl_mime_data(p, "d", 1);
  sub = curl_mime_init(e);
  p = curl_mime_addpart(sub);
  curl_mime_data(p, "anonymous", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(sub);
  curl_mime_filename(p, "inner.txt");
  curl_mime_data(p, "inner", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(sub);
  curl_mime_name(p, "named");
  curl_mime_type(p, "text/x-named");
  curl_mime_data(p, "n", CURL_ZERO_TERMINATED);
  sub2 = curl_mime_init(e);
  p = curl_mime_addpart(sub2);
  curl_mime_name(p, "deep");
  curl_mime_data(p, "deepest", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(sub);
  curl_mime_type(p, "multipart/alternative");
  curl_mime_subparts(p, sub2);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "nested");
  curl_mime_subparts(p, sub);
  sub2 = curl_mime_init(e);
  p = curl_mime_addpart(sub2);
  curl_mime_name(p, "formchild");
  curl_mime_data(p, "fc", CURL_ZERO_TERMINATED);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "asform");
  curl_mime_type(p, "multipart/form-data");
  curl_mime_subparts(p, sub2);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "nested");
  printf("frees before %d\n", frees);
  curl_mime_free(m);
  printf("frees after %d\n", frees);

  /* 4: an empty mime, MIMEPOST NULL */
  m = curl_mime_init(e);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  f_perform(e, "empty mime");
  curl_mime_free(m);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, NULL);
  f_perform(e, "mimepost NULL");

  /* 5: custom request Content-Type; backslash escaping */
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "a\"b\\c");
  curl_mime_filename(p, "f\"\\.txt");
  curl_mime_data(p, "x", 1);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  h = curl_slist_append(NULL, "Content-Type: multipart/related; type=\"text/xml\"");
  h = curl_slist_append(h, "X-Other: yes");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
  f_perform(e, "custom type");
  curl_easy_setopt(e, CURLOPT_MIME_OPTIONS, (long)CURLMIMEOPT_FORMESCAPE);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
  f_perform(e, "formescape");
  curl_slist_free_all(h);
  curl_mime_free(m);

  curl_easy_cleanup(e);
  f_cleanup_files();
  curl_global_cleanup();
  return 0;
}
