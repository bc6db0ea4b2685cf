/* CURLOPT_AUTOREFERER over two followed redirects: with no REFERER, with a REFERER set
 * (replaced by the previous URL after the first hop), and REFERER without AUTOREFERER
 * (kept on every request); a URL with a fragment as the referring URL (dropped).
 * The Referer headers the server receives (log). USERAGENT/REFERER/AUTOREFERER (issue 4). */
/* server: scripts/h_redirect_autoreferer.script */
#include <stdio.h>

#include "support/conf.h"

int main(int argc, char **argv) {
  int i;
  char url[128];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (i = 0; i < 4; ++i) {
    conf_xfer *x = conf_xfer_new("ar", conf_url("/one?a=1"));
    CURLcode rc;
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_FOLLOWLOCATION, 1L);
    if (i != 2) curl_easy_setopt(x->easy, CURLOPT_AUTOREFERER, 1L);
    if (i == 1 || i == 2) curl_easy_setopt(x->easy, CURLOPT_REFERER, "http://referer.example/");
    if (i == 3) {
      snprintf(url, sizeof url, "http://127.0.0.1:%d/one?a=1#top", conf_port());
      curl_easy_setopt(x->easy, CURLOPT_URL, url);
    }
    rc = curl_easy_perform(x->easy);
    printf("case %d: perform = %d\n", i + 1, (int)rc);
    conf_print_info(x->easy, "ar");
    conf_xfer_free(x);
  }
  curl_global_cleanup();
  return 0;
}
