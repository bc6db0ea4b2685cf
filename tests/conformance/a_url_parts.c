/* The URL API part by part: on a handle holding a full URL, each part is set to each of
 * a row of odd values (NULL to clear, empty, blanks, '%' forms, '#', '?', '@', ':', '/',
 * bytes >= 0x80, a 3000-byte value), plain and with CURLU_URLENCODE; the return code
 * and then the whole URL and every part (plain and with CURLU_URLDECODE) are printed.
 * An empty host with CURLU_URLENCODE is left out (it crashes 7.88.1).
 * A systematic sweep next to url_api.c's hand-picked table. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

static const struct {
  CURLUPart part;
  const char *name;
} parts[] = {{CURLUPART_SCHEME, "scheme"},     {CURLUPART_USER, "user"},
             {CURLUPART_PASSWORD, "password"}, {CURLUPART_OPTIONS, "options"},
             {CURLUPART_HOST, "host"},         {CURLUPART_ZONEID, "zoneid"},
             {CURLUPART_PORT, "port"},         {CURLUPART_PATH, "path"},
             {CURLUPART_QUERY, "query"},       {CURLUPART_FRAGMENT, "fragment"}};

static void esc(const char *s) {
  size_t n = 0;
  for (; *s && n < 120; s++, n++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c >= 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
  if (*s) printf("...(%lu)", (unsigned long)(n + strlen(s)));
}

static void dump(CURLU *u) {
  size_t i;
  char *v = NULL;
  CURLUcode rc = curl_url_get(u, CURLUPART_URL, &v, 0);
  printf("    url %d ", (int)rc);
  if (v) esc(v);
  curl_free(v);
  printf("\n   ");
  for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    char *d = NULL;
    v = NULL;
    rc = curl_url_get(u, parts[i].part, &v, 0);
    printf(" %s=%d", parts[i].name, (int)rc);
    if (v) {
      printf(":");
      esc(v);
    }
    rc = curl_url_get(u, parts[i].part, &d, CURLU_URLDECODE);
    if (rc == CURLUE_OK && !d)
      printf("|dec:NULL"); /* 7.88.1 answers OK without a string for decoded options */
    else if (rc == CURLUE_OK && v && strcmp(d, v)) {
      printf("|dec:");
      esc(d);
    }
    curl_free(v);
    curl_free(d);
  }
  printf("\n");
}

int main(void) {
  static char big[3001];
  const char *values[] = {NULL,   "",    " ",     "a b",   "%",  "%41",   "%zz",
                          "#",    "?",   "@",     ":",     "/",  "a/b",   "\xc3\xa9",
                          "8080", "0",   "65535", "65536", "-1", "x:y@z", "[::1]",
                          "HTTP", "ftp", "a%2Fb", "q=1&r", big};
  size_t i, j;
  int flags;
  setvbuf(stdout, NULL, _IOLBF, 0);
  memset(big, 'v', 3000);
  for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    for (j = 0; j < sizeof values / sizeof values[0]; j++) {
      for (flags = 0; flags <= 1; flags++) {
        CURLU *u;
        CURLUcode rc;
        /* 7.88.1 crashes on an empty host with CURLU_URLENCODE. */
        if (flags && values[j] && !*values[j] && parts[i].part == CURLUPART_HOST) continue;
        u = curl_url();
        curl_url_set(u, CURLUPART_URL, "https://us:pw@host.example:8443/p/a?q=1#frag", 0);
        rc = curl_url_set(u, parts[i].part, values[j], flags ? CURLU_URLENCODE : 0);
        printf("set %s ", parts[i].name);
        if (values[j])
          esc(values[j]);
        else
          printf("NULL");
        printf("%s = %d\n", flags ? " (URLENCODE)" : "", (int)rc);
        dump(u);
        curl_url_cleanup(u);
      }
    }
  }
  return 0;
}
