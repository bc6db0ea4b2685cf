/* curl_m*printf at the edges of size and argument count: a 1 MB %s through
 * curl_maprintf and curl_msnprintf, 20000 conversions in one format, "%.*s" reading only
 * `precision` bytes of an unterminated buffer, star width and precision from the
 * argument list (negative width left-aligns, negative precision is ignored), huge
 * widths, formats with 120..130 arguments (7.88.1 handles 128 and stops beyond),
 * positional arguments in reverse order, and curl_msnprintf's return value when the
 * output is cut. Output is summarised (length and a hash) where it is long. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/mprintf.h>

static unsigned long hash(const char *s, size_t n) {
  unsigned long h = 5381;
  size_t i;
  for (i = 0; i < n; i++) h = h * 33 + (unsigned char)s[i];
  return h & 0xffffffffUL;
}

static void show(const char *label, char *s) {
  if (!s) {
    printf("%s: NULL\n", label);
    return;
  }
  printf("%s: len %lu hash %08lx\n", label, (unsigned long)strlen(s), hash(s, strlen(s)));
  curl_free(s);
}

int main(void) {
  char *big = malloc(1000001), *fmt, *out;
  char raw[4] = {'a', 'b', 'c', 'd'}; /* not terminated */
  char buf[64];
  int i, r;
  memset(big, 'm', 1000000);
  big[1000000] = 0;
  show("aprintf 1 MB %s", curl_maprintf("<%s>", big));
  out = malloc(1000010);
  r = curl_msnprintf(out, 1000010, "%s", big);
  printf("snprintf 1 MB: r=%d len=%lu\n", r, (unsigned long)strlen(out));
  r = curl_msnprintf(out, 1000, "%s", big);
  printf("snprintf 1 MB into 1000: r=%d len=%lu\n", r, (unsigned long)strlen(out));
  free(out);
  fmt = malloc(20000 * 2 + 1);
  for (i = 0; i < 20000; i++) memcpy(fmt + 2 * i, "%%", 2);
  fmt[40000] = 0;
  show("20000 %%", curl_maprintf(fmt));
  free(fmt);
  show("%.*s of an unterminated buffer", curl_maprintf("[%.*s]", 4, raw));
  printf("%%.*s precision 2: ");
  out = curl_maprintf("[%.*s]", 2, raw);
  printf("%s\n", out);
  curl_free(out);
  out = curl_maprintf("[%*d] [%-*d] [%*d] [%.*d] [%.*s]", 6, 42, 6, 42, -6, 42, -3, 7, -1, "abc");
  printf("stars: %s\n", out);
  curl_free(out);
  show("width 100000", curl_maprintf("%100000d", 5));
  show("precision 100000", curl_maprintf("%.100000d", 5));
  out = curl_maprintf("%2$s-%1$s-%3$d", "one", "two", 3);
  printf("positional: %s\n", out);
  curl_free(out);
  for (i = 120; i <= 130; i++) {
    /* i conversions of %d, the arguments are all the same int */
    char f[1024];
    int k;
    f[0] = 0;
    for (k = 0; k < i; k++) strcat(f, "%d");
    out = curl_maprintf(f, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    printf("%d arguments: %s\n", i,
           out ? (strlen(out) == (size_t)i ? "all printed" : "cut") : "NULL");
    curl_free(out);
  }
  r = curl_msnprintf(buf, sizeof buf, "%s and %d", "a string that is long enough to be cut", 12345);
  printf("snprintf cut: r=%d [%s]\n", r, buf);
  r = curl_msnprintf(buf, 1, "%d", 12345);
  printf("snprintf size 1: r=%d [%s]\n", r, buf);
  r = curl_msnprintf(buf, 0, "%d", 12345);
  printf("snprintf size 0: r=%d\n", r);
  free(big);
  return 0;
}
