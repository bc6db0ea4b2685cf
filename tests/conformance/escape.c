/* Conformance: curl_easy_escape, curl_easy_unescape, curl_escape, curl_unescape.
 *
 * Every byte, many strings, explicit and implicit lengths, negative lengths, embedded NUL
 * bytes, NULL handles and NULL out-lengths; prints each result byte by byte. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_bytes(const char *s, int n) {
  int i;
  if (!s) {
    fputs("(null)", stdout);
    return;
  }
  putchar('[');
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c >= 0x7f || c == '\\')
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  putchar(']');
}

static const char *inputs[] = {"",
                               "a",
                               "abcXYZ019",
                               "-._~",
                               "a b",
                               "a+b",
                               "100%",
                               "%",
                               "%%",
                               "%2",
                               "%20",
                               "%2g",
                               "%g2",
                               "%41%42%43",
                               "%4a%4A%4g",
                               "%00",
                               "a%00b",
                               "%ff%FF%fF",
                               "%c3%a4",
                               "\xc3\xa4",
                               "!*'();:@&=+$,/?#[]",
                               "<>\"{}|\\^`",
                               "\x01\x1f\x7f",
                               "http://example.com/a b?c=d&e=f#g",
                               "%%41",
                               "%%%",
                               "a%",
                               "a%4",
                               "%zz%41",
                               NULL};

int main(void) {
  CURL *easy = curl_easy_init();
  char all[256];
  int i, c, len;
  char *r;

  for (i = 0; inputs[i]; i++) {
    int n = (int)strlen(inputs[i]);
    printf("in ");
    put_bytes(inputs[i], n);
    r = curl_easy_escape(NULL, inputs[i], 0);
    printf(" esc0 ");
    put_bytes(r, r ? (int)strlen(r) : 0);
    curl_free(r);
    r = curl_easy_escape(easy, inputs[i], n);
    printf(" escn ");
    put_bytes(r, r ? (int)strlen(r) : 0);
    curl_free(r);
    r = curl_escape(inputs[i], 0);
    printf(" old ");
    put_bytes(r, r ? (int)strlen(r) : 0);
    curl_free(r);
    len = -7;
    r = curl_easy_unescape(NULL, inputs[i], 0, &len);
    printf(" unesc0 %d ", len);
    put_bytes(r, r ? len : 0);
    curl_free(r);
    /* every prefix length */
    for (c = 1; c <= n; c++) {
      len = -7;
      r = curl_easy_unescape(easy, inputs[i], c, &len);
      printf(" u%d:%d", c, len);
      put_bytes(r, r ? len : 0);
      curl_free(r);
      r = curl_easy_escape(easy, inputs[i], c);
      printf("e");
      put_bytes(r, r ? (int)strlen(r) : 0);
      curl_free(r);
    }
    r = curl_easy_unescape(NULL, inputs[i], 0, NULL);
    printf(" nolen ");
    put_bytes(r, r ? (int)strlen(r) : 0);
    curl_free(r);
    r = curl_unescape(inputs[i], 0);
    printf(" old ");
    put_bytes(r, r ? (int)strlen(r) : 0);
    curl_free(r);
    putchar('\n');
  }

  /* negative lengths */
  r = curl_easy_escape(NULL, "abc", -1);
  printf("escape -1: %s\n", r ? "non-NULL" : "NULL");
  curl_free(r);
  len = -7;
  r = curl_easy_unescape(NULL, "abc", -1, &len);
  printf("unescape -1: %s %d\n", r ? "non-NULL" : "NULL", len);
  curl_free(r);
  r = curl_escape("abc", -5);
  printf("curl_escape -5: %s\n", r ? "non-NULL" : "NULL");
  curl_free(r);
  r = curl_unescape("abc", -5);
  printf("curl_unescape -5: %s\n", r ? "non-NULL" : "NULL");
  curl_free(r);

  /* every byte, with embedded NULs */
  for (c = 0; c < 256; c++) all[c] = (char)c;
  r = curl_easy_escape(easy, all, 256);
  printf("all256 ");
  put_bytes(r, r ? (int)strlen(r) : 0);
  putchar('\n');
  if (r) {
    char *back = curl_easy_unescape(easy, r, 0, &len);
    printf("roundtrip %d %s\n", len,
           back && len == 256 && !memcmp(back, all, 256) ? "same" : "differs");
    curl_free(back);
  }
  curl_free(r);
  /* %XX for every byte value, upper and lower case */
  for (c = 0; c < 256; c++) {
    char enc[8];
    sprintf(enc, c % 2 ? "%%%02X" : "%%%02x", c);
    r = curl_easy_unescape(NULL, enc, 0, &len);
    if (!r || len != 1 || (unsigned char)r[0] != c) printf("byte %02x wrong\n", c);
    curl_free(r);
  }
  printf("bytes checked\n");

  /* large input */
  {
    size_t n = 1000000;
    char *big = malloc(n + 1);
    memset(big, ' ', n);
    big[n] = 0;
    r = curl_easy_escape(NULL, big, 0);
    printf("big escape %lu\n", r ? (unsigned long)strlen(r) : 0UL);
    if (r) {
      char *back = curl_easy_unescape(NULL, r, 0, &len);
      printf("big unescape %d\n", len);
      curl_free(back);
    }
    curl_free(r);
    free(big);
  }
  curl_easy_cleanup(easy);
  return 0;
}
