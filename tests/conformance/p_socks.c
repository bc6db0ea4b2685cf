/* SOCKS4, SOCKS4a, SOCKS5 and SOCKS5h proxies, with the scripted server playing the proxy
 * (the handshake bytes it received are diffed): user/password auth, user ids, names sent
 * to the proxy or resolved here, every reply code and malformed answer, the length limits,
 * a handshake that outlasts CONNECTTIMEOUT, connection reuse keyed by the proxy, and
 * PRE_PROXY in front of an HTTP proxy (absolute form and CONNECT) or alone. Each
 * transfer prints its code, error text and CURLINFO_PROXY_ERROR (issue 7). */
/* server: scripts/p_socks.script */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support/conf.h"

static char errbuf[CURL_ERROR_SIZE];

static void set_proxy(CURL *e, const char *scheme, const char *userinfo) {
  char p[160];
  snprintf(p, sizeof p, "%s%s%s%s127.0.0.1:%d", scheme ? scheme : "", scheme ? "://" : "",
           userinfo ? userinfo : "", userinfo ? "@" : "", conf_port());
  curl_easy_setopt(e, CURLOPT_PROXY, p);
  curl_easy_setopt(e, CURLOPT_SOCKS5_AUTH, (long)CURLAUTH_BASIC);
}

static CURL *handle(conf_xfer *x) {
  curl_easy_setopt(x->easy, CURLOPT_ERRORBUFFER, errbuf);
  return x->easy;
}

static void finish(conf_xfer *x) {
  long px = -1;
  errbuf[0] = 0;
  x->print_body = 1;
  conf_perform_print(x);
  curl_easy_getinfo(x->easy, CURLINFO_PROXY_ERROR, &px);
  if (strstr(errbuf, "timed out after ")) strcpy(strstr(errbuf, "after "), "after N ms");
  printf("%s proxy_error=%ld error=[%s]\n", x->name, px, errbuf);
}

static void one(const char *name, const char *url, const char *scheme, const char *userinfo,
                void (*extra)(CURL *)) {
  conf_xfer *x = conf_xfer_new(name, url);
  CURL *e = handle(x);
  curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  set_proxy(e, scheme, userinfo);
  if (extra) extra(e);
  finish(x);
  conf_xfer_free(x);
}

static void creds(CURL *e) { curl_easy_setopt(e, CURLOPT_PROXYUSERPWD, "us:pw"); }
static void type5h(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXYTYPE, (long)CURLPROXY_SOCKS5_HOSTNAME);
}
static char longtext[300];
static void long_user(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXYUSERNAME, longtext);
  curl_easy_setopt(e, CURLOPT_PROXYPASSWORD, "pw");
}
static void long_password(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXYUSERNAME, "us");
  curl_easy_setopt(e, CURLOPT_PROXYPASSWORD, longtext);
}
static char pre[96];
static void pre_http(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXY, "http://proxy.example:3128");
  curl_easy_setopt(e, CURLOPT_PRE_PROXY, pre);
}
static void pre_tunnel(CURL *e) {
  pre_http(e);
  curl_easy_setopt(e, CURLOPT_HTTPPROXYTUNNEL, 1L);
}
static void pre_only(CURL *e) {
  curl_easy_setopt(e, CURLOPT_PROXY, "");
  curl_easy_setopt(e, CURLOPT_PRE_PROXY, pre);
}
static void short_timeout(CURL *e) { curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 300L); }

int main(int argc, char **argv) {
  const char *u = "http://origin.example/p";
  char longurl[400];
  int i;
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  one("s5h", u, "socks5h", NULL, NULL);
  one("s5h_auth", u, "socks5h", NULL, creds);
  one("s5_num", "http://127.0.0.1:8080/n", "socks5", NULL, NULL);
  one("s4", "http://127.0.0.1:8080/4", "socks4", "alice", NULL);
  one("s4a", u, "socks4a", NULL, NULL);
  one("type5h", u, NULL, NULL, type5h);
  one("badver", u, "socks5h", NULL, NULL);
  one("noauth", u, "socks5h", NULL, NULL);
  one("gssapi", u, "socks5h", NULL, NULL);
  one("mode3", u, "socks5h", NULL, NULL);
  one("rejected", u, "socks5h", NULL, creds);
  one("rep1", u, "socks5h", NULL, NULL);
  one("rep5", u, "socks5h", NULL, NULL);
  one("rep9", u, "socks5h", NULL, NULL);
  one("repver", u, "socks5h", NULL, NULL);
  one("atyp", u, "socks5h", NULL, NULL);
  one("closed", u, "socks5h", NULL, NULL);
  one("s4_91", "http://127.0.0.1:8080/", "socks4", NULL, NULL);
  one("s4_92", "http://127.0.0.1:8080/", "socks4", NULL, NULL);
  one("s4_93", "http://127.0.0.1:8080/", "socks4", NULL, NULL);
  one("s4_94", "http://127.0.0.1:8080/", "socks4", NULL, NULL);
  one("s4_ver", "http://127.0.0.1:8080/", "socks4", NULL, NULL);
  one("reset", u, "socks5h", NULL, NULL);
  /* 256 characters for socks5h, 255 for socks4a: one past each limit. */
  strcpy(longurl, "http://");
  for (i = 0; i < 4; ++i)
    strcat(longurl, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.");
  strcat(longurl, "exam.org/");
  one("longname5", longurl, "socks5h", NULL, NULL);
  strcpy(longurl, "http://");
  for (i = 0; i < 4; ++i)
    strcat(longurl, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.");
  strcat(longurl, "exa.org/");
  one("longname4a", longurl, "socks4a", NULL, NULL);
  memset(longtext, 'a', 256);
  one("longuser", u, "socks5", NULL, long_user);
  one("longpass", u, "socks5", NULL, long_password);
  one("s4_ipv6", "http://[::1]:8080/", "socks4", NULL, NULL);
  one("timeout", u, "socks5h", NULL, short_timeout);
  {
    /* Reuse: the same proxy and target share a connection; another SOCKS version does not. */
    conf_xfer *x = conf_xfer_new("reuse1", u);
    CURL *e = handle(x);
    set_proxy(e, "socks5h", NULL);
    finish(x);
    strcpy(x->name, "reuse2");
    finish(x);
    strcpy(x->name, "reuse3");
    set_proxy(e, "socks4a", NULL);
    finish(x);
    conf_xfer_free(x);
  }
  snprintf(pre, sizeof pre, "socks5h://127.0.0.1:%d", conf_port());
  one("pre_http", u, "socks5h", NULL, pre_http);
  snprintf(pre, sizeof pre, "socks4a://127.0.0.1:%d", conf_port());
  one("pre_tunnel", u, "socks5h", NULL, pre_tunnel);
  snprintf(pre, sizeof pre, "socks5h://127.0.0.1:%d", conf_port());
  one("pre_only", u, "socks5h", NULL, pre_only);
  curl_global_cleanup();
  return 0;
}
