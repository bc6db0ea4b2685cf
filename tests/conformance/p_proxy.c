/* HTTP proxies, with the scripted server playing the proxy (its request log is diffed):
 * absolute-form requests with Proxy-Authorization and Proxy-Connection, PROXYHEADER with
 * HEADEROPT separate and unified, HTTPPROXYTUNNEL (CONNECT, then the request through the
 * tunnel), a refused CONNECT (CURLE_RECV_ERROR, HTTP_CONNECTCODE), SUPPRESS_CONNECT_HEADERS,
 * NOPROXY, the http_proxy environment variable and CURLOPT_PROXY "" (issue 7). The target
 * host of proxied requests is never resolved by the client. */
/* server: scripts/p_proxy.script */
#include <stdio.h>
#include <stdlib.h>

#include "support/conf.h"

static char proxy[64];

static void run(const char *name, const char *url, void (*setup)(CURL *)) {
  conf_xfer *x = conf_xfer_new(name, url);
  long connectcode = -1;
  x->print_body = 1;
  curl_easy_setopt(x->easy, CURLOPT_FORBID_REUSE, 1L);
  if (setup) setup(x->easy);
  conf_perform_print(x);
  curl_easy_getinfo(x->easy, CURLINFO_HTTP_CONNECTCODE, &connectcode);
  printf("%s connectcode=%ld\n", name, connectcode);
  conf_xfer_free(x);
}

static struct curl_slist *server_headers, *proxy_headers;

static void plain(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXY, proxy);
  curl_easy_setopt(e, CURLOPT_PROXYUSERPWD, "puser:ppass");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, server_headers);
  curl_easy_setopt(e, CURLOPT_PROXYHEADER, proxy_headers);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "conf/1.0");
}
static void tunnel(CURL *e) {
  plain(e);
  curl_easy_setopt(e, CURLOPT_HTTPPROXYTUNNEL, 1L);
}
static void tunnel_quiet(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXY, proxy);
  curl_easy_setopt(e, CURLOPT_HTTPPROXYTUNNEL, 1L);
  curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
}
static void noproxy(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXY, proxy);
  curl_easy_setopt(e, CURLOPT_NOPROXY, "example.org, 127.0.0.1");
}
static void empty_proxy(CURL *e) { curl_easy_setopt(e, CURLOPT_PROXY, ""); }
static void url_credentials(CURL *e) {
  char p[128];
  snprintf(p, sizeof p, "http://us%%40er:p%%3Ass@127.0.0.1:%d", conf_port());
  curl_easy_setopt(e, CURLOPT_PROXY, p);
  curl_easy_setopt(e, CURLOPT_HEADEROPT, (long)CURLHEADER_UNIFIED);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, server_headers);
  curl_easy_setopt(e, CURLOPT_PROXYHEADER, proxy_headers);
}

int main(int argc, char **argv) {
  char env[96];
  conf_init(argc, argv);
  unsetenv("http_proxy");
  unsetenv("https_proxy");
  unsetenv("HTTPS_PROXY");
  unsetenv("all_proxy");
  unsetenv("ALL_PROXY");
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  curl_global_init(CURL_GLOBAL_DEFAULT);
  snprintf(proxy, sizeof proxy, "127.0.0.1:%d", conf_port());
  server_headers = curl_slist_append(NULL, "X-Server: yes");
  proxy_headers = curl_slist_append(NULL, "X-Proxy: yes");
  run("plain", "http://origin.example:8080/a/b?c=d#frag", plain);
  run("tunnel", "http://origin.example/t", tunnel);
  run("refused", "http://origin.example:81/r", tunnel);
  run("noproxy", conf_url("/direct"), noproxy);
  snprintf(env, sizeof env, "http://127.0.0.1:%d", conf_port());
  setenv("http_proxy", env, 1);
  run("env", "http://env.example/e", NULL);
  run("empty", conf_url("/empty"), empty_proxy);
  unsetenv("http_proxy");
  run("quiet", "http://quiet.example/q", tunnel_quiet);
  run("urlcreds", "http://creds.example/u", url_credentials);
  curl_slist_free_all(server_headers);
  curl_slist_free_all(proxy_headers);
  curl_global_cleanup();
  return 0;
}
