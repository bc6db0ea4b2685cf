/* curl_easy_reset keeps the live connection and drops every option: after a transfer
 * with a custom user agent, header list, referer, private pointer, error buffer,
 * timeouts and callbacks, a reset handle has no URL (perform: CURLE_URL_MALFORMAT), no
 * private pointer, default getinfo values; with the URL and write callback set again it
 * reuses the kept connection (NUM_CONNECTS 0) and sends a default request (the server
 * log shows the heads). A reset between two options of the same kind forgets the first.
 * BEHAVIOUR.md items 99, 102. */
/* server: scripts/keepalive3.script */
#include <stdio.h>

#include "support/conf.h"

static size_t writer(char *p, size_t sz, size_t n, void *u) {
  printf("  body[%s]: %.*s\n", (const char *)u, (int)(sz * n), p);
  return sz * n;
}

static int xferinfo(void *u, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d) {
  (void)u;
  (void)a;
  (void)b;
  (void)c;
  (void)d;
  return 1; /* would abort the transfer if it were still installed */
}

static void info(CURL *h, const char *label) {
  long code = -1, conns = -1, redirs = -1;
  char *priv = (char *)1, *url = (char *)1, *method = (char *)1;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &conns);
  curl_easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirs);
  curl_easy_getinfo(h, CURLINFO_PRIVATE, &priv);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_METHOD, &method);
  printf("%s: code=%ld connects=%ld redirects=%ld private=%s url=%s method=%s\n", label, code,
         conns, redirs, priv ? priv : "NULL", url ? (*url ? "set" : "empty") : "NULL",
         method ? method : "NULL");
}

int main(int argc, char **argv) {
  CURL *h;
  struct curl_slist *hdrs = curl_slist_append(NULL, "X-Before-Reset: 1");
  static char eb[CURL_ERROR_SIZE];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, conf_url("/before"));
  curl_easy_setopt(h, CURLOPT_USERAGENT, "before-reset/1");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_REFERER, "http://ref.example/");
  curl_easy_setopt(h, CURLOPT_PRIVATE, "private-before");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, eb);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, "before");
  printf("perform=%d\n", (int)curl_easy_perform(h));
  info(h, "before reset");

  curl_easy_reset(h);
  info(h, "after reset");
  eb[0] = 'x';
  eb[1] = 0;
  printf("perform without URL=%d errorbuffer untouched=%s\n", (int)curl_easy_perform(h),
         eb[0] == 'x' ? "yes" : "no");
  curl_easy_setopt(h, CURLOPT_URL, conf_url("/after"));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, "after");
  printf("perform=%d\n", (int)curl_easy_perform(h));
  info(h, "after reset, URL set again");

  /* Callbacks are dropped too: an aborting xferinfo set before the reset is gone. */
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, xferinfo);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_reset(h);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 1L);
  curl_easy_setopt(h, CURLOPT_URL, conf_url("/third"));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, "third");
  printf("perform=%d\n", (int)curl_easy_perform(h));
  info(h, "third");
  /* The third answer closed the connection: the next transfer connects again. */
  curl_easy_reset(h);
  curl_easy_setopt(h, CURLOPT_URL, conf_url("/fourth"));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, "fourth");
  printf("perform=%d\n", (int)curl_easy_perform(h));
  info(h, "fourth");
  curl_easy_cleanup(h);
  curl_slist_free_all(hdrs);
  curl_global_cleanup();
  return 0;
}
