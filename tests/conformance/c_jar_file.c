/* Cookie files: COOKIEFILE reads a Netscape file with comments, #HttpOnly_, a header
 * format "Set-Cookie:" line, an expired cookie and a session cookie; COOKIESESSION
 * skips the session cookies; COOKIEJAR writes the jar (7.88.1's header comment, newest
 * first) at curl_easy_cleanup and at COOKIELIST "FLUSH"; RELOAD reads the files again
 * only before a transfer consumed them. COOKIEFILE, COOKIEJAR, COOKIESESSION, FLUSH,
 * RELOAD (issue 7). */
/* server: scripts/c_jar_file.script */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/conf.h"

static void print_list(CURL *e, const char *tag) {
  struct curl_slist *l = NULL, *p;
  curl_easy_getinfo(e, CURLINFO_COOKIELIST, &l);
  printf("cookielist %s:%s\n", tag, l ? "" : " NULL");
  for (p = l; p; p = p->next) conf_print_escaped("  ", p->data, strlen(p->data));
  curl_slist_free_all(l);
}

static void print_file(const char *path, const char *tag) {
  FILE *f = fopen(path, "r");
  char line[512];
  printf("file %s:%s\n", tag, f ? "" : " missing");
  if (!f) return;
  while (fgets(line, sizeof line, f)) conf_print_escaped("  ", line, strlen(line));
  fclose(f);
}

int main(int argc, char **argv) {
  char dir[] = "/tmp/c_jar_fileXXXXXX";
  char in[256], out[256], out2[256];
  FILE *f;
  conf_xfer *x;
  int pass;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (!mkdtemp(dir)) return 1;
  snprintf(in, sizeof in, "%s/in.txt", dir);
  snprintf(out, sizeof out, "%s/out.txt", dir);
  snprintf(out2, sizeof out2, "%s/out2.txt", dir);
  f = fopen(in, "w");
  fputs(
      "# Netscape HTTP Cookie File\n"
      "\n"
      "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\ts1\n"
      "127.0.0.1\tFALSE\t/\tFALSE\t4102444800\tlasting\tl1\r\n"
      "#HttpOnly_127.0.0.1\tFALSE\t/\tTRUE\t4102444800\thttponly\th1\n"
      "127.0.0.1\tFALSE\t/\tFALSE\t100\texpired\te1\n"
      "Set-Cookie: header=x1; domain=127.0.0.1\n"
      "Set-Cookie: hsess=x2; domain=127.0.0.1; expires=Wed, 09 Jun 2100 10:18:14 GMT\n"
      "not a cookie line\n",
      f);
  fclose(f);
  for (pass = 0; pass < 2; ++pass) {
    printf("== pass %d (COOKIESESSION %d)\n", pass, pass);
    x = conf_xfer_new("jf", conf_url("/"));
    x->print_headers = 0;
    curl_easy_setopt(x->easy, CURLOPT_COOKIEFILE, in);
    curl_easy_setopt(x->easy, CURLOPT_COOKIEJAR, pass ? out2 : out);
    curl_easy_setopt(x->easy, CURLOPT_COOKIESESSION, (long)pass);
    print_list(x->easy, "before the transfer");
    if (pass == 1) {
      curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "RELOAD");
      print_list(x->easy, "after RELOAD");
    }
    conf_perform_print(x);
    print_list(x->easy, "after the transfer");
    curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "ALL");
    curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "RELOAD");
    print_list(x->easy, "after ALL + RELOAD");
    if (pass == 0) {
      curl_easy_setopt(
          x->easy, CURLOPT_COOKIELIST,
          "Set-Cookie: added=y; domain=127.0.0.1; expires=Wed, 09 Jun 2100 10:18:14 GMT");
      curl_easy_setopt(x->easy, CURLOPT_COOKIELIST, "FLUSH");
      print_file(out, "after FLUSH");
      remove(out);
    }
    conf_xfer_free(x);
    print_file(pass ? out2 : out, "after cleanup");
  }
  remove(in);
  remove(out);
  remove(out2);
  rmdir(dir);
  curl_global_cleanup();
  return 0;
}
