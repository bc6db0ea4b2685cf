/* setopt_matrix: curl_easy_setopt's answer for every option of the library's own option
 * table (curl_easy_option_next) and a fixed set of probe values per option type, each
 * on a fresh handle; then every other option number in the five type ranges, and a few
 * sequences where an earlier option changes the answer of a later one.
 *
 * Output: one line per option, "NAME v1=rc v2=rc ...". Run in a private temporary
 * directory, because options such as COOKIEJAR, ALTSVC and HSTS name files. */
#define CURL_DISABLE_DEPRECATION 1
#include <curl/curl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dummy_area[4096];
static char errbuf[CURL_ERROR_SIZE];

static size_t dummy_fn(void) { return 0; }

static const long long_probes[] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 20, 30, 31, 32, 33, 63, 64, 65,
    100, 127, 128, 255, 256, 257, 300, 1000, 1024, 2048, 4096, 8192, 16384, 16385, 65535,
    65536, 65537, 0x10001, 0x20003, 0x30004, 0x40006, 0x50000, 0x60000, 0x70000, 0x80000,
    100000, 524288, 524289, 1000000, 10485760, 10485761, 0x7fffffffL, 0x80000000L,
    0xffffffffL, LONG_MAX, -1, -2, -3, -100, -65536, LONG_MIN, 511, 512, 2147483, 2147484,
    0x7ffffffeL, 0x100000000L, 0x100000001L, 0x1ffffL, 0x7fff0000L, 0xffff0000L, -65535,
    -0x7fffffffL, -0x80000000L, -0x80000001L};

static const curl_off_t off_probes[] = {0, 1, 2, 100, 65536, 0x7fffffffLL, 0x100000000LL,
                                        LLONG_MAX, -1, -2, -100, LLONG_MIN};

static const char *const str_probes[] = {
    NULL, "", "garbage", "0", "1", "-1", "all", "ALL", "http", "HTTP", "http,https",
    "https,-http", "-all", "+http", ",", "http,", "foo,http", "http,foo", "SESS", "FLUSH",
    "RELOAD", "Set-Cookie: a=b", "a:b", ":", "user:pass", "DEFAULT", "1-2", "sha256//abc",
    "h2", "localhost", "127.0.0.1", "::1", "http://example.com/", "AUTH=*", "tls1.2", "SRP",
    "srpX", "Sr", "dynamic", "DYNAMIC", "padlock", "rdrand", "ws", "wss", "WS", "rtmpe",
    "all,foo", "foo,all", "file", " http", "http ,https", "http,,https", "HTTP,HTTPS,FTP",
    "dict,file,ftp,ftps,gopher,gophers,http,https,imap,imaps,ldap,ldaps,mqtt,pop3,pop3s",
    "rtmp,rtmpe,rtmps,rtmpt,rtmpte,rtmpts,rtsp,scp,sftp,smb,smbs,smtp,smtps,telnet,tftp"};

/* Each probe gets a handle of its own. */
static CURL *fresh(void) {
  CURL *h = curl_easy_init();
  if(!h) {
    printf("curl_easy_init failed\n");
    exit(1);
  }
  return h;
}

static void probe_long(const struct curl_easyoption *o) {
  size_t i;
  int bit;
  printf("%s", o->name);
  for(bit = 0; bit < 63; bit++) {
    CURL *h = fresh();
    CURLcode rc = curl_easy_setopt(h, o->id, 1L << bit);
    printf(" b%d=%d", bit, (int)rc);
    curl_easy_cleanup(h);
  }
  for(i = 0; i < sizeof(long_probes) / sizeof(long_probes[0]); i++) {
    CURL *h = fresh();
    CURLcode rc = curl_easy_setopt(h, o->id, long_probes[i]);
    printf(" %ld=%d", long_probes[i], (int)rc);
    curl_easy_cleanup(h);
  }
  printf("\n");
}

static void probe_off(const struct curl_easyoption *o) {
  size_t i;
  printf("%s", o->name);
  for(i = 0; i < sizeof(off_probes) / sizeof(off_probes[0]); i++) {
    CURL *h = fresh();
    CURLcode rc = curl_easy_setopt(h, o->id, off_probes[i]);
    printf(" %lld=%d", (long long)off_probes[i], (int)rc);
    curl_easy_cleanup(h);
  }
  printf("\n");
}

static char *big_string(size_t n) {
  char *s = malloc(n + 1);
  if(!s) exit(1);
  memset(s, 'a', n);
  s[n] = 0;
  return s;
}

static void probe_string(const struct curl_easyoption *o, const char *big_ok,
                         const char *big_bad) {
  size_t i;
  printf("%s", o->name);
  for(i = 0; i < sizeof(str_probes) / sizeof(str_probes[0]); i++) {
    CURL *h = fresh();
    CURLcode rc = curl_easy_setopt(h, o->id, str_probes[i]);
    printf(" [%s]=%d", str_probes[i] ? str_probes[i] : "NULL", (int)rc);
    curl_easy_cleanup(h);
  }
  /* The engine names are looked up in OpenSSL: skip the 8 MB names there. */
  if(o->id != CURLOPT_SSLENGINE) {
    CURL *h = fresh();
    printf(" [8000000]=%d", (int)curl_easy_setopt(h, o->id, big_ok));
    curl_easy_cleanup(h);
    h = fresh();
    printf(" [8000001]=%d", (int)curl_easy_setopt(h, o->id, big_bad));
    curl_easy_cleanup(h);
  }
  printf("\n");
}

static void probe_slist(const struct curl_easyoption *o) {
  struct curl_slist *l = curl_slist_append(NULL, "X-A: b");
  CURL *h = fresh();
  printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (struct curl_slist *)NULL));
  curl_easy_cleanup(h);
  h = fresh();
  printf(" list=%d\n", (int)curl_easy_setopt(h, o->id, l));
  curl_easy_cleanup(h);
  curl_slist_free_all(l);
}

static void probe_ptr(const struct curl_easyoption *o, void *p) {
  CURL *h = fresh();
  printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (void *)NULL));
  curl_easy_cleanup(h);
  h = fresh();
  printf(" ptr=%d\n", (int)curl_easy_setopt(h, o->id, p));
  curl_easy_cleanup(h);
}

static void probe_function(const struct curl_easyoption *o) {
  CURL *h = fresh();
  printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (void (*)(void))NULL));
  curl_easy_cleanup(h);
  h = fresh();
  printf(" fn=%d\n", (int)curl_easy_setopt(h, o->id, dummy_fn));
  curl_easy_cleanup(h);
}

static void probe_blob(const struct curl_easyoption *o, char *big) {
  struct curl_blob b;
  unsigned int flags[] = {CURL_BLOB_COPY, CURL_BLOB_NOCOPY, 7};
  size_t lens[] = {0, 5, 8000000, 8000001};
  size_t i, j;
  CURL *h = fresh();
  printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (struct curl_blob *)NULL));
  curl_easy_cleanup(h);
  for(i = 0; i < 3; i++) {
    for(j = 0; j < 4; j++) {
      b.data = big;
      b.len = lens[j];
      b.flags = flags[i];
      h = fresh();
      printf(" %u/%lu=%d", flags[i], (unsigned long)lens[j], (int)curl_easy_setopt(h, o->id, &b));
      curl_easy_cleanup(h);
    }
  }
  printf("\n");
}

static void probe_object(const struct curl_easyoption *o) {
  switch(o->id) {
  case CURLOPT_SHARE: {
    CURLSH *sh = curl_share_init();
    probe_ptr(o, sh);
    curl_share_cleanup(sh);
    break;
  }
  case CURLOPT_STREAM_DEPENDS:
  case CURLOPT_STREAM_DEPENDS_E: {
    CURL *dep = fresh();
    CURL *h = fresh();
    printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (CURL *)NULL));
    printf(" easy=%d\n", (int)curl_easy_setopt(h, o->id, dep));
    curl_easy_cleanup(h);
    curl_easy_cleanup(dep);
    break;
  }
  case CURLOPT_MIMEPOST: {
    CURL *h = fresh();
    curl_mime *m = curl_mime_init(h);
    printf("%s NULL=%d", o->name, (int)curl_easy_setopt(h, o->id, (curl_mime *)NULL));
    printf(" mime=%d\n", (int)curl_easy_setopt(h, o->id, m));
    curl_easy_cleanup(h);
    curl_mime_free(m);
    break;
  }
  case CURLOPT_CURLU: {
    CURLU *u = curl_url();
    probe_ptr(o, u);
    curl_url_cleanup(u);
    break;
  }
  case CURLOPT_ERRORBUFFER:
    probe_ptr(o, errbuf);
    break;
  case CURLOPT_STDERR:
    probe_ptr(o, stdout);
    break;
  case CURLOPT_POSTFIELDS:
  case CURLOPT_COPYPOSTFIELDS: {
    const char *vals[] = {NULL, "", "garbage"};
    size_t i;
    printf("%s", o->name);
    for(i = 0; i < 3; i++) {
      CURL *h = fresh();
      printf(" [%s]=%d", vals[i] ? vals[i] : "NULL", (int)curl_easy_setopt(h, o->id, vals[i]));
      curl_easy_cleanup(h);
    }
    printf("\n");
    break;
  }
  default:
    probe_ptr(o, dummy_area);
    break;
  }
}

static int in_table(int id) {
  const struct curl_easyoption *o = NULL;
  while((o = curl_easy_option_next(o)))
    if((int)o->id == id) return 1;
  return 0;
}

/* Options whose answer depends on what was set before. */
static void sequences(void) {
  CURL *h = fresh();
  printf("seq POSTFIELDSIZE=-1 %d", (int)curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, -1L));
  printf(" COPYPOSTFIELDS=%d", (int)curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "abc"));
  printf(" POSTFIELDSIZE=3 %d", (int)curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, 3L));
  printf(" POSTFIELDSIZE=-2 %d", (int)curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, -2L));
  printf(" POSTFIELDSIZE_LARGE=2 %d",
         (int)curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)2));
  printf(" COPYPOSTFIELDS=%d", (int)curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "xy"));
  printf(" POSTFIELDSIZE_LARGE=-2 %d\n",
         (int)curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)-2));
  curl_easy_cleanup(h);

  h = fresh();
  printf("seq SSLVERSION");
  {
    long mn, mx;
    for(mn = 0; mn <= 9; mn++)
      for(mx = 0; mx <= 9; mx++)
        printf(" %ld/%ld=%d", mn, mx, (int)curl_easy_setopt(h, CURLOPT_SSLVERSION, mn | (mx << 16)));
    for(mn = 0; mn <= 9; mn++)
      for(mx = 0; mx <= 9; mx++)
        printf(" p%ld/%ld=%d", mn, mx,
               (int)curl_easy_setopt(h, CURLOPT_PROXY_SSLVERSION, mn | (mx << 16)));
  }
  printf("\n");
  curl_easy_cleanup(h);

  printf("seq NULL handle=%d\n", (int)curl_easy_setopt(NULL, CURLOPT_URL, "http://x/"));
  printf("seq NULL handle unknown=%d\n", (int)curl_easy_setopt(NULL, (CURLoption)99999, 0L));
}

int main(void) {
  char tmpl[] = "/tmp/setopt_matrix.XXXXXX";
  char *big_ok = big_string(8000000);
  char *big_bad = big_string(8000001);
  const struct curl_easyoption *o = NULL;
  int base, n;
  static const int bases[] = {0, 10000, 20000, 30000, 40000};
  char cmd[200];

  if(!mkdtemp(tmpl) || chdir(tmpl)) return 1;
  curl_global_init(CURL_GLOBAL_DEFAULT);

  while((o = curl_easy_option_next(o))) {
    switch(o->type) {
    case CURLOT_LONG:
    case CURLOT_VALUES:
      probe_long(o);
      break;
    case CURLOT_OFF_T:
      probe_off(o);
      break;
    case CURLOT_STRING:
      probe_string(o, big_ok, big_bad);
      break;
    case CURLOT_SLIST:
      probe_slist(o);
      break;
    case CURLOT_CBPTR:
      probe_ptr(o, dummy_area);
      break;
    case CURLOT_FUNCTION:
      probe_function(o);
      break;
    case CURLOT_BLOB:
      probe_blob(o, big_bad);
      break;
    case CURLOT_OBJECT:
      probe_object(o);
      break;
    default:
      printf("%s unknown type %d\n", o->name, (int)o->type);
    }
  }

  /* Every option number outside the table: 0/NULL of the range's type. */
  for(base = 0; base < 5; base++) {
    printf("outside %d:", bases[base]);
    for(n = 0; n < 400; n++) {
      int id = bases[base] + n;
      CURL *h;
      CURLcode rc;
      if(in_table(id)) continue;
      h = fresh();
      if(bases[base] == 0)
        rc = curl_easy_setopt(h, (CURLoption)id, 0L);
      else if(bases[base] == 30000)
        rc = curl_easy_setopt(h, (CURLoption)id, (curl_off_t)0);
      else
        rc = curl_easy_setopt(h, (CURLoption)id, (void *)NULL);
      curl_easy_cleanup(h);
      if(rc != CURLE_UNKNOWN_OPTION) printf(" %d=%d", id, (int)rc);
    }
    printf("\n");
  }
  {
    static const int odd[] = {-1, -10000, 9999, 50000, 50001, 99999, INT_MAX, INT_MIN};
    size_t i;
    printf("odd:");
    for(i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
      CURL *h = fresh();
      printf(" %d=%d", odd[i], (int)curl_easy_setopt(h, (CURLoption)odd[i], 0L));
      curl_easy_cleanup(h);
    }
    printf("\n");
  }

  sequences();

  curl_global_cleanup();
  free(big_ok);
  free(big_bad);
  if(chdir("/")) return 1;
  snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpl);
  if(system(cmd)) return 1;
  return 0;
}
