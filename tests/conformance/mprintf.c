/* Conformance: the curl_m*printf family on a large table of formats and arguments.
 *
 * Every case goes through every member of the family: curl_mvsnprintf at several
 * buffer sizes (to see truncation, the NUL placement and the return value),
 * curl_mvsprintf, curl_mvaprintf, curl_mvfprintf and curl_mvprintf to stdout, and
 * once through the variadic entry points. Output bytes are printed escaped.
 * Formats whose result 7.88.1 leaves undefined are not in the table: positional
 * arguments with gaps (7.88.1 reads its uninitialised table for the missing ones
 * and can crash), "%.Nf" of +infinity (it loops forever there), and an unknown
 * conversion given a double (it fetches a pointer). */
#include <curl/curl.h>
#include <curl/mprintf.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BIG 2048

static void put_escaped(const char *p, size_t n)
{
  size_t i;
  for(i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if(c == '\\')
      fputs("\\\\", stdout);
    else if(c < 0x20 || c >= 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
}

/* True when the r bytes at p are printable ASCII, tab or newline, without a NUL. */
static int is_text(const char *p, size_t r)
{
  size_t i;
  if(strlen(p) != r)
    return 0;
  for(i = 0; i < r; i++) {
    unsigned char c = (unsigned char)p[i];
    if((c < 0x20 && c != '\t' && c != '\n') || c >= 0x7f)
      return 0;
  }
  return 1;
}

/* Which members may run: unbounded ones only when the output is known to be small. */
enum { ALL = 0, BOUNDED_ONLY = 1 };

static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 16, 64};

static void vshow(const char *label, int mode, const char *fmt, va_list ap)
{
  char buf[BIG + 16];
  size_t s;
  int r;
  va_list cp;

  printf("%s\n", label);
  for(s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
    size_t n = sizes[s];
    memset(buf, '#', n + 4);
    va_copy(cp, ap);
    r = curl_mvsnprintf(buf, n, fmt, cp);
    va_end(cp);
    printf("  sn%-2u r=%d [", (unsigned)n, r);
    put_escaped(buf, n + 2);
    printf("]\n");
  }
  memset(buf, '#', BIG + 4);
  va_copy(cp, ap);
  r = curl_mvsnprintf(buf, BIG, fmt, cp);
  va_end(cp);
  printf("  snBIG r=%d len=%u [", r, (unsigned)strlen(buf));
  put_escaped(buf, (r > 0 && r < BIG) ? (size_t)r + 1 : strlen(buf) + 1);
  printf("]\n");
  if(mode == ALL) {
    char *a;
    memset(buf, '#', BIG + 4);
    va_copy(cp, ap);
    r = curl_mvsprintf(buf, fmt, cp);
    va_end(cp);
    printf("  s r=%d [", r);
    put_escaped(buf, (r >= 0 && r < BIG) ? (size_t)r + 2 : 0);
    printf("]\n");

    va_copy(cp, ap);
    a = curl_mvaprintf(fmt, cp);
    va_end(cp);
    if(a) {
      printf("  a len=%u [", (unsigned)strlen(a));
      put_escaped(a, strlen(a));
      printf("]\n");
      curl_free(a);
    }
    else
      printf("  a NULL\n");

    {
      /* to a file, read back and printed escaped */
      FILE *tmp = tmpfile();
      if(tmp) {
        size_t got;
        va_copy(cp, ap);
        r = curl_mvfprintf(tmp, fmt, cp);
        va_end(cp);
        rewind(tmp);
        got = fread(buf, 1, BIG, tmp);
        fclose(tmp);
        printf("  f r=%d [", r);
        put_escaped(buf, got);
        printf("]\n");
      }
    }

    /* straight to stdout when the output is text (the runner compares text) */
    memset(buf, 0, BIG + 4);
    va_copy(cp, ap);
    r = curl_mvsnprintf(buf, BIG, fmt, cp);
    va_end(cp);
    if(is_text(buf, (size_t)r)) {
      printf("  p [");
      va_copy(cp, ap);
      r = curl_mvprintf(fmt, cp);
      va_end(cp);
      printf("] r=%d\n", r);
    }
    else
      printf("  p binary\n");
  }
}

static void show(const char *label, int mode, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vshow(label, mode, fmt, ap);
  va_end(ap);
}

/* A case: the format, the arguments, and the same call through the variadic
 * entry points (snprintf, aprintf) so that both ABIs are covered. */
#define T(fmt, ...) do {                                           \
    char vb_[BIG];                                                  \
    char *va_;                                                      \
    int vr_ = curl_msnprintf(vb_, sizeof(vb_), fmt, __VA_ARGS__);   \
    show("T " #fmt " <- " #__VA_ARGS__, ALL, fmt, __VA_ARGS__);     \
    printf("  msn r=%d [", vr_);                                    \
    put_escaped(vb_, strlen(vb_));                                  \
    va_ = curl_maprintf(fmt, __VA_ARGS__);                          \
    printf("] ma [");                                              \
    if(va_)                                                         \
      put_escaped(va_, strlen(va_));                                \
    else                                                            \
      printf("NULL");                                               \
    printf("]\n");                                                  \
    curl_free(va_);                                                 \
  } while(0)
#define T0(fmt) do {                                               \
    show("T0 " #fmt, ALL, fmt, 0);                                  \
  } while(0)
#define B(fmt, ...) show("B " #fmt " <- " #__VA_ARGS__, BOUNDED_ONLY, fmt, __VA_ARGS__)

static const char *const int_flags[] = {"", "-", "+", " ", "#", "0", "-+", "+0", " 0",
                                        "#0", "-#", "- ", "+ ", "-0", "0-", "#-0+ "};
static const char *const widths[] = {"", "1", "4", "12"};
static const char *const precs[] = {"", ".", ".0", ".1", ".3", ".12", ".-2"};

static void int_grid(void)
{
  static const char conv[] = "diuoxXc";
  static const int values[] = {0, 1, -1, 42, 255, -77, INT_MAX, INT_MIN, 'A'};
  size_t f, w, p, c, v;
  char fmt[64];
  char out[BIG];
  for(c = 0; conv[c]; c++)
    for(f = 0; f < sizeof(int_flags) / sizeof(int_flags[0]); f++)
      for(w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
        for(p = 0; p < sizeof(precs) / sizeof(precs[0]); p++) {
          snprintf(fmt, sizeof(fmt), "[%%%s%s%s%c]", int_flags[f], widths[w], precs[p],
                   conv[c]);
          printf("I %s:", fmt);
          for(v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
            int r = curl_msnprintf(out, sizeof(out), fmt, values[v]);
            printf(" %d", r);
            put_escaped(out, strlen(out));
          }
          printf("\n");
        }
}

static void long_grid(void)
{
  static const char *const mods[] = {"l", "ll", "q", "z", "O", "h", "hh", "L", "lll"};
  static const char conv[] = "diuoxX";
  static const long long values[] = {0, 1, -1, 4294967296LL, LLONG_MAX, LLONG_MIN,
                                     -4294967297LL, 0x123456789abcdefLL};
  size_t m, c, v, f;
  char fmt[64];
  char out[BIG];
  for(m = 0; m < sizeof(mods) / sizeof(mods[0]); m++)
    for(c = 0; conv[c]; c++)
      for(f = 0; f < 4; f++) {
        static const char *const fl[] = {"", "#", "-20", "+025.21"};
        int is_int = !strcmp(mods[m], "h") || !strcmp(mods[m], "hh") ||
                     !strcmp(mods[m], "L");
        snprintf(fmt, sizeof(fmt), "<%%%s%s%c>", fl[f], mods[m], conv[c]);
        printf("L %s:", fmt);
        for(v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
          int r;
          if(is_int)
            r = curl_msnprintf(out, sizeof(out), fmt, (int)values[v]);
          else
            r = curl_msnprintf(out, sizeof(out), fmt, values[v]);
          printf(" %d", r);
          put_escaped(out, strlen(out));
        }
        printf("\n");
      }
}

static void string_grid(void)
{
  static const char *const flags[] = {"", "-", "#", "0", "+", " ", "-#"};
  static const char *const sw[] = {"", "1", "5", "8", "20"};
  static const char *const sp[] = {"", ".0", ".2", ".5", ".6", ".30", ".-3"};
  static const char *const values[] = {"", "a", "hello", "hello world", NULL};
  static const char conv[] = "sS";
  size_t f, w, p, c, v;
  char fmt[64];
  char out[BIG];
  for(c = 0; conv[c]; c++)
    for(f = 0; f < sizeof(flags) / sizeof(flags[0]); f++)
      for(w = 0; w < sizeof(sw) / sizeof(sw[0]); w++)
        for(p = 0; p < sizeof(sp) / sizeof(sp[0]); p++) {
          snprintf(fmt, sizeof(fmt), "|%%%s%s%s%c|", flags[f], sw[w], sp[p], conv[c]);
          printf("S %s:", fmt);
          for(v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
            int r = curl_msnprintf(out, sizeof(out), fmt, values[v]);
            printf(" %d", r);
            put_escaped(out, strlen(out));
          }
          printf("\n");
        }
}

static void pointer_grid(void)
{
  static const char *const flags[] = {"", "-", "#", "0", "+", " ", "-0"};
  static const char *const pw[] = {"", "3", "5", "9", "20"};
  static const char *const pp[] = {"", ".0", ".4", ".12"};
  static const uintptr_t values[] = {0, 1, 0x10, 0xdeadbeef, UINTPTR_MAX};
  size_t f, w, p, v;
  char fmt[64];
  char out[BIG];
  for(f = 0; f < sizeof(flags) / sizeof(flags[0]); f++)
    for(w = 0; w < sizeof(pw) / sizeof(pw[0]); w++)
      for(p = 0; p < sizeof(pp) / sizeof(pp[0]); p++) {
        snprintf(fmt, sizeof(fmt), "|%%%s%s%sp|", flags[f], pw[w], pp[p]);
        printf("P %s:", fmt);
        for(v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
          int r = curl_msnprintf(out, sizeof(out), fmt, (void *)values[v]);
          printf(" %d", r);
          put_escaped(out, strlen(out));
        }
        printf("\n");
      }
}

static void double_grid(void)
{
  static const char *const flags[] = {"", "-", "+", " ", "#", "0", "-+", "+0", "#0", "l"};
  static const char *const dw[] = {"", "1", "8", "15", "330", "400"};
  static const char *const dp[] = {"", ".", ".0", ".2", ".6", ".17", ".40", ".300",
                                   ".330", ".-1"};
  static const char conv[] = "feEgG";
  double values[12];
  size_t f, w, p, c, v;
  char fmt[64];
  char out[BIG];
  values[0] = 0.0;
  values[1] = -0.0;
  values[2] = 1.5;
  values[3] = -2.25;
  values[4] = 123456.789;
  values[5] = 1e300;
  values[6] = -1e300;
  values[7] = 1e-300;
  values[8] = 0.1;
  values[9] = 9.9999999;
  values[10] = NAN;
  values[11] = -INFINITY;
  for(c = 0; conv[c]; c++)
    for(f = 0; f < sizeof(flags) / sizeof(flags[0]); f++)
      for(w = 0; w < sizeof(dw) / sizeof(dw[0]); w++)
        for(p = 0; p < sizeof(dp) / sizeof(dp[0]); p++) {
          snprintf(fmt, sizeof(fmt), "(%%%s%s%s%c)", flags[f], dw[w], dp[p], conv[c]);
          printf("D %s:", fmt);
          for(v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
            int r = curl_msnprintf(out, sizeof(out), fmt, values[v]);
            printf(" %d", r);
            put_escaped(out, strlen(out));
          }
          if(!dp[p][0]) {
            /* +infinity only without a precision (7.88.1 hangs with one) */
            int r = curl_msnprintf(out, sizeof(out), fmt, INFINITY);
            printf(" %d", r);
            put_escaped(out, strlen(out));
          }
          printf("\n");
        }
}

static void star_grid(void)
{
  static const int ws[] = {0, 1, 5, -5, 12, -1, INT_MIN + 1};
  static const int ps[] = {0, 1, 3, -1, -7, 40};
  size_t w, p;
  char out[128];
  for(w = 0; w < sizeof(ws) / sizeof(ws[0]); w++)
    for(p = 0; p < sizeof(ps) / sizeof(ps[0]); p++) {
      int r;
      printf("W %d %d:", ws[w], ps[p]);
      r = curl_msnprintf(out, sizeof(out), "[%*.*d]", ws[w], ps[p], 42);
      printf(" %d", r);
      put_escaped(out, strlen(out));
      r = curl_msnprintf(out, sizeof(out), "[%*.*s]", ws[w], ps[p], "string");
      printf(" %d", r);
      put_escaped(out, strlen(out));
      r = curl_msnprintf(out, sizeof(out), "[%*.*f]", ws[w], ps[p], 3.25);
      printf(" %d", r);
      put_escaped(out, strlen(out));
      r = curl_msnprintf(out, sizeof(out), "[%0*.*x]", ws[w], ps[p], 0xbeef);
      printf(" %d", r);
      put_escaped(out, strlen(out));
      r = curl_msnprintf(out, sizeof(out), "[%*c]", ws[w], 'z');
      printf(" %d", r);
      put_escaped(out, strlen(out));
      r = curl_msnprintf(out, sizeof(out), "[%-*.*e]", ws[w], ps[p], -0.5);
      printf(" %d", r);
      put_escaped(out, strlen(out));
      printf("\n");
    }
}

static void count_cases(void)
{
  int i = -5;
  long l = -5;
  long long ll = -5;
  short s = -5;
  char out[64];
  int r;
  r = curl_msnprintf(out, sizeof(out), "abc%ndef%ln%s%lln|%hn%d", &i, &l, "xyz", &ll, &s, 7);
  printf("N r=%d [%s] %d %ld %lld %d\n", r, out, i, l, ll, (int)s);
  i = -5;
  r = curl_msnprintf(out, 4, "abcdefgh%n", &i);
  printf("N trunc r=%d [%s] %d\n", r, out, i);
  i = -5;
  r = curl_msnprintf(out, sizeof(out), "%2$s%1$n", &i, "hello");
  printf("N pos r=%d [%s] %d\n", r, out, i);
  {
    char *a;
    i = -5;
    a = curl_maprintf("%s%n!", "12345678", &i);
    printf("N a [%s] %d\n", a ? a : "NULL", i);
    curl_free(a);
  }
}

static void limit_cases(void)
{
  char fmt[4096];
  char out[4096];
  char *a;
  int i, r;

  /* 128 arguments is the limit; 129 is a malformed format */
  fmt[0] = 0;
  for(i = 0; i < 128; i++)
    strcat(fmt, "%c");
  r = curl_msnprintf(out, sizeof(out), fmt,
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','h',
                     'a','b','c','d','e','f','g','h','a','b','c','d','e','f','g','H');
  printf("X 128 r=%d [%s]\n", r, out);
  strcat(fmt, "%c");
  memset(out, '#', 8);
  r = curl_msnprintf(out, sizeof(out), fmt, 'a', 'b', 'c');
  printf("X 129 r=%d [%.8s]\n", r, out);
  memset(out, '#', 8);
  r = curl_msprintf(out, fmt, 'a', 'b', 'c');
  printf("X 129 s r=%d [%.8s]\n", r, out);
  a = curl_maprintf(fmt, 'a', 'b', 'c');
  printf("X 129 a [%s]\n", a ? a : "NULL");
  curl_free(a);
  /* 100 literal "%%" do not count as arguments */
  fmt[0] = 0;
  for(i = 0; i < 200; i++)
    strcat(fmt, "%%");
  strcat(fmt, "%d");
  r = curl_msnprintf(out, sizeof(out), fmt, 5);
  printf("X %%%% r=%d [%.12s...%s]\n", r, out, out + r - 3);

  /* all 128 positions, used in reverse order */
  fmt[0] = 0;
  for(i = 128; i >= 1; i--)
    sprintf(fmt + strlen(fmt), "%%%d$c", i);
  r = curl_msnprintf(out, sizeof(out), fmt,
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'a','b','c','d','e','f','g','h','i','j','k','l','m','n','o','p',
                     'A','B','C','D','E','F','G','H','I','J','K','L','M','N','O','P');
  printf("X 128$ r=%d [%s]\n", r, out);

  /* curl_maprintf gives up at 8,000,000 bytes */
  a = curl_maprintf("%7999999d", 1);
  printf("X a 7999999: %s %u\n", a ? "ok" : "NULL", a ? (unsigned)strlen(a) : 0);
  curl_free(a);
  a = curl_maprintf("%8000000d", 1);
  printf("X a 8000000: %s\n", a ? "ok" : "NULL");
  curl_free(a);
  a = curl_maprintf("%7999998s%s", "a", "bc");
  printf("X a 7999998+2: %s\n", a ? "ok" : "NULL");
  curl_free(a);
  a = curl_maprintf("%-7999998s%s", "a", "b");
  printf("X a 7999998+1: %s %u\n", a ? "ok" : "NULL", a ? (unsigned)strlen(a) : 0);
  curl_free(a);

  /* huge widths and precisions through the bounded functions */
  B("%99999999999999999999d", 1);
  B("%-99999999999999999999d|", 1);
  B("%.99999999999999999999d", 1);
  B("%2147483648s", "x");
  B("%.2147483648s", "abc");
  B("%*d", INT_MIN, 5);
  B("%-*d", INT_MAX, 5);
  B("%0*d", INT_MAX, 5);
  B("%*s", INT_MAX, "s");
  B("%*c", INT_MAX, 'c');
  B("%*p", INT_MAX, (void *)0);
  B("%-*p", INT_MAX, (void *)0);
  B("%1000f", 1.0);
  B("%.1000f", 1.0);
  B("%.1000e", 1.0);
  B("%1000.1000g", 1.0);
  B("%.1000f", 1e308);
  B("%.1000f", -1e308);
}

static void fixed_cases(void)
{
  char buf[64];

  /* plain text and escapes */
  T0("");
  T0("plain text");
  T0("%%");
  T0("100%% sure %%%%");
  T0("trailing %");
  T0("%");
  T0("%%%");
  T0("tab\there\nnewline");
  T0("%5%|");
  T0("%-5%|");
  T0("%.3%|");
  T0("%ll");
  T0("%h");
  T0("%#");
  T0("% ");
  T0("%-");
  T0("%.");
  T0("%*");
  T0("%.*");

  /* unknown conversions consume an argument and print nothing */
  T("%y", 5);
  T("%y|%d", 5, 6);
  T("%k %s", "skipped", "shown");
  T("%w%W%v%V%$", 1, 2, 3, 4, 5);
  T("%5y|%d", 1, 2);
  T("%hy%d", 1, 2);
  T("%C%d", 'x', 3);
  T("%b%B%r%R", 1, 2, 3, 4);
  T("%I64d %d", 1, 2);
  T("%jd %d", 1, 2);
  T("%td %d", 1, 2);

  /* integers */
  T("%d", 0);
  T("%d %i", -12345, 67890);
  T("%d", INT_MAX);
  T("%d", INT_MIN);
  T("%u", -1);
  T("%u", 4000000000U);
  T("%x %X %o", 0xabcdefU, 0xabcdefU, 0777U);
  T("%o", -1);
  T("%#o %#o %#o", 0, 8, 1);
  T("%#x %#X", 0, 0);
  T("%#x %#X", 255, 255);
  T("%.0d|%.0x|%.0o|%#.0o|%#.0x|%+.0d|% .0d", 0, 0, 0, 0, 0, 0, 0);
  T("%5.0d|%-5.0d|%05.0d", 0, 0, 0);
  T("%.3d %.3d %.3x", 7, -7, 7);
  T("%08.3d|%-8.3d|%+08d|% 08d", 7, 7, 7, 7);
  T("%hd %hu %hx %hhd %hhu", 70000, 70000, 70000, 300, 300);
  T("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
  T("%lld %llu %llx %llX", LLONG_MIN, ULLONG_MAX, ULLONG_MAX, 0xABCDEFULL);
  T("%qd %qu", LLONG_MAX, 12345ULL);
  T("%zd %zu %zx", (size_t)-1, (size_t)-1, (size_t)255);
  T("%Od %Ou %Ox", (curl_off_t)-9, (curl_off_t)-9, (curl_off_t)0x1234);
  T("%" CURL_FORMAT_CURL_OFF_T " %" CURL_FORMAT_CURL_OFF_TU, (curl_off_t)-42,
    (curl_off_t)42);
  T("%Lu %Ld", 5U, -5);
  T("%lld", 1LL << 62);
  T("%c%c%c", 'a', 'b', 'c');
  T("%c|%5c|%-5c|%05c|%.0c", 'x', 'y', 'z', 'w', 'v');
  T("%c", 0);
  T("a%cb", 0);
  T("%c", 256 + 'A');
  T("%c", -1);
  T("%lc", 'L');

  /* strings and pointers */
  T("%s", "hello");
  T("%s", (char *)NULL);
  T("%.4s|%.5s|%.6s|%10s|%-10s|", (char *)NULL, (char *)NULL, (char *)NULL, (char *)NULL,
    (char *)NULL);
  T("%S", "quoted");
  T("%S", (char *)NULL);
  T("%5S|%-5S|%.2S", "q", "q", "quote");
  T("%10.3s|%-10.3s|%10.10s|", "abcdef", "abcdef", "ab");
  T("%s%s%s", "", "", "");
  T("%.0s|%.s|", "gone", "gone");
  T("%p", (void *)0);
  T("%p", (void *)0x1234);
  T("%10p|%-10p|%010p", (void *)0, (void *)0, (void *)0);
  T("%10p|%-10p|%010p", (void *)0xab, (void *)0xab, (void *)0xab);

  /* floating point */
  T("%f %e %E %g %G", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159);
  T("%f", 0.0);
  T("%f", -0.0);
  T("%.2f %.0f %.10f", 2.675, 0.5, 1.0 / 3);
  T("%10.4f|%-10.4f|%+.1f|% .1f|%#.0f", 3.14159, 3.14159, 2.0, 2.0, 2.0);
  T("%010.2f|%-010.2f", -3.5, -3.5);
  T("%e", 1e300);
  T("%g %g %g", 1e-5, 1e5, 1e20);
  T("%#g %#G", 1.0, 2.5e-10);
  T("%f", 1e300);
  T("%.50f", 1e300);
  T("%.300f", 1e300);
  T("%400.2f", 1.0);
  T("%330f", 1.0);
  T("%.330e", 1.0);
  T("%lf %Lf %llf %hf %zf", 1.0, 2.0, 3.0, 4.0, 5.0);
  T("%f %F", 1.0, 2.0);
  T("%f", NAN);
  T("%f %e %g", INFINITY, -INFINITY, INFINITY);
  T("%.3f", -INFINITY);
  T("%d %f %s %f %d", 1, 2.5, "mix", 3.5, 4);

  /* width and precision from arguments */
  T("%*d|", 5, 42);
  T("%-*d|", 5, 42);
  T("%*d|", -5, 42);
  T("%.*d|", 5, 42);
  T("%.*d|", -5, 42);
  T("%*.*d|", 8, 4, 42);
  T("%*.*s|", 8, 2, "abcdef");
  T("%*.*f|", 10, 3, 3.14159);
  T("%*.*f|", -10, 3, 3.14159);
  T("%*.*e|", 12, -1, 3.14159);
  T("%5*d|", 9, 7);
  T("%.5.3d|", 7);
  T("%.3.5d|", 7);

  /* positional arguments */
  T("%2$s %1$s", "world", "hello");
  T("%1$s %1$s %1$s", "again");
  T("%3$d %1$d %2$d", 1, 2, 3);
  T("%1$d %1$x %1$o", 255);
  T("%1$s %1$d", 12345);
  T("%1$d %d %d", 1, 2, 3);
  T("%0$d|%d", 7, 8);
  T("%00$d|%d", 7, 8);
  T("%1$*2$d|", 5, 6);
  T("%1$.*2$d|", 5, 3);
  T("%2$*1$d|", 6, 42);
  T("%2$.*1$f|", 2, 3.14159);
  T("%1$*2$.*3$d|", 42, 8, 4);
  T("%3$*1$.*2$s|", 10, 3, "abcdef");
  T("%1$c%2$c%1$c", 'x', 'y');
  T("%1$f %2$e %1$g", 1.5, 2.5);
  T("%1$s%1$s%1$s%1$s%1$s%1$s%1$s%1$s%1$s%1$s", "z");

  /* malformed formats: nothing is printed */
  T("%.5.*d|", 3, 4);
  T("%.*.5d|", 3, 4);
  T("%129$d", 5);
  T("%200$s", "x");
  T("%*129$d", 3, 4);
  T("%.*129$d", 3, 4);
  T("%*0$d|", 3, 4);
  T("%1$.*0$d|", 3, 4);
  T("%999999999999999999999$d", 1);
  T("%-129$d", 5);
  T("ok%.5.*dtail", 3, 4);

  /* odd modifiers and parse oddities */
  T("%. 5d|", 3);
  T("%.+5d|", 3);
  T("%.-5d|", 0);
  T("%.-5s|", "abc");
  T("%.d|", 0);
  T("%-05d|%0-5d|", 1, 1);
  T("%+-5d|%-+5d|", 1, 1);
  T("%+ d|% +d|", 5, 5);
  T("%+s|% s|%#s|", "a", "b", "c");
  T("%+c|% c|%#c|", 'a', 'b', 'c');
  T("%000005d|", 5);
  T("%0000.0000d|", 5);
  T("%5.5.5d|", 1);
  T("%-+ #0-+ #0d|", 1);
  T("%llld|%llllx|", 1LL, 255LL);
  T("%LLd", 5);
  T("%hhhhd", 5);

  /* %n is not printed */
  count_cases();

  /* the same output through each destination */
  {
    int r = curl_msprintf(buf, "%s-%d", "sprintf", 1);
    printf("V msprintf r=%d [%s]\n", r, buf);
    r = curl_mfprintf(stdout, "V mfprintf %s-%d\n", "to stdout", 2);
    printf("V mfprintf r=%d\n", r);
    r = curl_mprintf("V mprintf %s-%d\n", "to stdout", 3);
    printf("V mprintf r=%d\n", r);
    r = curl_msnprintf(buf, 6, "%s", "exactly");
    printf("V msnprintf r=%d [%s]\n", r, buf);
    r = curl_msnprintf(buf, 8, "%s", "exactly");
    printf("V msnprintf fit r=%d [%s]\n", r, buf);
    r = curl_msnprintf(buf, 7, "%s", "exactly");
    printf("V msnprintf full r=%d [%s]\n", r, buf);
    memset(buf, '#', sizeof(buf));
    r = curl_msnprintf(buf, 0, "%s", "none");
    printf("V msnprintf 0 r=%d [%.4s]\n", r, buf);
    memset(buf, '#', sizeof(buf));
    r = curl_msnprintf(buf, 1, "%s", "none");
    printf("V msnprintf 1 r=%d [%d]\n", r, buf[0]);
  }
}

int main(void)
{
  fixed_cases();
  limit_cases();
  int_grid();
  long_grid();
  string_grid();
  pointer_grid();
  double_grid();
  star_grid();
  printf("done\n");
  return 0;
}
