/* Conformance: CURLU_PUNYCODE on non-ASCII host names, in the C locale and in a UTF-8
 * locale (libcurl 7.88.1 converts through libidn2, which reads the locale's charset). */
#include <curl/curl.h>
#include <locale.h>
#include <stdio.h>

static const char *hosts[] = {
    "http://r\xc3\xa4ksm\xc3\xb6rg\xc3\xa5s.se/",
    "http://R\xc3\x84KSM\xc3\x96RG\xc3\x85S.SE/",
    "http://\xc3\x9f.de/",
    "http://a%c3%a4b/",
    "http://Stra\xc3\x9f"
    "e.de/",
    "http://\xce\x91\xce\x92\xce\x93.gr/",
    "http://R\xc3\xa4k.COM/",
    "http://a\xe2\x98\x83"
    "b/",
    "http://\xf0\x9f\x98\x80.com/",
    "http://a\xff\xfe"
    "b/",
    "http://a.\xc3\xa4./",
    "http://\xc3\xa9.x/",
    "http://a..\xc3\xa4/",
    "http://-\xc3\xa4/",
    "http://\xc3\xa4-/",
    "http://\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e.jp/",
    "http://xn--rksmrgs-5wao1o.se/",
    "http://EXAMPLE.com/",
    "http://\xc3\xa4\xc3\xb6\xc3\xbc.\xc3\xa4\xc3\xb6\xc3\xbc.x/",
    "http://a\xc3\xa4"
    "a\xc3\xa4"
    "a\xc3\xa4"
    "a\xc3\xa4"
    "a\xc3\xa4"
    "a\xc3\xa4"
    "a\xc3\xa4/",
    "http://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84/",
    "http://u:p@\xc3\xa4:99/p?q#f",
    NULL};

static void put(const char *s) {
  if (!s) {
    fputs("(null)", stdout);
    return;
  }
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c >= 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
}

static void run(const char *label) {
  int i;
  printf("== %s\n", label);
  for (i = 0; hosts[i]; i++) {
    CURLU *u = curl_url();
    char *out = NULL;
    CURLUcode rc = curl_url_set(u, CURLUPART_URL, hosts[i], 0);
    put(hosts[i]);
    printf(" -> %d", (int)rc);
    rc = curl_url_get(u, CURLUPART_HOST, &out, CURLU_PUNYCODE);
    printf(" host %d [", (int)rc);
    put(out);
    curl_free(out);
    out = NULL;
    rc = curl_url_get(u, CURLUPART_URL, &out, CURLU_PUNYCODE);
    printf("] url %d [", (int)rc);
    put(out);
    curl_free(out);
    out = NULL;
    rc = curl_url_get(u, CURLUPART_URL, &out, CURLU_PUNYCODE | CURLU_URLENCODE);
    printf("] enc %d [", (int)rc);
    put(out);
    printf("]\n");
    curl_free(out);
    curl_url_cleanup(u);
  }
}

int main(void) {
  run("C locale");
  /* where C.UTF-8 is missing both libraries simply stay in the C locale */
  if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8")) run("UTF-8 locale");
  return 0;
}
