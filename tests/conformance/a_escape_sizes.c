/* curl_easy_escape / curl_easy_unescape / curl_escape / curl_unescape on large inputs:
 * lengths around 8,000,000 bytes (the URL API's limit; escaping has none) in both
 * directions, 3 MB of bytes needing escapes (the output triples), a 2 MB string of '%41' sequences
 * unescaped, and the output length reported through outlength; results summarised as length and
 * hash. Complements escape.c (every byte, small strings). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

static unsigned long hash(const char *s, size_t n) {
  unsigned long h = 5381;
  size_t i;
  for (i = 0; i < n; i++) h = h * 33 + (unsigned char)s[i];
  return h & 0xffffffffUL;
}

static void esc(CURL *e, const char *label, const char *in, int len) {
  char *out = curl_easy_escape(e, in, len);
  if (!out) {
    printf("escape %s (%d): NULL\n", label, len);
    return;
  }
  printf("escape %s (%d): len %lu hash %08lx\n", label, len, (unsigned long)strlen(out),
         hash(out, strlen(out)));
  curl_free(out);
}

static void unesc(CURL *e, const char *label, const char *in, int len) {
  int outlen = -7;
  char *out = curl_easy_unescape(e, in, len, &outlen);
  if (!out) {
    printf("unescape %s (%d): NULL outlen=%d\n", label, len, outlen);
    return;
  }
  printf("unescape %s (%d): outlen %d hash %08lx\n", label, len, outlen, hash(out, (size_t)outlen));
  curl_free(out);
}

int main(void) {
  CURL *e = curl_easy_init();
  size_t n = 8000002, i;
  char *plain = malloc(n + 1), *spaces = malloc(3000001), *pct = malloc(6000001);
  static const int lens[] = {7999999, 8000000, 8000001};
  memset(plain, 'a', n);
  plain[n] = 0;
  for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
    esc(e, "plain", plain, lens[i]);
    unesc(e, "plain", plain, lens[i]);
  }
  esc(e, "plain, length from strlen", plain, 0);
  memset(spaces, ' ', 3000000);
  spaces[3000000] = 0;
  esc(e, "3 MB of blanks", spaces, 3000000);
  for (i = 0; i < 2000000; i++) memcpy(pct + 3 * i, "%41", 3);
  pct[6000000] = 0;
  unesc(e, "2M x %41", pct, 6000000);
  unesc(e, "2M x %41, length from strlen", pct, 0);
  {
    char *o = curl_escape(spaces, 100);
    printf("curl_escape 100 blanks: %lu\n", (unsigned long)(o ? strlen(o) : 0));
    curl_free(o);
    o = curl_unescape(pct, 300);
    printf("curl_unescape 100 x %%41: %lu\n", (unsigned long)(o ? strlen(o) : 0));
    curl_free(o);
  }
  free(plain);
  free(spaces);
  free(pct);
  curl_easy_cleanup(e);
  return 0;
}
