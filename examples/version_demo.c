/* The foundation's demo: prints what curl_version_info reports and round-trips a URL
 * through the URL API. Built against our headers and linked to our libcurl.so.4. */
#include <stdio.h>

#include <curl/curl.h>

int main(void) {
  curl_version_info_data *info;
  const char *const *p;
  CURLU *url;
  char *out = NULL;
  CURLUcode uc;

  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  printf("%s\n", curl_version());
  info = curl_version_info(CURLVERSION_NOW);
  printf("version %s (0x%06x), %s, %s\n", info->version, info->version_num, info->ssl_version,
         info->libz_version ? info->libz_version : "no zlib");
  printf("protocols:");
  for (p = info->protocols; *p; p++) printf(" %s", *p);
  printf("\nfeatures:");
  for (p = info->feature_names; *p; p++) printf(" %s", *p);
  printf("\n");

  url = curl_url();
  uc = curl_url_set(url, CURLUPART_URL, "HTTP://user@Example.COM:8080/a/b/../c?q=1#frag", 0);
  if (uc == CURLUE_OK) uc = curl_url_set(url, CURLUPART_URL, "../d/./e?x=%41", 0);
  if (uc == CURLUE_OK) uc = curl_url_get(url, CURLUPART_URL, &out, 0);
  if (uc != CURLUE_OK) {
    printf("URL API failed: %s\n", curl_url_strerror(uc));
    curl_url_cleanup(url);
    curl_global_cleanup();
    return 1;
  }
  printf("resolved URL: %s\n", out);
  curl_free(out);
  curl_url_cleanup(url);
  curl_global_cleanup();
  return 0;
}
