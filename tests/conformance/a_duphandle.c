/* curl_easy_duphandle copies options, not state: after a transfer on the original, the
 * duplicate has the same URL, user agent, custom headers and CURLOPT_PRIVATE, but no
 * response data (getinfo as fresh), no connection (it connects anew: NUM_CONNECTS 1
 * while the original reuses its own, 0); the CURLOPT_COOKIE string goes along (the
 * requests carry it) but the duplicate's cookie store is empty. A duplicate of a
 * duplicate takes the options
 * set on it meanwhile. Running the transfer on the duplicate gives the same result.
 * The server log compares the requests. BEHAVIOUR.md item 103. */
/* server: scripts/keepalive2.script */
#include <stdio.h>

#include "support/conf.h"

static void show(const char *label, CURL *h) {
  long code = -1, conns = -1, count = -1;
  char *priv = NULL, *url = NULL;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &conns);
  curl_easy_getinfo(h, CURLINFO_REQUEST_SIZE, &count);
  curl_easy_getinfo(h, CURLINFO_PRIVATE, &priv);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &url);
  printf("%s: response=%ld connects=%ld request_size=%ld private=%s url=%s\n", label, code, conns,
         count, priv ? priv : "NULL", url && *url ? "set" : "none");
}

static size_t body_bytes;
static size_t writer(char *p, size_t sz, size_t n, void *u) {
  printf("  %s body: %.*s\n", (const char *)u, (int)(sz * n), p);
  body_bytes += sz * n;
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *orig, *dup1, *dup2;
  struct curl_slist *hdrs = NULL;
  struct curl_slist *cookies = NULL;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  hdrs = curl_slist_append(hdrs, "X-Dup: copied");
  orig = curl_easy_init();
  curl_easy_setopt(orig, CURLOPT_URL, conf_url("/one"));
  curl_easy_setopt(orig, CURLOPT_USERAGENT, "dup-test/1");
  curl_easy_setopt(orig, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(orig, CURLOPT_PRIVATE, "orig-private");
  curl_easy_setopt(orig, CURLOPT_WRITEFUNCTION, writer);
  curl_easy_setopt(orig, CURLOPT_WRITEDATA, "orig");
  curl_easy_setopt(orig, CURLOPT_COOKIE, "from=option");
  printf("orig perform=%d\n", (int)curl_easy_perform(orig));
  show("orig", orig);

  dup1 = curl_easy_duphandle(orig);
  printf("dup1 %s\n", dup1 ? "made" : "NULL");
  show("dup1 before", dup1);
  curl_easy_setopt(dup1, CURLOPT_WRITEDATA, "dup1");
  printf("dup1 perform=%d\n", (int)curl_easy_perform(dup1));
  show("dup1", dup1);
  printf("orig perform=%d\n", (int)curl_easy_perform(orig));
  show("orig again", orig);

  curl_easy_setopt(dup1, CURLOPT_USERAGENT, "dup-test/2");
  curl_easy_setopt(dup1, CURLOPT_PRIVATE, "dup1-private");
  dup2 = curl_easy_duphandle(dup1);
  curl_easy_setopt(dup2, CURLOPT_WRITEDATA, "dup2");
  show("dup2 before", dup2);
  printf("dup2 perform=%d\n", (int)curl_easy_perform(dup2));
  show("dup2", dup2);
  printf("cookie list of dup2: %d", (int)curl_easy_getinfo(dup2, CURLINFO_COOKIELIST, &cookies));
  printf(" %s\n", cookies ? "entries" : "empty");
  curl_slist_free_all(cookies);
  printf("total body bytes %lu\n", (unsigned long)body_bytes);
  curl_easy_cleanup(orig);
  curl_easy_cleanup(dup2);
  curl_easy_cleanup(dup1);
  curl_slist_free_all(hdrs);
  curl_global_cleanup();
  return 0;
}
