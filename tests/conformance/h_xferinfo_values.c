/* Progress values that do not depend on timing: the first and last call of the xferinfo
 * callback for a 100 KB download (Content-Length known), a chunked one (dltotal 0), and a
 * 50 KB POST (ultotal/ulnow); the old PROGRESSFUNCTION's last doubles; dlnow and ulnow
 * never decrease. Progress/xferinfo (issue 4). */
/* server: httpd */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

typedef struct prog {
  int calls;
  curl_off_t first[4], last[4];
  int went_back;
  double old_last[4];
  int old_calls;
} prog;

static int on_xfer(void *u, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
  prog *p = (prog *)u;
  if (p->calls == 0) {
    p->first[0] = dt;
    p->first[1] = dn;
    p->first[2] = ut;
    p->first[3] = un;
  } else if (dn < p->last[1] || un < p->last[3]) {
    p->went_back = 1;
  }
  p->calls++;
  p->last[0] = dt;
  p->last[1] = dn;
  p->last[2] = ut;
  p->last[3] = un;
  return 0;
}

static int on_old(void *u, double dt, double dn, double ut, double un) {
  prog *p = (prog *)u;
  p->old_calls++;
  p->old_last[0] = dt;
  p->old_last[1] = dn;
  p->old_last[2] = ut;
  p->old_last[3] = un;
  return 0;
}

static void run(const char *label, const char *path, const char *post, long postlen, int old) {
  conf_xfer *x = conf_xfer_new(label, conf_url(path));
  prog p;
  CURLcode rc;
  memset(&p, 0, sizeof p);
  x->print_headers = 0;
  curl_easy_setopt(x->easy, CURLOPT_NOPROGRESS, 0L);
  if (old) {
    curl_easy_setopt(x->easy, CURLOPT_PROGRESSFUNCTION, on_old);
    curl_easy_setopt(x->easy, CURLOPT_PROGRESSDATA, &p);
  } else {
    curl_easy_setopt(x->easy, CURLOPT_XFERINFOFUNCTION, on_xfer);
    curl_easy_setopt(x->easy, CURLOPT_XFERINFODATA, &p);
  }
  if (post) {
    curl_easy_setopt(x->easy, CURLOPT_POSTFIELDS, post);
    curl_easy_setopt(x->easy, CURLOPT_POSTFIELDSIZE, postlen);
  }
  rc = curl_easy_perform(x->easy);
  printf("%s: perform = %d, called %s\n", label, (int)rc,
         (old ? p.old_calls : p.calls) ? "yes" : "no");
  if (old) {
    printf("  last %.0f %.0f %.0f %.0f\n", p.old_last[0], p.old_last[1], p.old_last[2],
           p.old_last[3]);
  } else {
    printf("  first %lld %lld %lld %lld\n", (long long)p.first[0], (long long)p.first[1],
           (long long)p.first[2], (long long)p.first[3]);
    printf("  last %lld %lld %lld %lld, went back: %d\n", (long long)p.last[0],
           (long long)p.last[1], (long long)p.last[2], (long long)p.last[3], p.went_back);
  }
  conf_xfer_free(x);
}

int main(int argc, char **argv) {
  static char body[50000];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  memset(body, 'b', sizeof body);
  run("length", "/bytes/100000", NULL, 0, 0);
  run("chunked", "/chunked/100000", NULL, 0, 0);
  run("post", "/echo", body, (long)sizeof body, 0);
  run("old length", "/bytes/100000", NULL, 0, 1);
  run("old post", "/echo", body, (long)sizeof body, 1);
  curl_global_cleanup();
  return 0;
}
