/* The default callbacks: no WRITEFUNCTION writes the body to the FILE* in WRITEDATA;
 * HEADERDATA set without a HEADERFUNCTION writes the head to that FILE*; HEADERDATA
 * reset to NULL sends no head anywhere; a HEADERFUNCTION with HEADERDATA NULL gets what
 * as its pointer (printed). Contents of both files after each transfer.
 * Header and write callback defaults (issue 4). */
/* server: scripts/h_default_callbacks.script */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "support/conf.h"

static void dump(const char *label, FILE *f) {
  char buf[512];
  size_t n;
  fflush(f);
  rewind(f);
  n = fread(buf, 1, sizeof buf, f);
  conf_print_escaped(label, buf, n);
  rewind(f);
  if (ftruncate(fileno(f), 0) != 0) printf("ftruncate failed\n");
}

static void *seen_userp = (void *)1;
static size_t hdr_cb(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  seen_userp = u;
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *e;
  FILE *body = tmpfile(), *head = tmpfile();
  CURLcode rc;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (!body || !head) return 1;
  e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/a"));
  curl_easy_setopt(e, CURLOPT_WRITEDATA, body);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, head);
  rc = curl_easy_perform(e);
  printf("1: perform = %d\n", (int)rc);
  dump("1 body file: ", body);
  dump("1 head file: ", head);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, NULL);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/b"));
  rc = curl_easy_perform(e);
  printf("2: perform = %d\n", (int)rc);
  dump("2 body file: ", body);
  dump("2 head file: ", head);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, hdr_cb);
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/c"));
  rc = curl_easy_perform(e);
  printf("3: perform = %d, header callback userp %s\n", (int)rc,
         seen_userp == NULL   ? "NULL"
         : seen_userp == body ? "WRITEDATA"
                              : "other");
  dump("3 body file: ", body);
  curl_easy_cleanup(e);
  fclose(body);
  fclose(head);
  curl_global_cleanup();
  return 0;
}
