/* curl_formadd with every option class (COPYNAME, PTRNAME + NAMELENGTH, COPYCONTENTS,
 * PTRCONTENTS + CONTENTSLENGTH, CONTENTLEN, FILECONTENT, FILE, several FILEs (one
 * multipart/mixed part), FILENAME, CONTENTTYPE, CONTENTHEADER, BUFFER / BUFFERPTR /
 * BUFFERLENGTH, STREAM through the read callback, ARRAY), the list's links and
 * fields, curl_formget's output (and its error when the callback takes less), the
 * request CURLOPT_HTTPPOST sends, and the CURL_FORMADD_* errors. Forms (issue 7). */
/* server: scripts/f_formadd.script */
#include "f_common.h"

static size_t got(void *arg, const char *buf, size_t len) {
  (void)arg;
  f_print_normalised(buf, len);
  return len;
}
static size_t refuse(void *arg, const char *buf, size_t len) {
  (void)arg;
  (void)buf;
  (void)len;
  return 0;
}
static size_t stream_read(char *buf, size_t size, size_t n, void *arg) {
  int *calls = arg;
  (void)size;
  (void)n;
  /* The entry's CONTENTSLENGTH (8) ends the part: one call per request. */
  printf("stream read %d\n", ++*calls);
  memcpy(buf, "streamed", 8);
  return 8;
}

int main(int argc, char **argv) {
  CURL *e;
  struct curl_httppost *first = NULL, *last = NULL, *p, *bad = NULL, *badlast = NULL;
  struct curl_slist *hl;
  struct curl_forms arr[3], nested[2];
  char ptrname[] = "pointedXXX";
  int calls = 0, n;
  const char *txt, *bin;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  txt = f_file("a.txt", "text file\n", 10);
  bin = f_file("b.bin", "\x01\x02\x03", 3);
  hl = curl_slist_append(NULL, "X-Part: yes");

  printf("copy %d\n", curl_formadd(&first, &last, CURLFORM_COPYNAME, "copy", CURLFORM_COPYCONTENTS,
                                   "value", CURLFORM_END));
  printf("ptr %d\n",
         curl_formadd(&first, &last, CURLFORM_PTRNAME, ptrname, CURLFORM_NAMELENGTH, 7L,
                      CURLFORM_PTRCONTENTS, "abcdef", CURLFORM_CONTENTSLENGTH, 4L, CURLFORM_END));
  printf("contentlen %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "large", CURLFORM_COPYCONTENTS, "xyz12",
                      CURLFORM_CONTENTLEN, (curl_off_t)2, CURLFORM_CONTENTTYPE, "text/html",
                      CURLFORM_END));
  printf("binary %d\n", curl_formadd(&first, &last, CURLFORM_COPYNAME, "bin", CURLFORM_COPYCONTENTS,
                                     "a\0b", CURLFORM_CONTENTSLENGTH, 3L, CURLFORM_END));
  printf("filecontent %d\n", curl_formadd(&first, &last, CURLFORM_COPYNAME, "fc",
                                          CURLFORM_FILECONTENT, txt, CURLFORM_END));
  printf("file %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "file", CURLFORM_FILE, txt, CURLFORM_END));
  printf("files %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "files", CURLFORM_FILE, txt, CURLFORM_FILE,
                      bin, CURLFORM_CONTENTTYPE, "app/second", CURLFORM_FILE, txt, CURLFORM_END));
  printf("filename %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "fn", CURLFORM_FILE, bin, CURLFORM_FILENAME,
                      "shown.gif", CURLFORM_CONTENTHEADER, hl, CURLFORM_END));
  printf("filename on data %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "fnd", CURLFORM_FILENAME, "x.txt",
                      CURLFORM_COPYCONTENTS, "c", CURLFORM_END));
  printf("buffer %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "buf", CURLFORM_BUFFER, "b.txt",
                      CURLFORM_BUFFERPTR, "bufdata", CURLFORM_BUFFERLENGTH, 7L, CURLFORM_END));
  printf("buffer unknown %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "buf2", CURLFORM_BUFFER, "b.unknown",
                      CURLFORM_BUFFERPTR, "strlen", CURLFORM_END));
  printf("stream %d\n", curl_formadd(&first, &last, CURLFORM_COPYNAME, "stream", CURLFORM_STREAM,
                                     &calls, CURLFORM_CONTENTSLENGTH, 8L, CURLFORM_END));
  arr[0].option = CURLFORM_COPYCONTENTS;
  arr[0].value = "arrval";
  arr[1].option = CURLFORM_CONTENTTYPE;
  arr[1].value = "x/y";
  arr[2].option = CURLFORM_END;
  printf("array %d\n",
         curl_formadd(&first, &last, CURLFORM_COPYNAME, "arr", CURLFORM_ARRAY, arr, CURLFORM_END));
  printf("empty name %d\n", curl_formadd(&first, &last, CURLFORM_COPYNAME, "",
                                         CURLFORM_COPYCONTENTS, "c", CURLFORM_END));

  n = 0;
  for (p = first; p; p = p->next, n++) {
    struct curl_httppost *q;
    int more = 0;
    for (q = p->more; q; q = q->more) more++;
    printf(
        "entry %d: namelength %ld contentslength %ld contentlen %lld bufferlength %ld flags "
        "0x%lx type %s show %s more %d last %d\n",
        n, p->namelength, p->contentslength, (long long)p->contentlen, p->bufferlength, p->flags,
        p->contenttype ? p->contenttype : "NULL", p->showfilename ? p->showfilename : "NULL", more,
        p == last);
  }

  printf("formget %d\n", curl_formget(first, NULL, got));
  printf("formget refusing %d\n", curl_formget(first, NULL, refuse));
  printf("formget NULL %d\n", curl_formget(NULL, NULL, got));

  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/form"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_HTTPPOST, first);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, stream_read);
  f_perform(e, "httppost");
  f_perform(e, "again");

  /* errors: nothing is added */
  nested[0].option = CURLFORM_ARRAY;
  nested[0].value = (char *)arr;
  nested[1].option = CURLFORM_END;
  printf("name twice %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_COPYNAME,
                                         "y", CURLFORM_END));
  printf("no name %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYCONTENTS, "v", CURLFORM_END));
  printf("no value %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_END));
  printf("unknown %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", (CURLformoption)999,
                                      "a", CURLFORM_END));
  printf("NULL name %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, NULL,
                                        CURLFORM_COPYCONTENTS, "a", CURLFORM_END));
  printf("contents twice %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_COPYCONTENTS, "a",
                      CURLFORM_COPYCONTENTS, "b", CURLFORM_END));
  printf("buffer only %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_BUFFER, "b", CURLFORM_END));
  printf("NULL contents %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x",
                                            CURLFORM_COPYCONTENTS, NULL, CURLFORM_END));
  printf("type twice %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_CONTENTTYPE, "a",
                      CURLFORM_CONTENTTYPE, "b", CURLFORM_COPYCONTENTS, "c", CURLFORM_END));
  printf("NUL in name %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "a\0b", CURLFORM_NAMELENGTH, 3L,
                      CURLFORM_COPYCONTENTS, "v", CURLFORM_END));
  printf("file with length %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_FILE, txt,
                      CURLFORM_CONTENTSLENGTH, 3L, CURLFORM_END));
  printf("array in array %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_ARRAY,
                                             nested, CURLFORM_END));
  printf("file then ptrcontents %d\n",
         curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_FILE, txt,
                      CURLFORM_PTRCONTENTS, "p", CURLFORM_END));
  printf("list still empty %d\n", bad == NULL && badlast == NULL);
  printf("missing file %d\n", curl_formadd(&bad, &badlast, CURLFORM_COPYNAME, "x", CURLFORM_FILE,
                                           "/nonexistent/file", CURLFORM_END));
  printf("formget missing file %d\n", curl_formget(bad, NULL, got));
  curl_easy_setopt(e, CURLOPT_HTTPPOST, bad);
  f_perform(e, "missing file");
  curl_formfree(bad);
  curl_formfree(first);
  curl_formfree(NULL);
  curl_slist_free_all(hl);
  curl_easy_cleanup(e);
  f_cleanup_files();
  curl_global_cleanup();
  return 0;
}
