/* Custom request headers with a multipart body: "Content-Type:" and "Content-Type;"
 * (an empty root type, still with its boundary), another type (the parts then get
 * "attachment" dispositions),
 * "Expect:" removing the 100-continue of a chunked body, and a PUT (CURLOPT_UPLOAD)
 * that ignores the mime. Forms (issue 7). */
/* server: scripts/f_mime_content_type.script */
#include "f_common.h"

static size_t no_body(char *buf, size_t size, size_t n, void *arg) {
  (void)buf;
  (void)size;
  (void)n;
  (void)arg;
  return 0;
}

int main(int argc, char **argv) {
  const char *hs[] = {"Content-Type:", "Content-Type;", "content-type:   text/plain",
                      NULL};
  CURL *e;
  curl_mime *m;
  curl_mimepart *p;
  struct curl_slist *h;
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/ct"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  m = curl_mime_init(e);
  p = curl_mime_addpart(m);
  curl_mime_name(p, "q");
  curl_mime_data(p, "abc", 3);
  p = curl_mime_addpart(m);
  curl_mime_filename(p, "f.txt");
  curl_mime_data(p, "file", 4);
  curl_easy_setopt(e, CURLOPT_MIMEPOST, m);
  for (i = 0; hs[i]; i++) {
    h = curl_slist_append(NULL, hs[i]);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
    f_perform(e, hs[i]);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(h);
  }
  /* chunked without Expect */
  p = curl_mime_addpart(m);
  curl_mime_name(p, "qp");
  curl_mime_encoder(p, "quoted-printable");
  curl_mime_data(p, "x", 1);
  h = curl_slist_append(NULL, "Expect:");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
  f_perform(e, "no expect");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
  curl_slist_free_all(h);
  /* UPLOAD wins over the mime: a PUT from the read callback */
  curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, no_body);
  curl_easy_setopt(e, CURLOPT_INFILESIZE, 0L);
  f_perform(e, "upload");
  curl_mime_free(m);
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
