/* curl_slist_append and curl_slist_free_all: appending to NULL makes a one-node list,
 * further appends return the same head and keep order; the string is copied (changing
 * the source later changes nothing); empty strings, 100 kB strings, bytes 1-255 and
 * 2000 nodes; curl_slist_free_all(NULL); lists the library hands out
 * (CURLINFO_SSL_ENGINES, CURLINFO_COOKIELIST) are freed with curl_slist_free_all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

static unsigned long hash(const char *s) {
  unsigned long h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h & 0xffffffffUL;
}

int main(void) {
  struct curl_slist *l = NULL, *head, *p, *engines = NULL, *cookies = NULL;
  char src[16] = "first", bytes[256];
  char *big;
  int i, count = 0, ordered = 1;
  CURL *e;
  head = curl_slist_append(NULL, src);
  printf("one node: data=%s next=%s copied=%s\n", head->data, head->next ? "set" : "NULL",
         head->data != src ? "yes" : "no");
  strcpy(src, "changed");
  printf("after changing the source: %s\n", head->data);
  l = curl_slist_append(head, "");
  printf("append returns the head: %s, second=[%s]\n", l == head ? "yes" : "no", head->next->data);
  big = malloc(100001);
  memset(big, 'b', 100000);
  big[100000] = 0;
  curl_slist_append(l, big);
  for (i = 1; i < 256; ++i) bytes[i - 1] = (char)i;
  bytes[255] = 0;
  curl_slist_append(l, bytes);
  for (i = 0; i < 2000; ++i) {
    char n[16];
    snprintf(n, sizeof n, "n%d", i);
    if (curl_slist_append(l, n) != head) printf("head changed at %d\n", i);
  }
  for (p = head, i = -4; p; p = p->next, ++i) {
    count++;
    if (i >= 0) {
      char n[16];
      snprintf(n, sizeof n, "n%d", i);
      if (strcmp(n, p->data)) ordered = 0;
    }
  }
  printf("nodes=%d ordered=%s big=%lu/%lu bytes=%lu/%lu\n", count, ordered ? "yes" : "no",
         (unsigned long)strlen(head->next->next->data), hash(head->next->next->data),
         (unsigned long)strlen(head->next->next->next->data), hash(head->next->next->next->data));
  curl_slist_free_all(head);
  free(big);
  curl_slist_free_all(NULL);
  printf("free_all(NULL) returned\n");

  e = curl_easy_init();
  printf("SSL_ENGINES=%d", (int)curl_easy_getinfo(e, CURLINFO_SSL_ENGINES, &engines));
  for (count = 0, p = engines; p; p = p->next) count++;
  printf(" %s\n", count ? "some" : "none");
  curl_slist_free_all(engines);
  printf("COOKIELIST=%d", (int)curl_easy_getinfo(e, CURLINFO_COOKIELIST, &cookies));
  printf(" %s\n", cookies ? "some" : "none");
  curl_slist_free_all(cookies);
  curl_easy_cleanup(e);
  return 0;
}
