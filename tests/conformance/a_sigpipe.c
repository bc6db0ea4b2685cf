/* SIGPIPE: the server resets the connection while a large request body (16 MB from a
 * read callback) is being sent. SIGPIPE keeps its default action (it would kill the
 * process), yet the process lives: the transfer fails (a send or receive error) with
 * CURLOPT_NOSIGNAL 1 and 0, through curl_easy_perform and through a multi; no SIGPIPE
 * is left pending. BEHAVIOUR.md item 110. */
/* server: scripts/reset_early.script */
/* requests: not compared */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static curl_off_t g_left;
static char g_block[65536];

static size_t reader(char *p, size_t sz, size_t n, void *u) {
  size_t k = sz * n;
  (void)u;
  if ((curl_off_t)k > g_left) k = (size_t)g_left;
  if (k > sizeof g_block) k = sizeof g_block;
  memcpy(p, g_block, k);
  g_left -= (curl_off_t)k;
  return k;
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

static CURL *make(long nosignal) {
  CURL *e = curl_easy_init();
  g_left = 16L * 1024 * 1024;
  curl_easy_setopt(e, CURLOPT_URL, conf_url("/upload"));
  curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, g_left);
  curl_easy_setopt(e, CURLOPT_READFUNCTION, reader);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, nosignal);
  return e;
}

static void verdict(const char *label, CURLcode rc) {
  sigset_t pend;
  sigpending(&pend);
  printf("%s: alive, failed=%s, SIGPIPE pending=%s\n", label, rc != CURLE_OK ? "yes" : "no",
         sigismember(&pend, SIGPIPE) ? "yes" : "no");
  printf("~ %s: result %d\n", label, (int)rc);
}

int main(int argc, char **argv) {
  long nosignal;
  conf_init(argc, argv);
  signal(SIGPIPE, SIG_DFL);
  memset(g_block, 'u', sizeof g_block);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  for (nosignal = 1; nosignal >= 0; --nosignal) {
    char label[64];
    CURL *e = make(nosignal);
    CURLM *m;
    CURLMsg *msg;
    CURLcode rc = CURLE_OK;
    int running = 1, i, n;
    snprintf(label, sizeof label, "easy NOSIGNAL=%ld", nosignal);
    verdict(label, curl_easy_perform(e));
    curl_easy_cleanup(e);

    e = make(nosignal);
    m = curl_multi_init();
    curl_multi_add_handle(m, e);
    for (i = 0; i < 2000 && running; ++i) {
      curl_multi_perform(m, &running);
      if (running) curl_multi_wait(m, NULL, 0, 100, &n);
    }
    while ((msg = curl_multi_info_read(m, &n))) rc = msg->data.result;
    snprintf(label, sizeof label, "multi NOSIGNAL=%ld", nosignal);
    verdict(label, rc);
    curl_multi_remove_handle(m, e);
    curl_easy_cleanup(e);
    curl_multi_cleanup(m);
  }
  curl_global_cleanup();
  return 0;
}
