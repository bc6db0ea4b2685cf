/* Connection options: CONNECT_TO, RESUME_FROM (a server without ranges), LOCALPORT with
 * LOCALPORTRANGE, INTERFACE as a device, as host!ADDRESS and as an unknown name. */
/* server: httpd */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
static size_t wr(char *p, size_t s, size_t n, void *u) { *(size_t*)u += s*n; return s*n; }
static void run(const char *label, const char *url, void (*cfg)(CURL*)) {
  CURL *e = curl_easy_init(); size_t got = 0; char err[CURL_ERROR_SIZE] = ""; long code = 0, lp = 0; CURLcode rc;
  curl_easy_setopt(e, CURLOPT_URL, url); curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, wr);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &got); curl_easy_setopt(e, CURLOPT_ERRORBUFFER, err);
  cfg(e); rc = curl_easy_perform(e);
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code); curl_easy_getinfo(e, CURLINFO_LOCAL_PORT, &lp);
  printf("%s: rc=%d code=%ld bytes=%zu lport_ok=%d err=%s\n", label, rc, code, got, lp >= 40000 && lp < 40010, err);
  curl_easy_cleanup(e); }
static struct curl_slist *ct;
static void c_ct(CURL *e) { curl_easy_setopt(e, CURLOPT_CONNECT_TO, ct); }
static void c_resume(CURL *e) { curl_easy_setopt(e, CURLOPT_RESUME_FROM, 5L); }
static void c_lport(CURL *e) { curl_easy_setopt(e, CURLOPT_LOCALPORT, 40000L); curl_easy_setopt(e, CURLOPT_LOCALPORTRANGE, 10L); }
static void c_if1(CURL *e) { curl_easy_setopt(e, CURLOPT_INTERFACE, "lo"); }
static void c_if2(CURL *e) { curl_easy_setopt(e, CURLOPT_INTERFACE, "host!127.0.0.1"); }
static void c_if3(CURL *e) { curl_easy_setopt(e, CURLOPT_INTERFACE, "nosuchif0"); }
int main(int argc, char **argv) { char url[200], ctent[200]; if (argc < 2) return 2;
  snprintf(url, sizeof url, "http://example.invalid:1234/bytes/7");
  snprintf(ctent, sizeof ctent, "example.invalid:1234:127.0.0.1:%s", argv[1]);
  ct = curl_slist_append(NULL, ctent);
  run("connect_to", url, c_ct);
  snprintf(url, sizeof url, "http://127.0.0.1:%s/bytes/20", argv[1]);
  run("resume", url, c_resume); run("lport", url, c_lport); run("if lo", url, c_if1); run("if host", url, c_if2); run("if bad", url, c_if3);
  curl_slist_free_all(ct); return 0; }
