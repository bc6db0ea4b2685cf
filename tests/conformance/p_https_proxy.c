/* HTTPS proxies: nginx ends TLS in front of tinyproxy (blocks proxy_tls, proxy_untrusted).
 * An http target in absolute form over the proxy's TLS, an https target through CONNECT
 * (TLS inside TLS), the proxy's certificate checked with the PROXY_* options (untrusted,
 * a missing PROXY_CAINFO file, PROXY_SSL_VERIFYPEER 0), CURLINFO_PROXY_SSL_VERIFYRESULT,
 * CURLINFO_HTTP_CONNECTCODE, and reuse of the proxied connection (issue 7). */
/* server: nginx */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static size_t sink(char *p, size_t s, size_t n, void *ud) {
  size_t *total = ud;
  (void)p;
  *total += s * n;
  return s * n;
}

/* The fixture's ports differ between the two runs: "localhost:NNNN" becomes "localhost:PORT". */
static void mask_port(char *text) {
  char *p = strstr(text, "localhost:");
  if (p) {
    char *digits = p + 10, *end = digits;
    while (*end >= '0' && *end <= '9') end++;
    if (end > digits) {
      memmove(digits + 4, end, strlen(end) + 1);
      memcpy(digits, "PORT", 4);
    }
  }
}

/* Runs `url` through the HTTPS proxy of `block` twice on one handle and prints what
 * 7.88.1 reports. `proxy_ca` NULL: the fixture's CA. */
static void run(const char *name, const char *url, const char *block, const char *proxy_ca,
                long verifypeer) {
  char proxy[128], err[CURL_ERROR_SIZE];
  int i;
  CURL *e = curl_easy_init();
  snprintf(proxy, sizeof proxy, "https://localhost:%d", conf_nginx_port(block));
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_PROXY, proxy);
  curl_easy_setopt(e, CURLOPT_PROXY_CAINFO, proxy_ca ? proxy_ca : conf_cert("ca.pem"));
  curl_easy_setopt(e, CURLOPT_PROXY_SSL_VERIFYPEER, verifypeer);
  curl_easy_setopt(e, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 20000L);
  for (i = 0; i < 2; i++) {
    size_t total = 0;
    long code = -1, connectcode = -1, verify = -1, pverify = -1, connects = -1;
    CURLcode rc;
    err[0] = '\0';
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &total);
    rc = curl_easy_perform(e);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(e, CURLINFO_HTTP_CONNECTCODE, &connectcode);
    curl_easy_getinfo(e, CURLINFO_SSL_VERIFYRESULT, &verify);
    curl_easy_getinfo(e, CURLINFO_PROXY_SSL_VERIFYRESULT, &pverify);
    curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &connects);
    mask_port(err);
    printf("%s #%d: rc=%d (%s) code=%ld connectcode=%ld bytes=%zu connects=%ld\n", name, i,
           (int)rc, err, code, connectcode, total, connects);
    printf("%s #%d: ssl_verifyresult=%ld proxy_ssl_verifyresult=%ld\n", name, i, verify,
           pverify);
  }
  curl_easy_cleanup(e);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  run("http", conf_nginx_url("http", "/1k"), "proxy_tls", NULL, 1L);
  run("https", conf_nginx_url("good", "/1m"), "proxy_tls", NULL, 1L);
  run("target_untrusted", conf_nginx_url("untrusted", "/name"), "proxy_tls", NULL, 1L);
  run("proxy_untrusted", conf_nginx_url("http", "/name"), "proxy_untrusted", NULL, 1L);
  run("proxy_noverify", conf_nginx_url("good", "/name"), "proxy_untrusted", NULL, 0L);
  run("proxy_badfile", conf_nginx_url("http", "/name"), "proxy_tls", "/nonexistent/ca.pem", 1L);
  curl_global_cleanup();
  return 0;
}
