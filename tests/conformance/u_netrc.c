/* CURLOPT_NETRC with CURLOPT_NETRC_FILE (a file the case writes): macdef skipped, quoted
 * tokens, the URL's user picking the entry, "default", OPTIONAL keeping a URL password,
 * REQUIRED ignoring it, CURLOPT_USERNAME turning the file off. Auth (issue 7). */
/* server: scripts/u_netrc.script */
#define _GNU_SOURCE /* mkstemp, fdopen */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "support/conf.h"

static char path[64];

static void run(const char *label, const char *host, const char *userinfo, long mode,
                const char *username) {
  char url[256];
  conf_xfer *x;
  long code = -1;
  CURLcode rc;
  snprintf(url, sizeof url, "http://%s%s%s:%d/netrc", userinfo ? userinfo : "", userinfo ? "@" : "",
           host, conf_port());
  x = conf_xfer_new(label, url);
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_IPRESOLVE, (long)CURL_IPRESOLVE_V4);
  curl_easy_setopt(x->easy, CURLOPT_NETRC, mode);
  curl_easy_setopt(x->easy, CURLOPT_NETRC_FILE, path);
  if (username) curl_easy_setopt(x->easy, CURLOPT_USERNAME, username);
  rc = curl_easy_perform(x->easy);
  curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
  printf("%s: perform = %d code %ld\n", label, (int)rc, code);
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  FILE *f;
  int fd;
  conf_init(argc, argv);
  snprintf(path, sizeof path, "/tmp/u_netrc.XXXXXX");
  fd = mkstemp(path);
  if (fd < 0 || !(f = fdopen(fd, "w"))) {
    printf("FAIL mkstemp\n");
    return 1;
  }
  fputs(
      "machine other login o password op\n"
      "macdef init\n"
      "machine 127.0.0.1 login bad\n"
      "\n"
      "machine 127.0.0.1 login \"q u\" password \"p\\\"w\"\n"
      "machine 127.0.0.1 login second password sp\n"
      "default login dl password dp\n",
      f);
  fclose(f);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  run("first_entry", "127.0.0.1", NULL, (long)CURL_NETRC_OPTIONAL, NULL);
  run("url_user", "127.0.0.1", "second", (long)CURL_NETRC_OPTIONAL, NULL);
  run("url_password_optional", "127.0.0.1", "second:zz", (long)CURL_NETRC_OPTIONAL, NULL);
  run("url_password_required", "127.0.0.1", "second:zz", (long)CURL_NETRC_REQUIRED, NULL);
  run("unknown_user_default", "127.0.0.1", "nobody", (long)CURL_NETRC_OPTIONAL, NULL);
  run("default_host", "localhost", NULL, (long)CURL_NETRC_OPTIONAL, NULL);
  run("username_wins", "127.0.0.1", NULL, (long)CURL_NETRC_OPTIONAL, "U");
  run("ignored", "127.0.0.1", NULL, (long)CURL_NETRC_IGNORED, NULL);
  curl_global_cleanup();
  unlink(path);
  return 0;
}
