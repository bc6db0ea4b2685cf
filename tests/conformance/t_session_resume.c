/* TLS: session resumption, seen through CURLINFO_TLS_SSL_PTR and SSL_session_reused()
 * from inside the write callback (there is no getinfo for it): a second connection of
 * the same handle resumes (TLS 1.3 tickets and TLS 1.2), not with
 * CURLOPT_SSL_SESSIONID_CACHE 0; two handles resume through a share with
 * CURL_LOCK_DATA_SSL_SESSION, and do not without it. Also prints the negotiated protocol. */
/* server: nginx */
/* link: ssl */
#include "support/conf.h"

#include <openssl/ssl.h>

typedef struct probe {
  CURL *easy;
  int checked;
  size_t bytes;
} probe;

static size_t on_write(char *p, size_t size, size_t n, void *userp) {
  probe *pr = (probe *)userp;
  (void)p;
  pr->bytes += size * n;
  if (!pr->checked) {
    struct curl_tlssessioninfo *info = NULL;
    pr->checked = 1;
    if (curl_easy_getinfo(pr->easy, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || !info) {
      printf("  no TLS info\n");
    } else if (info->backend != CURLSSLBACKEND_OPENSSL || !info->internals) {
      printf("  backend %d internals %s\n", (int)info->backend, info->internals ? "set" : "NULL");
    } else {
      SSL *ssl = (SSL *)info->internals;
      printf("  %s, session reused: %s\n", SSL_get_version(ssl),
             SSL_session_reused(ssl) ? "yes" : "no");
    }
  }
  return size * n;
}

static void fetch(const char *label, CURL *e) {
  probe pr = {0, 0, 0};
  CURLcode rc;
  long connects = -1;
  pr.easy = e;
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &pr);
  printf("%s\n", label);
  rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &connects);
  printf("  perform = %d, %lu bytes, num_connects %ld\n", (int)rc, (unsigned long)pr.bytes,
         connects);
}

static CURL *handle(const char *block, long cache) {
  CURL *e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_nginx_url(block, "/1k"));
  curl_easy_setopt(e, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
  curl_easy_setopt(e, CURLOPT_CAINFO, conf_cert("ca.pem"));
  curl_easy_setopt(e, CURLOPT_SSL_SESSIONID_CACHE, cache);
  curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
  return e;
}

static void same_handle(const char *block, long cache) {
  CURL *e = handle(block, cache);
  printf("== %s, session cache %ld\n", block, cache);
  fetch("first", e);
  fetch("second", e);
  fetch("third", e);
  curl_easy_cleanup(e);
}

static void two_handles(const char *block, int shared) {
  CURLSH *sh = curl_share_init();
  CURL *a = handle(block, 1), *b = handle(block, 1);
  printf("== %s, two handles, %s\n", block, shared ? "shared sessions" : "no share");
  if (shared) {
    curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    curl_easy_setopt(a, CURLOPT_SHARE, sh);
    curl_easy_setopt(b, CURLOPT_SHARE, sh);
  }
  fetch("handle a", a);
  fetch("handle b", b);
  curl_easy_cleanup(a);
  curl_easy_cleanup(b);
  curl_share_cleanup(sh);
}

int main(int argc, char **argv) {
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_ALL);
  same_handle("good", 1);
  same_handle("tls12", 1);
  same_handle("good", 0);
  two_handles("good", 1);
  two_handles("good", 0);
  curl_global_cleanup();
  return 0;
}
