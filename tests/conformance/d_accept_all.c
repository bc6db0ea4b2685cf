/* CURLOPT_ACCEPT_ENCODING "" offers every coding the library decodes: 7.88.1 sends
 * "deflate, gzip, br, zstd", mcurl "deflate, gzip" (it decodes no br or zstd;
 * docs/COMPATIBILITY.md). Both begin "deflate, gzip"; that is what is compared, with the
 * full value on a "~" line. NULL sends no header; a given list goes as it is. */
/* server: scripts/get_200.script */
/* requests: not compared */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static char g_header[256];

static int debug_cb(CURL *e, curl_infotype t, char *d, size_t n, void *u) {
  const char *p;
  (void)e;
  (void)u;
  if (t != CURLINFO_HEADER_OUT) return 0;
  g_header[0] = '\0';
  for (p = d; p < d + n;) {
    const char *eol = memchr(p, '\n', (size_t)(d + n - p));
    size_t len = eol ? (size_t)(eol - p) : (size_t)(d + n - p);
    if (len > 17 && strncmp(p, "Accept-Encoding: ", 17) == 0) {
      size_t v = len - 17;
      if (v > 0 && p[len - 1] == '\r') --v;
      if (v >= sizeof g_header) v = sizeof g_header - 1;
      memcpy(g_header, p + 17, v);
      g_header[v] = '\0';
    }
    if (!eol) break;
    p = eol + 1;
  }
  return 0;
}

static void run(const char *label, const char *accept, int set) {
  CURL *e = curl_easy_init();
  CURLcode rc;
  FILE *null = fopen("/dev/null", "w");
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/a"));
  curl_easy_setopt(e, CURLOPT_WRITEDATA, null);
  curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, debug_cb);
  if (set) curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, accept);
  g_header[0] = '\0';
  rc = curl_easy_perform(e);
  printf("%s: perform = %d\n", label, (int)rc);
  printf("%s: starts with \"deflate, gzip\": %s\n", label,
         strncmp(g_header, "deflate, gzip", 13) == 0 ? "yes" : "no");
  printf("%s: header present: %s\n", label, g_header[0] ? "yes" : "no");
  printf("~%s: Accept-Encoding: %s\n", label, g_header);
  curl_easy_cleanup(e);
  fclose(null);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("empty", "", 1);
  run("null", NULL, 0);
  run("given", "gzip;q=0.5, br", 1);
  curl_global_cleanup();
  return 0;
}
