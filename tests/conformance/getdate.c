/* Conformance: curl_getdate on hundreds of date strings, valid and hostile, plus
 * generated grids (every zone name, day, month, year and time boundary). Prints the
 * input (escaped) and the time_t returned. Also the other small helpers of
 * src/api/misc_api.cc: curl_strequal, curl_strnequal and curl_getenv. */
#define _POSIX_C_SOURCE 200112L /* setenv */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void put_escaped(const char *p)
{
  for(; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if(c == '\\')
      fputs("\\\\", stdout);
    else if(c < 0x20 || c >= 0x7f)
      printf("\\x%02x", c);
    else
      putchar(c);
  }
}

static void check(const char *s)
{
  time_t now = 1234567890;
  time_t a = curl_getdate(s, NULL);
  time_t b = curl_getdate(s, &now);
  printf("[");
  put_escaped(s);
  printf("] %lld%s\n", (long long)a, a == b ? "" : " (differs with 'now')");
}

static const char *const fixed[] = {
  /* the three HTTP forms (RFC 9110 section 5.6.7) */
  "Sun, 06 Nov 1994 08:49:37 GMT",
  "Sunday, 06-Nov-94 08:49:37 GMT",
  "Sun Nov  6 08:49:37 1994",
  "sun, 06 nov 1994 08:49:37 gmt",
  "SUNDAY, 06-NOV-94 08:49:37 GMT",
  "Sun, 6 Nov 1994 8:49:37 GMT",
  "Sun, 06 Nov 1994 08:49 GMT",
  "Sun, 06 Nov 1994 08:49:37",
  "Sun, 06 Nov 1994",
  "06 Nov 1994",
  "Nov 06 1994",
  "1994 Nov 06",
  "1994 06 Nov",
  "06-Nov-1994",
  "06/Nov/1994:08:49:37 +0000",
  "1994-11-06",
  "1994-Nov-06",
  "Nov-06-1994",
  "20040912 15:05:58 -0700",
  "20040912",
  "20040912T150558Z",
  "2004-09-12T15:05:58Z",
  "2004-09-12 15:05:58",
  "Sun, 12 Sep 2004 15:05:58 -0700",
  "Sat, 11 Sep 2004 21:32:11 +0200",
  "Thu, 01 Jan 1970 00:00:00 GMT",
  "Thu, 01 Jan 1970 00:00:01 GMT",
  "Wed, 31 Dec 1969 23:59:59 GMT",
  "Wed, 31 Dec 1969 23:59:58 GMT",
  "Wed, 31 Dec 1969 23:59:59 +0000",
  "Thu, 01 Jan 1970 00:00:00 +0000",
  "Thu, 01 Jan 1970 00:00:00 -0001",
  "Thu, 01 Jan 1970 00:00:00 +0001",
  "01 Jan 1970 00:59:59 CET",
  "01 Jan 1970 01:00:00 +0100",
  "Tue, 19 Jan 2038 03:14:07 GMT",
  "Tue, 19 Jan 2038 03:14:08 GMT",
  "Fri, 31 Dec 9999 23:59:59 GMT",
  "01 Jan 10000 00:00:00 GMT",
  "01 Jan 2147483647 00:00:00 GMT",
  "31 Dec 2147483647 23:59:59 EST",
  "01 Jan 2147483648 00:00:00 GMT",
  "01 Jan 99999999999999999999 GMT",
  "Mon, 01 Jan 1583 00:00:00 GMT",
  "Fri, 31 Dec 1582 23:59:59 GMT",
  "01 Jan 1000",
  "01 Jan 100",
  "01 Jan 99",
  "01 Jan 71",
  "01 Jan 70",
  "01 Jan 69",
  "01 Jan 00",
  "01 Jan 0",
  "01 Jan 000",
  "01 Jan 0070",
  "29 Feb 2000",
  "29 Feb 1900",
  "29 Feb 2004",
  "29 Feb 2001",
  "30 Feb 2001",
  "31 Apr 2004",
  "32 Jan 2004",
  "0 Jan 2004",
  "00 Jan 2004",
  "31 Dec 2004 24:00:00",
  "31 Dec 2004 23:60:00",
  "31 Dec 2004 23:59:60",
  "31 Dec 2004 23:59:61",
  "31 Dec 2004 23:59:99",
  /* times read the way sscanf("%02d:%02d:%02d") reads them */
  "06 Nov 1994 1:2:3",
  "06 Nov 1994 1:2",
  "06 Nov 1994 12: 34: 56",
  "06 Nov 1994 12:\t34",
  "06 Nov 1994 12 :34:56",
  "06 Nov 1994 12:+3:+4",
  "06 Nov 1994 12:-3:-4",
  "06 Nov 1994 12:-3",
  "06 Nov 1994 12:-:04",
  "06 Nov 1994 12:+:04",
  "06 Nov 1994 123:45:56",
  "06 Nov 1994 12:345:56",
  "06 Nov 1994 12:34:567",
  "06 Nov 1994 12:34:5x",
  "06 Nov 1994 12:34:",
  "06 Nov 1994 12:",
  "06 Nov 1994 12:34:56:78",
  "06 Nov 1994 08:49:37 10:11:12",
  "06 Nov 1994 08:49 10:11:12",
  "08:49:37 06 Nov 1994",
  "06 Nov 08:49:37 1994",
  "Nov 08:49:37 06 1994",
  "06 Nov 1994 00:00:00",
  "06 Nov 1994 0:0:0",
  "06 Nov 1994 99:99:99",
  "06 Nov 1994 -1:00:00",
  /* numeric zones */
  "06 Nov 1994 08:49:37 +0000",
  "06 Nov 1994 08:49:37 -0000",
  "06 Nov 1994 08:49:37 +0100",
  "06 Nov 1994 08:49:37 -0130",
  "06 Nov 1994 08:49:37 +0545",
  "06 Nov 1994 08:49:37 +1400",
  "06 Nov 1994 08:49:37 -1400",
  "06 Nov 1994 08:49:37 +1401",
  "06 Nov 1994 08:49:37 +0199",
  "06 Nov 1994 08:49:37 +2400",
  "06 Nov 1994 08:49:37 +99",
  "06 Nov 1994 08:49:37 +123",
  "06 Nov 1994 08:49:37 +12345",
  "06 Nov 1994 08:49:37 0100",
  "06 Nov 1994 08:49:37 GMT+0100",
  "06 Nov 1994 08:49:37 GMT-0500",
  "06 Nov 1994 08:49:37 GMT+5",
  "06 Nov 1994 08:49:37 UTC+01:00",
  "06 Nov 1994 08:49:37 +01:00",
  "06 Nov 1994 08:49:37 PST +0100",
  "06 Nov 1994 08:49:37 +0100 PST",
  "06 Nov 1994 08:49:37 +0100 -0200",
  "+0100 06 Nov 1994",
  "06 Nov +1994",
  "06 Nov -1994",
  "Nov +0006 1994",
  "-0500 1994 Nov 6",
  /* parts beyond the sixth are not read */
  "Sun, 06 Nov 1994 08:49:37 GMT garbage",
  "Sun, 06 Nov 1994 08:49:37 GMT +0500",
  "Sun, 06 Nov 1994 08:49:37 +0500 GMT",
  "Sun 06 Nov 1994 GMT 08:49:37",
  "Sun Nov 06 GMT 08:49:37 1994",
  "x Sun, 06 Nov 1994 08:49:37 GMT",
  "Sun, 06 Nov 1994 08:49:37 XYZ",
  "Sun, 06 Nov 1994 08:49:37 GMT XYZ",
  /* words */
  "Sun Sun 06 Nov 1994",
  "Sun Mon 06 Nov 1994",
  "06 Nov Dec 1994",
  "06 Nov 1994 GMT GMT",
  "06 Nov 1994 GMT UTC",
  "Nov Nov",
  "Sund 06 Nov 1994",
  "Tues 06 Nov 1994",
  "Thurs 06 Nov 1994",
  "Wednes 06 Nov 1994",
  "Wednesday 06 Nov 1994",
  "wEdNeSdAy 06 Nov 1994",
  "06 November 1994",
  "06 Novem 1994",
  "06 No 1994",
  "06 J 1994 Nov",
  "06 Nov 1994 J",
  "06 Nov 1994 Z",
  "06 Nov 1994 z",
  "06 Nov 1994 A",
  "06 Nov 1994 AB",
  "06 Nov 1994 ABCDE",
  "06 Nov 1994 abcdefghijklmnopqrstuvwxyzabcde",
  "06 Nov 1994 abcdefghijklmnopqrstuvwxyzabcdef",
  "06 Nov 1994 abcdefghijklmnopqrstuvwxyzabcdefghijklmn",
  "06Nov1994",
  "Nov061994",
  "6Nov94",
  "1994Nov06",
  "Sun06Nov1994 08:49:37GMT",
  /* numbers */
  "1994",
  "06 1994",
  "06 11 1994",
  "11/06/1994",
  "06 Nov",
  "Nov 1994",
  "6 6 Nov 1994",
  "1994 1995 Nov",
  "Nov 6 6",
  "Nov 40 1994",
  "Nov 1994 40",
  "Nov 0 1994",
  "Nov 1994 0",
  "2147483647 Nov 6",
  "2147483648 Nov 6",
  "Nov 6 4294967296",
  "Nov 6 000000000000000000001994",
  "Nov 6 0000000000000000000001994",
  "Nov 6 99999999999999999999999999999",
  "12345678",
  "99991231",
  "00000000",
  "20041312",
  "20040012",
  "20040100",
  "20040132",
  "20040229",
  "20030229",
  "15821231",
  "15830101",
  "020040912",
  "2004091",
  "20040912 20040913",
  "Nov 20040912",
  "6 20040912",
  "20040912 Nov",
  /* empty and hostile */
  "",
  " ",
  "\t\r\n",
  "-",
  "+",
  ":",
  "::",
  "1:",
  ":1",
  "garbage",
  "GMT",
  "Sun",
  "Nov",
  "Sun, GMT",
  ",,,,,,,,,,,,,,,,,,,06,,,Nov,,,1994,,,",
  "06\x01Nov\x02" "1994",
  "06\xc3\xa9Nov\xe2\x82\xac" "1994",
  "\xff\xfe 06 Nov 1994",
  "06 Nov 1994 \xff",
  "Sun, 06 Nov 1994 08:49:37 G\xc3\x8dT",
  "     06     Nov     1994     ",
  "06.Nov.1994",
  "06_Nov_1994",
  "(06) [Nov] {1994}",
  NULL
};

static const char *const zones[] = {
  "GMT", "UT", "UTC", "WET", "BST", "WAT", "AST", "ADT", "EST", "EDT", "CST", "CDT",
  "MST", "MDT", "PST", "PDT", "YST", "YDT", "HST", "HDT", "CAT", "AHST", "NT", "IDLW",
  "CET", "MET", "MEWT", "MEST", "CEST", "MESZ", "FWT", "FST", "EET", "WAST", "WADT",
  "CCT", "JST", "EAST", "EADT", "GST", "NZT", "NZST", "NZDT", "IDLE", "A", "B", "C",
  "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T",
  "U", "V", "W", "X", "Y", "Z", "gmt", "pst", "Cest", "z", "j", "EDST", "IST", "MSK",
  "AEST", "SGT", "HKT", "CEMT", "BDST", "UTC0", "GMT0", NULL
};

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                     "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "DEC",
                                     "Sept", "June", "Ja", NULL};
static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
                                   "Monday", "Tuesday", "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday", "mon", "SUNDAY",
                                   "Su", "Sunda", NULL};

static void strequal_cases(void)
{
  static const char *const words[] = {"", "a", "A", "ab", "AB", "aB", "abc", "ABD",
                                      "Content-Type", "content-type", "CONTENT-TYPE",
                                      "content-typ", "[", "{", "@", "`", "\xc4", "\xe4",
                                      "i", "I", "\xc4x", "\xe4X", NULL};
  static const size_t ns[] = {0, 1, 2, 3, 12, 100};
  size_t i, j, k;
  for(i = 0; words[i]; i++)
    for(j = 0; words[j]; j++) {
      printf("E [");
      put_escaped(words[i]);
      printf("] [");
      put_escaped(words[j]);
      printf("] %d", curl_strequal(words[i], words[j]));
      for(k = 0; k < sizeof(ns) / sizeof(ns[0]); k++)
        printf(" %d", curl_strnequal(words[i], words[j], ns[k]));
      printf("\n");
    }
  printf("E null %d %d %d\n", curl_strequal(NULL, NULL), curl_strequal("a", NULL),
         curl_strequal(NULL, "a"));
  printf("E nnull %d %d %d %d\n", curl_strnequal(NULL, NULL, 0),
         curl_strnequal(NULL, NULL, 3), curl_strnequal("a", NULL, 1),
         curl_strnequal(NULL, "", 1));
}

static void getenv_case(const char *name)
{
  char *v = curl_getenv(name);
  printf("G %s -> %s%s%s\n", name, v ? "[" : "", v ? v : "NULL", v ? "]" : "");
  curl_free(v);
}

static void getenv_cases(void)
{
  setenv("MCURL_CONF_SET", "some value", 1);
  setenv("MCURL_CONF_EMPTY", "", 1);
  setenv("MCURL_CONF_SPACE", " ", 1);
  unsetenv("MCURL_CONF_UNSET");
  getenv_case("MCURL_CONF_SET");
  getenv_case("MCURL_CONF_EMPTY");
  getenv_case("MCURL_CONF_SPACE");
  getenv_case("MCURL_CONF_UNSET");
  getenv_case("");
  getenv_case("mcurl_conf_set");
}

int main(void)
{
  char buf[256];
  int i, j;

  for(i = 0; fixed[i]; i++)
    check(fixed[i]);

  for(i = 0; zones[i]; i++) {
    snprintf(buf, sizeof(buf), "Sun, 06 Nov 1994 08:49:37 %s", zones[i]);
    check(buf);
    snprintf(buf, sizeof(buf), "%s 06 Nov 1994", zones[i]);
    check(buf);
  }
  for(i = 0; months[i]; i++) {
    for(j = 0; j < 34; j += 3) {
      snprintf(buf, sizeof(buf), "%d %s 2001 12:00:00 GMT", j, months[i]);
      check(buf);
    }
    snprintf(buf, sizeof(buf), "%s 31 2004", months[i]);
    check(buf);
  }
  for(i = 0; days[i]; i++) {
    snprintf(buf, sizeof(buf), "%s, 06 Nov 1994 08:49:37 GMT", days[i]);
    check(buf);
  }
  for(i = 0; i < 110; i++) {
    snprintf(buf, sizeof(buf), "15 Jun %d 10:20:30 GMT", i);
    check(buf);
  }
  for(i = 1575; i < 1590; i++) {
    snprintf(buf, sizeof(buf), "01 Mar %d", i);
    check(buf);
  }
  for(i = 1896; i < 2110; i += 3) {
    snprintf(buf, sizeof(buf), "29 Feb %d 23:59:59 +0100", i);
    check(buf);
    snprintf(buf, sizeof(buf), "%d0301", i);
    check(buf);
  }
  for(i = -2; i < 26; i++) {
    snprintf(buf, sizeof(buf), "01 Jan 2000 %d:30:30", i);
    check(buf);
    snprintf(buf, sizeof(buf), "01 Jan 2000 10:%d:30", i * 3);
    check(buf);
    snprintf(buf, sizeof(buf), "01 Jan 2000 10:30:%d", i * 3);
    check(buf);
  }
  for(i = -1500; i <= 1500; i += 50) {
    snprintf(buf, sizeof(buf), "01 Jan 2000 00:00:00 %+05d", i);
    check(buf);
  }
  for(i = 0; i < 100; i += 7) {
    snprintf(buf, sizeof(buf), "01 Jan 2000 00:00:00 -00%02d", i);
    check(buf);
  }
  strequal_cases();
  getenv_cases();
  printf("done\n");
  return 0;
}
