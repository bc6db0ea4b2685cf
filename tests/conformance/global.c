/* curl_global_*, curl_version_info and curl_global_sslset on the OpenSSL flavour
 * (global_gnutls.c builds this file for the GnuTLS flavour).
 * Lines starting with '~' describe the build and may differ between libraries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

static int n_malloc;
static void *my_malloc(size_t n) { n_malloc++; return malloc(n); }
static void my_free(void *p) { free(p); }
static void *my_realloc(void *p, size_t n) { return realloc(p, n); }
static char *my_strdup(const char *s) { n_malloc++; return strdup(s); }
static void *my_calloc(size_t n, size_t s) { n_malloc++; return calloc(n, s); }

static void sslset(curl_sslbackend id, const char *name) {
  const curl_ssl_backend **avail = NULL;
  CURLsslset r = curl_global_sslset(id, name, &avail);
  printf("sslset(%d, %s) = %d avail:", (int)id, name ? name : "NULL", (int)r);
  for (; avail && *avail; avail++) printf(" %d/%s", (int)(*avail)->id, (*avail)->name);
  printf("\n");
  printf("sslset(%d, %s, NULL) = %d\n", (int)id, name ? name : "NULL",
         (int)curl_global_sslset(id, name, NULL));
}

int main(void) {
  curl_version_info_data *d;
  const char *const *p;
  int has_http = 0, has_https = 0;

  sslset(CURLSSLBACKEND_NONE, NULL);
  sslset(CURLSSLBACKEND_OPENSSL, NULL);
  sslset(CURLSSLBACKEND_GNUTLS, NULL);
  sslset((curl_sslbackend)-1, "openssl");
  sslset((curl_sslbackend)-1, "OpenSSL");
  sslset((curl_sslbackend)-1, "gnutls");
  sslset((curl_sslbackend)-1, "nss");
  sslset((curl_sslbackend)-1, "");
  sslset(CURLSSLBACKEND_GNUTLS, "openssl");

  printf("init_mem NULL hooks = %d\n",
         (int)curl_global_init_mem(CURL_GLOBAL_ALL, NULL, my_free, my_realloc, my_strdup,
                                   my_calloc));
  printf("init_mem = %d\n", (int)curl_global_init_mem(CURL_GLOBAL_ALL, my_malloc, my_free,
                                                        my_realloc, my_strdup, my_calloc));
  printf("init again = %d\n", (int)curl_global_init(CURL_GLOBAL_DEFAULT));
  printf("init nothing = %d\n", (int)curl_global_init(CURL_GLOBAL_NOTHING));
  sslset((curl_sslbackend)-1, "openssl");
  sslset((curl_sslbackend)-1, "gnutls");
  {
    /* Memory handed out must come from the hooks. */
    struct curl_slist *l;
    int before = n_malloc;
    l = curl_slist_append(NULL, "a: b");
    printf("slist_append used the hooks: %s\n", n_malloc > before ? "yes" : "no");
    curl_slist_free_all(l);
  }
  curl_global_cleanup();
  curl_global_cleanup();
  curl_global_cleanup();
  curl_global_cleanup(); /* one too many: harmless */

  d = curl_version_info(CURLVERSION_NOW);
  printf("age %d version %s num 0x%06x host %s\n", (int)d->age, d->version, d->version_num,
         d->host);
#ifdef CONF_GNUTLS_FLAVOUR
  /* The GnuTLS flavour's version string names GnuTLS; mcurl's still says OpenSSL. */
  printf("ssl_version_num %ld\n", d->ssl_version_num);
  printf("~ssl_version %s\n", d->ssl_version);
#else
  printf("ssl_version_num %ld starts OpenSSL/ %s\n", d->ssl_version_num,
         strncmp(d->ssl_version, "OpenSSL/", 8) == 0 ? "yes" : "no");
#endif
  printf("libz %s\n", d->libz_version ? "yes" : "no");
  printf("cainfo %s capath %s\n", d->cainfo, d->capath);
  printf("feature bits ipv6 %d ssl %d libz %d asynchdns %d largefile %d threadsafe %d\n",
         !!(d->features & CURL_VERSION_IPV6), !!(d->features & CURL_VERSION_SSL),
         !!(d->features & CURL_VERSION_LIBZ), !!(d->features & CURL_VERSION_ASYNCHDNS),
         !!(d->features & CURL_VERSION_LARGEFILE), !!(d->features & CURL_VERSION_THREADSAFE));
  for (p = d->protocols; *p; p++) {
    if (!strcmp(*p, "http")) has_http = 1;
    if (!strcmp(*p, "https")) has_https = 1;
    printf("~protocol %s\n", *p);
  }
  printf("has http %d https %d\n", has_http, has_https);
  for (p = d->feature_names; *p; p++) printf("~feature %s\n", *p);
  printf("~%s\n", curl_version());
  printf("curl_version starts libcurl/7.88.1 %s\n",
         strncmp(curl_version(), "libcurl/7.88.1 ", 15) == 0 ? "yes" : "no");
  printf("same struct for FIRST %s\n", curl_version_info(CURLVERSION_FIRST) == d ? "yes" : "no");
  printf("age for FIRST %d\n", (int)curl_version_info(CURLVERSION_FIRST)->age);
  return 0;
}
