/* The global calls in unusual orders: an easy handle made (and a transfer run) before
 * any curl_global_init, which then still answers OK; curl_global_cleanup while that
 * handle lives, the handle still usable; init / cleanup pairs interleaved with handle
 * creation; curl_global_init_mem after a plain init (its hooks are not taken: the
 * library is initialised already); curl_version_info, curl_easy_strerror and the URL
 * API before any init. BEHAVIOUR.md item 109 (init/cleanup counting). */
/* server: scripts/keepalive2.script */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/conf.h"

static int n_hook;
static void *my_malloc(size_t n) {
  n_hook++;
  return malloc(n);
}
static void my_free(void *p) { free(p); }
static void *my_realloc(void *p, size_t n) {
  n_hook++;
  return realloc(p, n);
}
static char *my_strdup(const char *s) {
  n_hook++;
  return strdup(s);
}
static void *my_calloc(size_t a, size_t b) {
  n_hook++;
  return calloc(a, b);
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *e, *e2;
  CURLU *u;
  char *out = NULL;
  struct curl_slist *l;
  conf_init(argc, argv);
  printf("version_info before init: age %d\n", (int)curl_version_info(CURLVERSION_NOW)->age);
  printf("strerror before init: %s\n", curl_easy_strerror(CURLE_OK));
  u = curl_url();
  printf("url_set before init=%d", (int)curl_url_set(u, CURLUPART_URL, "http://h/p?q", 0));
  printf(" get=%d", (int)curl_url_get(u, CURLUPART_PATH, &out, 0));
  printf(" path=%s\n", out ? out : "NULL");
  curl_free(out);
  curl_url_cleanup(u);

  e = curl_easy_init();
  printf("easy_init before global_init: %s\n", e ? "handle" : "NULL");
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/one"));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  printf("perform before global_init=%d\n", (int)curl_easy_perform(e));
  printf("global_init=%d\n", (int)curl_global_init(CURL_GLOBAL_DEFAULT));
  printf("init_mem after init=%d",
         (int)curl_global_init_mem(CURL_GLOBAL_DEFAULT, my_malloc, my_free, my_realloc, my_strdup,
                                   my_calloc));
  l = curl_slist_append(NULL, "x");
  printf(" hooks used: %s\n", n_hook ? "yes" : "no");
  curl_slist_free_all(l);
  curl_global_cleanup();
  curl_global_cleanup();
  curl_global_cleanup();
  printf("after three cleanups, perform on the old handle=%d\n", (int)curl_easy_perform(e));
  e2 = curl_easy_init();
  printf("easy_init after the cleanups: %s\n", e2 ? "handle" : "NULL");
  printf("init=%d init=%d\n", (int)curl_global_init(CURL_GLOBAL_ALL),
         (int)curl_global_init(CURL_GLOBAL_NOTHING));
  curl_easy_cleanup(e);
  curl_global_cleanup();
  curl_easy_cleanup(e2);
  curl_global_cleanup();
  printf("done, hooks used at all: %s\n", n_hook ? "yes" : "no");
  return 0;
}
