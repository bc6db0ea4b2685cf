/* Conformance: the URL API (curl_url, curl_url_set, curl_url_get, curl_url_dup,
 * curl_url_cleanup) on a large table of inputs, every part and every flag.
 *
 * Prints every return code and every resulting string; run on the system libcurl and on
 * mcurl, the outputs must be identical (tests/conformance/run_case.sh). */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *part_names[] = {"url",  "scheme", "user",  "password", "options", "host",
                                   "port", "path",   "query", "fragment", "zoneid"};
#define NPARTS 11

/* Prints a string with control and non-ASCII bytes as \xHH. */
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

static void show_parts(CURLU *u, unsigned int flags) {
  int p;
  for (p = 0; p < NPARTS; p++) {
    char *out = NULL;
    CURLUcode rc = curl_url_get(u, (CURLUPart)p, &out, flags);
    if (rc == CURLUE_OK) {
      printf(" %s=[", part_names[p]);
      put(out);
      putchar(']');
    } else {
      printf(" %s:%d", part_names[p], (int)rc);
      if (out) {
        printf("[");
        put(out);
        printf("]");
      }
    }
    curl_free(out);
  }
  putchar('\n');
}

/* ---- 1: parsing whole URLs under each set flag ---------------------------------------- */

static const char *urls[] = {"http://example.com/",
                             "http://example.com",
                             "https://example.com:8443/path/to/file.html?query=1&b=2#frag",
                             "HTTP://EXAMPLE.COM/PATH",
                             "HtTpS://x/",
                             "http://x/#",
                             "http://x/?",
                             "http://x/?#",
                             "http://x?#f",
                             "http://x?a=b",
                             "http://x#f",
                             "http://x/a#b?c",
                             "http://x/a?b#c?d#e",
                             "http://user@x/",
                             "http://user:pass@x/",
                             "http://user:pass:word@x/",
                             "http://u@p@x/",
                             "http://@x/",
                             "http://:@x/",
                             "http://u:@x/",
                             "http://:p@x/",
                             "http://;o@x/",
                             "http://u:p;o@x/",
                             "imap://u:p;o@x/",
                             "imap://u;o:p@x/",
                             "imap://u;o@x/",
                             "imap://;o@x/",
                             "imap://;@x/",
                             "imaps://a;b;c:d:e@x/",
                             "pop3://u;auth=*@x/",
                             "smtp://u;o@x/",
                             "ldap://u:p;o@x/",
                             "http://x:0/",
                             "http://x:/",
                             "http://x:00080/",
                             "http://x:80/",
                             "http://x:65535/",
                             "http://x:65536/",
                             "http://x:99999999999999999999999/",
                             "http://x:-1/",
                             "http://x:+1/",
                             "http://x:1a/",
                             "http://x:80:90/",
                             "http://x: 80/",
                             "http://x:8\x01/",
                             "http://[::1]/",
                             "http://[::1]:8080/",
                             "http://[::1]x/",
                             "http://[::1/",
                             "http://[::1]:/",
                             "http://[::]/",
                             "http://[:]/",
                             "http://[g::1]/",
                             "http://[::1%]/",
                             "http://[::1%25]/",
                             "http://[::1%2525]/",
                             "http://[::1%25abcdefghijklmnopq]/",
                             "http://[::1%25abcdefghijklmno]/",
                             "http://[::1%25abcdefghijklmnop]/",
                             "http://[fe80::1%25eth0]:80/",
                             "http://[fe80::1%eth0]/",
                             "http://[fe80::1%25eth0/",
                             "http://[0:0:0::1]/",
                             "http://[0000:0000:0000:0000:0000:0000:0000:0001]/",
                             "http://[::ffff:1.2.3.4]/",
                             "http://[::FFFF:102:304]/",
                             "http://[::ffff:102:304]/",
                             "http://[1:2:3:4:5:6:7:8:9]/",
                             "http://[1:2:3:4:5:6:7:8]/",
                             "http://[1:0:0:4:0:0:0:8]/",
                             "http://[1:0:3:4:5:6:7:8]/",
                             "http://[12345::1]/",
                             "http://[::1.2.3.4]/",
                             "http://[::1\x01]/",
                             "http://[::1]\x01/",
                             "http://u:p@[::1]:99/",
                             "http://0x7f.1/",
                             "http://127.1/",
                             "http://127.0.1/",
                             "http://2130706433/",
                             "http://017700000001/",
                             "http://0x7f000001/",
                             "http://0X7F.0.0.1/",
                             "http://08.1/",
                             "http://09/",
                             "http://1.2.3.4./",
                             "http://4294967295/",
                             "http://4294967296/",
                             "http://0/",
                             "http://1.16777215/",
                             "http://1.16777216/",
                             "http://1.2.65535/",
                             "http://1.2.65536/",
                             "http://1.2.3.256/",
                             "http://256.1.1.1/",
                             "http://0x/",
                             "http://0xg/",
                             "http://00/",
                             "http://017.0.0.1/",
                             "http://1..2/",
                             "http://.1/",
                             "http://1.2.3.4.5/",
                             "http://-1/",
                             "http://+1/",
                             "http://1.2.3.4:80/",
                             "http://99999999999999999999999/",
                             "http://x_y-z.~/",
                             "http://a!b/",
                             "http://a$b/",
                             "http://a'b/",
                             "http://a*b/",
                             "http://a(b/",
                             "http://a,b/",
                             "http://a=b/",
                             "http://a^b/",
                             "http://a{b/",
                             "http://a|b/",
                             "http://a\"b/",
                             "http://a<b/",
                             "http://a%00b/",
                             "http://a%01b/",
                             "http://a%1fb/",
                             "http://a%20b/",
                             "http://a%7fb/",
                             "http://a%c3%a4b/",
                             "http://a%zzb/",
                             "http://a%25b/",
                             "http://a%2/",
                             "http://a%2fb/",
                             "http://a%3ab/",
                             "http://a%41b/",
                             "http://%5b::1%5d/",
                             "http://1%2e2/",
                             "http://r\xc3\xa4ksm\xc3\xb6rg\xc3\xa5s.se/",
                             "http://x y/",
                             "http://x\ty/",
                             "http://x\x01/",
                             "http://a\x7f"
                             "b/",
                             "http://x:80\x7f/",
                             "http://x/a b",
                             "http://x/?a b",
                             "http://x/#a b",
                             "http://x/a%20b",
                             "http://x/a\x01"
                             "b",
                             "http://x/?a\x01"
                             "b",
                             "http://x/#a\x01"
                             "b",
                             "http://a\x01"
                             "b@x/",
                             "http://a b@x/",
                             "http://a:b c@x/",
                             "http://a:b\x01@x/",
                             "imap://u;o\x01@x",
                             "imap://u;o p@x",
                             "http://x/\x7f",
                             "http://x/a\xff"
                             "b",
                             "http://x/a b\x01",
                             "http://x/a\x01 b",
                             "http://x/?a b#\x01",
                             "http://x/?a\x01#a b",
                             "http://a b@x/\x01",
                             "http://x/a b?\x01",
                             "http://x\x01:80/",
                             "http://a b@x y/",
                             "http://?a b",
                             "http://#a b",
                             "http:///a b",
                             "http:///\x01",
                             "ht\x01tp://x/",
                             "h tp://x/",
                             "http://x/a/./b/../c",
                             "http://x/..",
                             "http://x/../a",
                             "http://x/./",
                             "http://x/.",
                             "http://x/a/..",
                             "http://x/a/../",
                             "http://x/a/.",
                             "http://x/a/./",
                             "http://x/a/b/../../..//c",
                             "http://x/.a/..b/...",
                             "http://x/a/.?b/..",
                             "http://x/a/..?b/..",
                             "http://x/%2e%2e/a",
                             "http://x/a/../b",
                             "http://x/a/b/c/./../../g",
                             "http://x/mid/content=5/../6",
                             "http://x/a//../b",
                             "http://x//",
                             "http://x/...",
                             "http://x/a/b/..c",
                             "http://x/./../.",
                             "http://x/a/b/./../c/.#f",
                             "h2p+x-y.z://x/",
                             "2http://x/",
                             "a_b://x/",
                             "abcdefghijklmnopqrstuvwxyzabcdefghijklmn://x/",
                             "abcdefghijklmnopqrstuvwxyzabcdefghijklmno://x/",
                             "foo://x/",
                             "foo:///p",
                             "foo:p",
                             "foo:",
                             "ws://x/",
                             "wss://x/",
                             "rtmp://x/",
                             "dict://x/",
                             "mqtt://x/",
                             "gopher://x/1",
                             "smb://x/share",
                             "scp://u@x/~/f",
                             "sftp://x/",
                             "telnet://x",
                             "tftp://x/f",
                             "rtsp://x/",
                             "ldaps://x/",
                             "http:x",
                             "http:",
                             "http:/",
                             "http:/x",
                             "http:/x/y",
                             "http://",
                             "http:///",
                             "http:///p",
                             "http:////x",
                             "http:\\\\x",
                             "http://u:p@/",
                             "http://u:p@:80/",
                             "http://:80/",
                             "file://",
                             "file:///",
                             "file:/",
                             "file:",
                             "file:a",
                             "file:ab",
                             "file:/etc",
                             "file:etc",
                             "file:./x",
                             "file:../x",
                             "file:///etc/passwd?q#f",
                             "file:///etc/passwd?q",
                             "file:///etc/passwd#",
                             "file://localhost/etc",
                             "file://localhost",
                             "file://LOCALHOST/x",
                             "file://127.0.0.1/x",
                             "file://127.0.0.2/x",
                             "file://host/etc",
                             "file://u@localhost/x",
                             "file:///c:/x",
                             "file:///c:",
                             "file:///c:x",
                             "file:///c|\\",
                             "file:///c",
                             "file:/c:/x",
                             "file:c:/x",
                             "file://c:/x",
                             "file://c|/x",
                             "file://c",
                             "file://c:",
                             "file:///a/../b",
                             "file:///a#f",
                             "file:///a b",
                             "file:///a\x01"
                             "b",
                             "FILE:///x",
                             "file:////x",
                             "file://///x",
                             "file:///%41",
                             "FiLe://localhost/x",
                             "",
                             " ",
                             "x",
                             "x/y",
                             "x:80",
                             "x:80/y",
                             "x:",
                             "//x/y",
                             "/x/y",
                             "?x",
                             "#x",
                             "ftp.x/y",
                             "FTP.example.com",
                             "dict.x",
                             "ldap.x/",
                             "imap.x",
                             "smtp.x",
                             "pop3.x",
                             "pop3x.y",
                             "www.x",
                             "data:x",
                             "x y",
                             "x\ty",
                             "u:p@ftp.x/",
                             "[::1]:80/",
                             "127.1/",
                             "0x7f.1:8/p",
                             "imap.x;o@y/",
                             "http://x/\xc3\xa4?\xc3\xa4#\xc3\xa4",
                             "http://x/ y ?a b#c d",
                             "http://x/a b?c d#e f",
                             "http://x/?a+b c=d e",
                             "http://x/a+b%41",
                             "http://x/a%2Fb%41?%41#%41",
                             "http://x/?%",
                             "http://x/%",
                             "http://x/?a=%zz",
                             "http://x:80/?q=1#f",
                             "https://x:443/",
                             "ftp://x:21/",
                             "http://x/path with spaces/and?query with spaces",
                             NULL};

static const unsigned int parse_flags[] = {
    0,
    CURLU_DEFAULT_SCHEME,
    CURLU_GUESS_SCHEME,
    CURLU_DEFAULT_SCHEME | CURLU_GUESS_SCHEME,
    CURLU_NON_SUPPORT_SCHEME,
    CURLU_PATH_AS_IS,
    CURLU_DISALLOW_USER,
    CURLU_URLENCODE,
    CURLU_ALLOW_SPACE,
    CURLU_NO_AUTHORITY,
    CURLU_NO_AUTHORITY | CURLU_NON_SUPPORT_SCHEME,
    CURLU_ALLOW_SPACE | CURLU_URLENCODE | CURLU_GUESS_SCHEME,
};
#define NPARSEFLAGS (sizeof(parse_flags) / sizeof(parse_flags[0]))

static void section_parse(void) {
  int i;
  size_t f;
  printf("== parse\n");
  for (i = 0; urls[i]; i++) {
    for (f = 0; f < NPARSEFLAGS; f++) {
      CURLU *u = curl_url();
      CURLUcode rc = curl_url_set(u, CURLUPART_URL, urls[i], parse_flags[f]);
      printf("[");
      put(urls[i]);
      printf("] %x -> %d", parse_flags[f], (int)rc);
      if (rc == CURLUE_OK) {
        show_parts(u, 0);
      } else {
        /* a failed parse leaves the handle empty */
        char *out = NULL;
        rc = curl_url_get(u, CURLUPART_URL, &out, 0);
        printf(" (url:%d)\n", (int)rc);
        curl_free(out);
      }
      curl_url_cleanup(u);
    }
  }
}

/* ---- 2: get flags --------------------------------------------------------------------- */

static const char *get_urls[] = {"http://x/",
                                 "http://x:80/",
                                 "http://x:8080/",
                                 "https://x:443/",
                                 "https://x/",
                                 "imap://u:p;o@x:143/",
                                 "ftp://u:p@x:21/a%20b?c+d%20e#f%20g",
                                 "http://x/a%00b?c%01d#e%7f",
                                 "http://x/%c3%a4?q=%c3%a4+%2b#%c3%a4",
                                 "http://x/a b?c d#e f",
                                 "http://r%c3%a4ksm%c3%b6rg%c3%a5s.se/p",
                                 "http://a%25b/",
                                 "http://a%zzb/",
                                 "http://[fe80::1%25eth0]:80/",
                                 "http://[::1]/",
                                 "foo://x:80/",
                                 "file:///etc/x",
                                 "file:///",
                                 "dict://x/",
                                 "mqtt://x:1883/",
                                 "http://x/?a+b%20c%2bd",
                                 "http://u%20s:p%3aw@x/",
                                 NULL};

static const unsigned int get_flags[] = {
    0,
    CURLU_DEFAULT_PORT,
    CURLU_NO_DEFAULT_PORT,
    CURLU_DEFAULT_PORT | CURLU_NO_DEFAULT_PORT,
    CURLU_URLDECODE,
    CURLU_URLENCODE,
    CURLU_PUNYCODE,
    CURLU_DEFAULT_SCHEME,
    CURLU_URLDECODE | CURLU_URLENCODE,
    CURLU_PUNYCODE | CURLU_URLENCODE,
};
#define NGETFLAGS (sizeof(get_flags) / sizeof(get_flags[0]))

static void section_get(void) {
  int i;
  size_t f;
  printf("== get\n");
  for (i = 0; get_urls[i]; i++) {
    for (f = 0; f < NGETFLAGS; f++) {
      /* a fresh handle each time: getting the URL may change the host */
      CURLU *u = curl_url();
      CURLUcode rc = curl_url_set(u, CURLUPART_URL, get_urls[i], CURLU_ALLOW_SPACE);
      printf("[");
      put(get_urls[i]);
      printf("] get %x (set %d)", get_flags[f], (int)rc);
      show_parts(u, get_flags[f]);
      curl_url_cleanup(u);
    }
  }
  /* Repeated gets of the whole URL keep encoding a "%" in the host (7.88.1). */
  {
    CURLU *u = curl_url();
    int k;
    curl_url_set(u, CURLUPART_URL, "http://a%25b/", 0);
    for (k = 0; k < 4; k++) {
      char *out = NULL;
      CURLUcode rc = curl_url_get(u, CURLUPART_URL, &out, k == 2 ? CURLU_URLENCODE : 0);
      printf("repeat %d -> %d [", k, (int)rc);
      put(out);
      printf("]\n");
      curl_free(out);
    }
    show_parts(u, 0);
    curl_url_cleanup(u);
  }
  /* A file: URL without a path prints "(nil)" until the path is asked for. */
  {
    CURLU *u = curl_url();
    char *out = NULL;
    curl_url_set(u, CURLUPART_URL, "file:///", 0);
    curl_url_get(u, CURLUPART_PATH, &out, 0);
    printf("file path [%s]", out);
    curl_free(out);
    curl_url_get(u, CURLUPART_URL, &out, 0);
    printf(" url [%s]\n", out);
    curl_free(out);
    curl_url_cleanup(u);
  }
}

/* ---- 3: relative references (redirects) ----------------------------------------------- */

static const char *bases[] = {"http://h/a/b/c?q#f",
                              "http://h",
                              "http://h/",
                              "http://h?q=1/2",
                              "http://h/d/?q=1/2",
                              "http://u:p@h:81/a/b",
                              "https://h/a/b/",
                              "http://h/a#f/g",
                              "http://h/a?q#f",
                              "file:///a/b",
                              "http://[::1]:8/a/b",
                              "http://a%25b/x/y",
                              "ftp://h/dir/file;type=i",
                              "foo://h/a/b",
                              NULL};

static const char *rels[] = {"d",
                             "../e",
                             "./f",
                             "../../../../g",
                             "/x/y",
                             "?z",
                             "#w",
                             "//other/p",
                             "//o2",
                             "",
                             ".",
                             "..",
                             "./",
                             "../",
                             "a b",
                             "\xc3\xa4",
                             "//\xc3\xa4/\xc3\xa4?\xc3\xa4",
                             "/p?q=/a",
                             "r",
                             "https://new/",
                             "x:80",
                             "./.././z/../w",
                             ".//a",
                             "..//a",
                             "/a%20b",
                             "?a b",
                             "http:relative",
                             "g;x?y#s",
                             "g?y/./x",
                             "g#s/../x",
                             "/./g",
                             "/../g",
                             "g.",
                             ".g",
                             "g..",
                             "..g",
                             "./g/.",
                             "g/./h",
                             "g/../h",
                             "//h2:99/x?y#z",
                             "///x",
                             "a\x01"
                             "b",
                             "a?b c#d e",
                             "//u:p@h3/",
                             "//[::2]/",
                             "//a b/",
                             "?",
                             "#",
                             NULL};

static const unsigned int rel_flags[] = {0,
                                         CURLU_ALLOW_SPACE,
                                         CURLU_PATH_AS_IS,
                                         CURLU_GUESS_SCHEME,
                                         CURLU_URLENCODE,
                                         CURLU_DEFAULT_PORT};
#define NRELFLAGS (sizeof(rel_flags) / sizeof(rel_flags[0]))

static void section_relative(void) {
  int b, r;
  size_t f;
  printf("== relative\n");
  for (b = 0; bases[b]; b++) {
    for (r = 0; rels[r]; r++) {
      for (f = 0; f < NRELFLAGS; f++) {
        CURLU *u = curl_url();
        char *out = NULL;
        CURLUcode rc0 = curl_url_set(u, CURLUPART_URL, bases[b], CURLU_NON_SUPPORT_SCHEME);
        CURLUcode rc = curl_url_set(u, CURLUPART_URL, rels[r], rel_flags[f]);
        CURLUcode rc2 = curl_url_get(u, CURLUPART_URL, &out, 0);
        printf("[%s] + [", bases[b]);
        put(rels[r]);
        printf("] %x -> %d %d %d [", rel_flags[f], (int)rc0, (int)rc, (int)rc2);
        put(out);
        printf("]\n");
        curl_free(out);
        curl_url_cleanup(u);
      }
    }
  }
  /* relative on an empty handle, on a handle with only some parts */
  {
    CURLU *u = curl_url();
    char *out = NULL;
    printf("empty rel -> %d\n", (int)curl_url_set(u, CURLUPART_URL, "rel/path", 0));
    printf("empty rel default -> %d\n",
           (int)curl_url_set(u, CURLUPART_URL, "rel/path", CURLU_DEFAULT_SCHEME));
    curl_url_get(u, CURLUPART_URL, &out, 0);
    printf("  [%s]\n", out);
    curl_free(out);
    curl_url_cleanup(u);
    u = curl_url();
    printf("scheme only -> %d\n", (int)curl_url_set(u, CURLUPART_SCHEME, "http", 0));
    printf("rel -> %d\n", (int)curl_url_set(u, CURLUPART_URL, "rel", 0));
    printf("host -> %d\n", (int)curl_url_set(u, CURLUPART_HOST, "h", 0));
    printf("rel -> %d\n", (int)curl_url_set(u, CURLUPART_URL, "rel", 0));
    curl_url_get(u, CURLUPART_URL, &out, 0);
    printf("  [%s]\n", out);
    curl_free(out);
    printf("rel2 -> %d\n", (int)curl_url_set(u, CURLUPART_URL, "x/../y?q", 0));
    curl_url_get(u, CURLUPART_URL, &out, 0);
    printf("  [%s]\n", out);
    curl_free(out);
    curl_url_cleanup(u);
  }
}

/* ---- 4: setting parts ----------------------------------------------------------------- */

static const char *set_values[] = {"",
                                   "x",
                                   "a b",
                                   "a+b",
                                   "a=b=c",
                                   "a&b",
                                   "a/b",
                                   "a%2Fb%41",
                                   "%Aa%bB%zz%",
                                   "a:b",
                                   "a@b",
                                   "a;b",
                                   "a?b",
                                   "a#b",
                                   "\xc3\xa4",
                                   "a\x01"
                                   "b",
                                   "a\tb",
                                   "a\rb",
                                   "a\x7f"
                                   "b",
                                   "0x7f.1",
                                   "127.0.0.1",
                                   "[::1]",
                                   "[0:0::2]",
                                   "[::1%25eth0]",
                                   "[fe80::1%eth0]",
                                   "[::1]:80",
                                   "[::1",
                                   "[zz]",
                                   "[1:::2%eth0]",
                                   "[::1%eth0]xyz",
                                   "x!",
                                   "x%",
                                   "x%00y",
                                   "x\\y",
                                   "Ab_C-d.e~f",
                                   "80",
                                   "080",
                                   "+8",
                                   " 8",
                                   "8 ",
                                   "-8",
                                   "0",
                                   "65535",
                                   "65536",
                                   "8a",
                                   "99999999999999999999",
                                   "http",
                                   "HTTPS",
                                   "imap",
                                   "foo",
                                   "a_b",
                                   "2ab",
                                   "abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
                                   "abcdefghijklmnopqrstuvwxyzabcdefghijklmno",
                                   "/a/../b",
                                   "a/./b",
                                   "k=v",
                                   "&k=v",
                                   "k=v&",
                                   "x y=z w=v",
                                   NULL};

static const unsigned int set_flags[] = {0,
                                         CURLU_URLENCODE,
                                         CURLU_NON_SUPPORT_SCHEME,
                                         CURLU_NO_AUTHORITY,
                                         CURLU_APPENDQUERY,
                                         CURLU_APPENDQUERY | CURLU_URLENCODE,
                                         CURLU_ALLOW_SPACE};
#define NSETFLAGS (sizeof(set_flags) / sizeof(set_flags[0]))

static const char *set_bases[] = {"imap://u:p;o@h:143/p?q=1#f", "http://[fe80::1%25eth0]/", NULL};

static void section_set(void) {
  int b, p, v;
  size_t f;
  printf("== set\n");
  for (b = 0; set_bases[b]; b++) {
    for (p = 1; p < NPARTS; p++) {
      for (v = 0; set_values[v]; v++) {
        for (f = 0; f < NSETFLAGS; f++) {
          CURLU *u;
          CURLUcode rc;
          /* 7.88.1 crashes on an empty host, or an empty appended query, to URL-encode */
          if (!set_values[v][0] && (set_flags[f] & CURLU_URLENCODE) &&
              (p == CURLUPART_HOST || p == CURLUPART_QUERY))
            continue;
          u = curl_url();
          curl_url_set(u, CURLUPART_URL, set_bases[b], 0);
          rc = curl_url_set(u, (CURLUPart)p, set_values[v], set_flags[f]);
          printf("%d %s [", b, part_names[p]);
          put(set_values[v]);
          printf("] %x -> %d", set_flags[f], (int)rc);
          show_parts(u, 0);
          curl_url_cleanup(u);
        }
      }
    }
  }
  /* clearing each part */
  for (p = 0; p < NPARTS; p++) {
    CURLU *u = curl_url();
    curl_url_set(u, CURLUPART_URL, "imap://u:p;o@[::1%25e]:143/p?q=1#f", 0);
    printf("clear %s -> %d", part_names[p], (int)curl_url_set(u, (CURLUPart)p, NULL, 0));
    show_parts(u, 0);
    show_parts(u, CURLU_DEFAULT_PORT | CURLU_DEFAULT_SCHEME);
    curl_url_cleanup(u);
  }
  /* building a URL part by part */
  {
    CURLU *u = curl_url();
    printf("build:");
    printf(" %d", (int)curl_url_set(u, CURLUPART_HOST, "example.com", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_SCHEME, "ftp", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_PORT, "2121", 0));
    printf(" %d", (int)curl_url_set(u, CURLUPART_PATH, "dir/file", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_QUERY, "a=1", 0));
    printf(" %d",
           (int)curl_url_set(u, CURLUPART_QUERY, "b=2 3", CURLU_APPENDQUERY | CURLU_URLENCODE));
    printf(" %d", (int)curl_url_set(u, CURLUPART_QUERY, "c", CURLU_APPENDQUERY));
    printf(" %d", (int)curl_url_set(u, CURLUPART_FRAGMENT, "", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_USER, "", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_PASSWORD, "pw", 0));
    printf(" %d", (int)curl_url_set(u, CURLUPART_OPTIONS, "op", 0));
    show_parts(u, 0);
    printf(" %d", (int)curl_url_set(u, CURLUPART_SCHEME, "smtp", 0));
    show_parts(u, CURLU_NO_DEFAULT_PORT);
    printf(" %d", (int)curl_url_set(u, CURLUPART_PORT, "25", 0));
    show_parts(u, CURLU_NO_DEFAULT_PORT);
    printf(" %d", (int)curl_url_set(u, CURLUPART_SCHEME, NULL, 0));
    show_parts(u, 0);
    show_parts(u, CURLU_DEFAULT_SCHEME | CURLU_DEFAULT_PORT);
    printf(" %d", (int)curl_url_set(u, CURLUPART_HOST, NULL, 0));
    show_parts(u, CURLU_DEFAULT_SCHEME);
    printf(" %d", (int)curl_url_set(u, CURLUPART_ZONEID, "z", 0));
    printf(" %d", (int)curl_url_set(u, CURLUPART_HOST, "[::1]", 0));
    show_parts(u, CURLU_DEFAULT_SCHEME);
    printf(" %d", (int)curl_url_set(u, CURLUPART_ZONEID, "z", 0));
    show_parts(u, CURLU_DEFAULT_SCHEME);
    printf(" %d", (int)curl_url_set(u, CURLUPART_PATH, "", 0));
    show_parts(u, CURLU_DEFAULT_SCHEME);
    printf(" %d", (int)curl_url_set(u, CURLUPART_PATH, NULL, 0));
    show_parts(u, CURLU_DEFAULT_SCHEME);
    printf(" %d", (int)curl_url_set(u, CURLUPART_SCHEME, "file", 0));
    show_parts(u, 0);
    curl_url_cleanup(u);
  }
}

/* ---- 5: bytes ------------------------------------------------------------------------ */

static void section_bytes(void) {
  int c;
  printf("== bytes\n");
  for (c = 1; c < 256; c++) {
    char buf[64];
    CURLU *u = curl_url();
    CURLUcode r1, r2, r3, r4, r5, r6;
    char *host = NULL;
    sprintf(buf, "http://a%cb/", c);
    r1 = curl_url_set(u, CURLUPART_URL, buf, 0);
    curl_url_get(u, CURLUPART_HOST, &host, 0);
    sprintf(buf, "http://x/a%cb?c%cd#e%cf", c, c, c);
    r2 = curl_url_set(u, CURLUPART_URL, buf, 0);
    sprintf(buf, "http://u%cv:p%cw@x/", c, c);
    r3 = curl_url_set(u, CURLUPART_URL, buf, 0);
    sprintf(buf, "a%cb", c);
    r4 = curl_url_set(u, CURLUPART_HOST, buf, 0);
    r5 = curl_url_set(u, CURLUPART_HOST, buf, CURLU_URLENCODE);
    sprintf(buf, "http://a%%%02xb/", c);
    r6 = curl_url_set(u, CURLUPART_URL, buf, 0);
    printf("%02x: %d %d %d %d %d %d [", c, (int)r1, (int)r2, (int)r3, (int)r4, (int)r5, (int)r6);
    put(host);
    printf("]\n");
    curl_free(host);
    curl_url_cleanup(u);
  }
}

/* ---- 6: handles, bad arguments, sizes ------------------------------------------------- */

static void section_handles(void) {
  CURLU *u = curl_url();
  CURLU *d;
  char *out = (char *)"untouched";
  int p;
  printf("== handles\n");
  printf("get NULL handle -> %d\n", (int)curl_url_get(NULL, CURLUPART_URL, &out, 0));
  printf("set NULL handle -> %d\n", (int)curl_url_set(NULL, CURLUPART_URL, "http://x/", 0));
  printf("get NULL part -> %d\n", (int)curl_url_get(u, CURLUPART_URL, NULL, 0));
  printf("get unknown -> %d\n", (int)curl_url_get(u, (CURLUPart)11, &out, 0));
  printf("  out %s\n", out ? "set" : "NULL");
  printf("get unknown neg -> %d\n", (int)curl_url_get(u, (CURLUPart)-1, &out, 0));
  printf("set unknown -> %d\n", (int)curl_url_set(u, (CURLUPart)11, "x", 0));
  printf("set unknown NULL -> %d\n", (int)curl_url_set(u, (CURLUPart)99, NULL, 0));
  for (p = 0; p < NPARTS; p++) {
    out = (char *)"untouched";
    printf("empty get %s -> %d", part_names[p], (int)curl_url_get(u, (CURLUPart)p, &out, 0));
    printf(" [%s]\n", out ? out : "NULL");
    if (p == CURLUPART_PATH) curl_free(out);
  }
  curl_url_cleanup(NULL);
  curl_url_set(u, CURLUPART_URL, "https://u:p@h:8/p?q#f", 0);
  d = curl_url_dup(u);
  curl_url_set(u, CURLUPART_URL, NULL, 0);
  printf("original after clear:");
  show_parts(u, 0);
  printf("dup:");
  show_parts(d, 0);
  curl_url_cleanup(d);
  /* failed parse keeps the old contents */
  curl_url_set(u, CURLUPART_URL, "https://keep/me", 0);
  printf("bad -> %d", (int)curl_url_set(u, CURLUPART_URL, "http://[::1/", 0));
  show_parts(u, 0);
  printf("bad2 -> %d", (int)curl_url_set(u, CURLUPART_URL, "foo://x", 0));
  show_parts(u, 0);
  curl_url_cleanup(u);

  /* the 8 MB limit */
  {
    size_t n = 8000000;
    char *big = malloc(n + 2);
    const char *pre = "http://x/";
    memset(big, 'a', n + 1);
    memcpy(big, pre, strlen(pre));
    big[n] = 0;
    u = curl_url();
    printf("len %lu -> %d\n", (unsigned long)n, (int)curl_url_set(u, CURLUPART_URL, big, 0));
    big[n] = 'a';
    big[n + 1] = 0;
    printf("len %lu -> %d\n", (unsigned long)n + 1, (int)curl_url_set(u, CURLUPART_URL, big, 0));
    printf("path len %lu -> %d\n", (unsigned long)n + 1,
           (int)curl_url_set(u, CURLUPART_PATH, big, 0));
    printf("scheme len %lu -> %d\n", (unsigned long)n + 1,
           (int)curl_url_set(u, CURLUPART_SCHEME, big, 0));
    big[n] = 0;
    printf("path len %lu -> %d\n", (unsigned long)n, (int)curl_url_set(u, CURLUPART_PATH, big, 0));
    curl_url_cleanup(u);
    free(big);
  }
}

int main(void) {
  section_parse();
  section_get();
  section_relative();
  section_set();
  section_bytes();
  section_handles();
  return 0;
}
