/* Conformance: pseudo-random URLs (a fixed-seed generator over URL-shaped tokens) through
 * curl_url_set / curl_url_get with random flags, random part changes and random relative
 * references. Deterministic: both libraries see the same inputs and must print the same. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#ifndef URL_FUZZ_SEED
#define URL_FUZZ_SEED 0x9e3779b97f4a7c15ULL
#endif
static unsigned long long state = URL_FUZZ_SEED;
static unsigned int rnd(unsigned int n) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (unsigned int)((state >> 11) % n);
}

static const char *schemes[] = {"http://",  "https://", "HTTP://", "ftp://", "imap://",
                                "file://",  "file:",    "foo://",  "http:",  "http:/",
                                "http:///", "smtp://",  "",        "",       "dict://",
                                "x+y.z://", "ldap://",  "1ttp://"};
static const char *logins[] = {"",       "",         "",       "u@",    "u:p@", ":p@",
                               "@",      "u;o@",     "u:p;o@", ";o:p@", "a b@", "u%40x:p%3a@",
                               "u:p:q@", "\xc3\xa4@"};
static const char *hosts[] = {"example.com",
                              "x",
                              "EXAMPLE.org",
                              "127.0.0.1",
                              "0x7f.1",
                              "1.2.3",
                              "[::1]",
                              "[fe80::1%25eth0]",
                              "[::ffff:1.2.3.4]",
                              "[0:0::1]",
                              "",
                              "a%41b",
                              "a%25b",
                              "a%2fb",
                              "ftp.x",
                              "dict.y",
                              "a_b",
                              "a b",
                              "localhost",
                              "4294967295",
                              "08.1",
                              "[::1",
                              "r\xc3\xa4k",
                              "x.",
                              "a.b.c.d.e",
                              "-",
                              "1.2.3.4.5"};
static const char *ports[] = {"",  "",       "",      ":80", ":443", ":0",
                              ":", ":65536", ":8080", ":x",  ":021", ":-1"};
static const char *segs[] = {"a",        "b",   ".",   "..",  "",    "%2e", "c d", "%41",
                             "\xc3\xa4", "e+f", "g=h", "...", "i;j", "~k",  "%zz"};
static const char *queries[] = {"",           "",         "?",         "?a=b", "?a b",
                                "?a+b&c=%20", "?/x/../y", "?\xc3\xa4", "?%",   "?#"};
static const char *frags[] = {"", "", "#", "#f", "#a b", "#/x", "#\xc3\xa4", "#?q"};
static const char *rels[] = {
    "a",  "../b",   "./c", "/d",         "//e/f", "?g",          "#h",    "",
    "..", "i/../j", "k l", "https://m/", "n:80",  "//[::2]:9/o", "p?q#r", "/s/../t"};
static const unsigned int flag_bits[] = {
    CURLU_DEFAULT_PORT, CURLU_NO_DEFAULT_PORT, CURLU_DEFAULT_SCHEME, CURLU_NON_SUPPORT_SCHEME,
    CURLU_PATH_AS_IS,   CURLU_DISALLOW_USER,   CURLU_URLDECODE,      CURLU_URLENCODE,
    CURLU_APPENDQUERY,  CURLU_GUESS_SCHEME,    CURLU_NO_AUTHORITY,   CURLU_ALLOW_SPACE};

#define PICK(a) a[rnd(sizeof(a) / sizeof(a[0]))]

static unsigned int random_flags(void) {
  unsigned int f = 0;
  int n = (int)rnd(4), i;
  for (i = 0; i < n; i++) f |= PICK(flag_bits);
  return f;
}

static void put(const char *s) {
  if (!s) {
    fputs("(null)", stdout);
    return;
  }
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c >= 0x7f || c == '\\')
      printf("\\x%02x", c);
    else
      putchar(c);
  }
}

static void show(CURLU *u, unsigned int flags) {
  int p;
  printf("  get %x:", flags);
  for (p = 0; p <= CURLUPART_ZONEID; p++) {
    char *out = NULL;
    CURLUcode rc = curl_url_get(u, (CURLUPart)p, &out, flags);
    printf(" %d", (int)rc);
    if (out) {
      putchar('[');
      put(out);
      putchar(']');
    }
    curl_free(out);
  }
  putchar('\n');
}

int main(void) {
  int i, k;
  for (i = 0; i < 6000; i++) {
    char url[512];
    unsigned int flags = random_flags();
    CURLU *u = curl_url();
    CURLUcode rc;
    int nseg = (int)rnd(4);
    strcpy(url, PICK(schemes));
    strcat(url, PICK(logins));
    strcat(url, PICK(hosts));
    strcat(url, PICK(ports));
    for (k = 0; k < nseg; k++) {
      strcat(url, "/");
      strcat(url, PICK(segs));
    }
    if (rnd(3) == 0) strcat(url, "/");
    strcat(url, PICK(queries));
    strcat(url, PICK(frags));
    rc = curl_url_set(u, CURLUPART_URL, url, flags);
    printf("%d [", i);
    put(url);
    printf("] %x -> %d\n", flags, (int)rc);
    show(u, random_flags());
    /* a few changes */
    for (k = 0; k < 3; k++) {
      unsigned int f = random_flags();
      int what = (int)rnd(11);
      const char *val;
      if (what == CURLUPART_URL)
        val = PICK(rels);
      else if (what == CURLUPART_HOST)
        val = PICK(hosts);
      else if (what == CURLUPART_PORT)
        val = PICK(ports);
      if (what == CURLUPART_PORT && rnd(2) == 0 && *val) val++; /* drop the ':' */
      else if (what == CURLUPART_QUERY)
        val = PICK(queries);
      else
        val = PICK(segs);
      if (rnd(10) == 0) val = NULL;
      /* 7.88.1 crashes on URL-encoding an empty host or an empty appended query */
      if (val && !*val && (f & CURLU_URLENCODE) &&
          (what == CURLUPART_HOST || what == CURLUPART_QUERY))
        continue;
      rc = curl_url_set(u, (CURLUPart)what, val, f);
      printf("  set %d [", what);
      put(val);
      printf("] %x -> %d\n", f, (int)rc);
    }
    show(u, random_flags());
    curl_url_cleanup(u);
  }
  return 0;
}
