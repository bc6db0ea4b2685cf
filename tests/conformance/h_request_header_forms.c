/* Request header forms via the server log: USERAGENT "" (an empty User-Agent line?),
 * REFERER "", HTTPHEADER "User-Agent:" removing the USERAGENT, "Host:" removed, a
 * header without value "X-A:" (removal of nothing), "X-B;" (sent empty), "X-C; junk"
 * (as is?), a header with leading blanks, duplicates of a custom header, and a
 * "Content-Type:" removal on a POST. USERAGENT/REFERER, HTTPHEADER removal and empty
 * (issue 4). */
/* server: scripts/h_request_header_forms.script */
#include <stdio.h>

#include "support/conf.h"

static void go(CURL *e, const char *label) {
  long req = -1;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &req);
  printf("%-22s perform = %d request_size %ld\n", label, (int)rc, req);
}

int main(int argc, char **argv) {
  CURL *e;
  struct curl_slist *h1 = NULL, *h2 = NULL, *h3 = NULL;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/h"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "");
  go(e, "useragent empty");
  curl_easy_setopt(e, CURLOPT_USERAGENT, NULL);
  curl_easy_setopt(e, CURLOPT_REFERER, "");
  go(e, "referer empty");
  curl_easy_setopt(e, CURLOPT_REFERER, NULL);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "agent/1");
  h1 = curl_slist_append(h1, "User-Agent:");
  h1 = curl_slist_append(h1, "Host:");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h1);
  go(e, "ua and host removed");
  h2 = curl_slist_append(h2, "X-A:");
  h2 = curl_slist_append(h2, "X-B;");
  h2 = curl_slist_append(h2, "X-C; junk");
  h2 = curl_slist_append(h2, "   X-Lead: blanks");
  h2 = curl_slist_append(h2, "X-Dup: 1");
  h2 = curl_slist_append(h2, "X-Dup: 2");
  h2 = curl_slist_append(h2, "NoColonAtAll");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h2);
  go(e, "custom forms");
  h3 = curl_slist_append(h3, "Content-Type:");
  h3 = curl_slist_append(h3, "Accept: text/x-mine");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h3);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, "k=v");
  go(e, "post no content-type");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, NULL);
  go(e, "post default");
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, NULL);
  go(e, "back to defaults");
  curl_easy_cleanup(e);
  curl_slist_free_all(h1);
  curl_slist_free_all(h2);
  curl_slist_free_all(h3);
  curl_global_cleanup();
  return 0;
}
