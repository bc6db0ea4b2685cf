/* option_table: the whole curl_easy_option_next table (name, id, type, flags), and
 * curl_easy_option_by_name / curl_easy_option_by_id for every entry and some names and
 * numbers that are not options. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const char *name_of(const struct curl_easyoption *o) { return o ? o->name : "(null)"; }

int main(void) {
  const struct curl_easyoption *o = NULL;
  int count = 0;
  int id;
  static const char *const odd_names[] = {"", "CURLOPT_URL", "url ", " URL", "URLX",
                                          "ur", "Url", "encoding", "rtspheader",
                                          "writeheader", "file", "infile", "OBSOLETE40"};
  size_t i;

  while((o = curl_easy_option_next(o))) {
    const struct curl_easyoption *by_name, *by_id;
    char lower[100];
    size_t n;
    count++;
    printf("%s %d %d %u", o->name, (int)o->id, (int)o->type, o->flags);
    by_name = curl_easy_option_by_name(o->name);
    for(n = 0; o->name[n] && n < sizeof(lower) - 1; n++)
      lower[n] = (char)tolower((unsigned char)o->name[n]);
    lower[n] = 0;
    by_id = curl_easy_option_by_id(o->id);
    printf(" by_name=%s same=%d lower=%s by_id=%s\n", name_of(by_name), by_name == o,
           name_of(curl_easy_option_by_name(lower)), name_of(by_id));
  }
  printf("count %d\n", count);

  /* next() stops at the end and stays stopped. */
  o = curl_easy_option_next(NULL);
  while(curl_easy_option_next(o)) o = curl_easy_option_next(o);
  printf("last %s\n", name_of(o));

  printf("by_name(NULL)=%s\n", name_of(curl_easy_option_by_name(NULL)));
  for(i = 0; i < sizeof(odd_names) / sizeof(odd_names[0]); i++)
    printf("by_name(\"%s\")=%s\n", odd_names[i], name_of(curl_easy_option_by_name(odd_names[i])));

  /* Every number of every type range: print those that name an option. */
  printf("ids:");
  for(id = -2; id < 50000; id++) {
    const struct curl_easyoption *e = curl_easy_option_by_id((CURLoption)id);
    if(e) printf(" %d=%s", id, e->name);
  }
  printf("\n");
  return 0;
}
