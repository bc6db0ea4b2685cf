/* POSTFIELDS with POSTFIELDSIZE variants (the bodies the server receives, via its log):
 * -1 (strlen), a smaller size, 0 (an empty POST), POSTFIELDSIZE_LARGE, a size set before
 * the data, COPYPOSTFIELDS after a size (copies that many bytes), binary data with NULs
 * and an explicit size, and POSTFIELDS NULL with a size (no body: read callback default
 * is not used). size_upload, content_length_upload and request_size of each.
 * POSTFIELDSIZE variants (issue 4). */
/* server: scripts/h_postfieldsize.script */
#include <stdio.h>

#include "support/conf.h"

static void go(CURL *e, const char *label) {
  curl_off_t up = -1, clu = -2;
  long req = -1;
  CURLcode rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_SIZE_UPLOAD_T, &up);
  curl_easy_getinfo(e, CURLINFO_CONTENT_LENGTH_UPLOAD_T, &clu);
  curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &req);
  printf("%-18s perform = %d size_upload %lld content_length_upload %lld request_size %ld\n", label,
         (int)rc, (long long)up, (long long)clu, req);
}

int main(int argc, char **argv) {
  static const char text[] = "hello world, a post body";
  static const char bin[] = {'a', 0, 'b', 0, 0, 'c'};
  CURL *e;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/post"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, stderr);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, text);
  go(e, "strlen");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 5L);
  go(e, "size 5");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 0L);
  go(e, "size 0");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)11);
  go(e, "large 11");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, -1L);
  go(e, "size -1 again");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, 3L);
  curl_easy_setopt(e, CURLOPT_COPYPOSTFIELDS, "abcdefgh");
  go(e, "copy after size 3");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)sizeof bin);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, bin);
  go(e, "binary 6");
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, "");
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, -1L);
  go(e, "empty string");
  curl_easy_cleanup(e);
  curl_global_cleanup();
  return 0;
}
