/* curl_version_info(CURLVERSION_NOW), feature by feature: each CURL_VERSION_* bit the
 * header names, whether the library sets it and whether feature_names lists the
 * matching name (the two must agree within a library). The bits callers gate on
 * (AsynchDNS, IPv6, Largefile, libz, SSL, threadsafe, HTTP-level basics) must be the
 * same as 7.88.1's; the others may differ (a replacement must not claim what it lacks)
 * and are printed as '~' lines, as are the version strings of the libraries it uses.
 * Every field of the age-10 struct is checked for presence. BEHAVIOUR.md item 136. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

struct feat {
  int bit;
  const char *name;
  int must;
};

static const struct feat feats[] = {
    {CURL_VERSION_IPV6, "IPv6", 1},
    {CURL_VERSION_KERBEROS4, "Kerberos4?", 0},
    {CURL_VERSION_SSL, "SSL", 1},
    {CURL_VERSION_LIBZ, "libz", 1},
    {CURL_VERSION_NTLM, "NTLM", 0},
    {CURL_VERSION_GSSNEGOTIATE, "GSS-Negotiate?", 0},
    {CURL_VERSION_DEBUG, "Debug", 1},
    {CURL_VERSION_ASYNCHDNS, "AsynchDNS", 1},
    {CURL_VERSION_SPNEGO, "SPNEGO", 0},
    {CURL_VERSION_LARGEFILE, "Largefile", 1},
    {CURL_VERSION_IDN, "IDN", 0},
    {CURL_VERSION_SSPI, "SSPI", 1},
    {CURL_VERSION_CONV, "CharConv", 1},
    {CURL_VERSION_CURLDEBUG, "TrackMemory", 1},
    {CURL_VERSION_TLSAUTH_SRP, "TLS-SRP", 0},
    {CURL_VERSION_NTLM_WB, "NTLM_WB", 0},
    {CURL_VERSION_HTTP2, "HTTP2", 0},
    {CURL_VERSION_GSSAPI, "GSS-API", 0},
    {CURL_VERSION_KERBEROS5, "Kerberos", 0},
    {CURL_VERSION_UNIX_SOCKETS, "UnixSockets", 0},
    {CURL_VERSION_PSL, "PSL", 0},
    {CURL_VERSION_HTTPS_PROXY, "HTTPS-proxy", 1},
    {CURL_VERSION_MULTI_SSL, "MultiSSL", 1},
    {CURL_VERSION_BROTLI, "brotli", 0},
    {CURL_VERSION_ALTSVC, "alt-svc", 0},
    {CURL_VERSION_HTTP3, "HTTP3", 1},
    {CURL_VERSION_ZSTD, "zstd", 0},
    {CURL_VERSION_UNICODE, "Unicode", 1},
    {CURL_VERSION_HSTS, "HSTS", 0},
    {CURL_VERSION_GSASL, "gsasl", 1},
    {CURL_VERSION_THREADSAFE, "threadsafe", 1},
};

static int listed(const curl_version_info_data *d, const char *name) {
  const char *const *p;
  for (p = d->feature_names; p && *p; p++)
    if (!strcmp(*p, name)) return 1;
  return 0;
}

int main(void) {
  const curl_version_info_data *d = curl_version_info(CURLVERSION_NOW);
  size_t i;
  int mask = 0, names = 0;
  const char *const *p;
  printf("age %d (CURLVERSION_NOW %d)\n", (int)d->age, (int)CURLVERSION_NOW);
  for (i = 0; i < sizeof feats / sizeof feats[0]; i++) {
    int set = (d->features & feats[i].bit) != 0;
    int in_list = listed(d, feats[i].name);
    mask |= feats[i].bit;
    printf("%s%-14s bit %s, listed %s%s\n", feats[i].must ? "" : "~", feats[i].name,
           set ? "set" : "clear", in_list ? "yes" : "no",
           feats[i].name[strlen(feats[i].name) - 1] == '?' || set == in_list ? "" : " MISMATCH");
    if (!feats[i].must && set == in_list) continue;
    if (!feats[i].must) printf("bit and list disagree for %s\n", feats[i].name);
  }
  printf("bits outside the known ones: 0x%x\n", (unsigned)(d->features & ~mask));
  for (p = d->feature_names; p && *p; p++) names++;
  printf("~ %d feature names\n", names);
  printf("every listed name is a known feature: ");
  for (p = d->feature_names; p && *p; p++) {
    for (i = 0; i < sizeof feats / sizeof feats[0]; i++)
      if (!strcmp(*p, feats[i].name)) break;
    if (i == sizeof feats / sizeof feats[0]) printf("[%s unknown] ", *p);
  }
  printf("checked\n");
  printf("version %s num 0x%06x\n", d->version, d->version_num);
  printf("host %s\n", d->host);
  printf("ssl_version %s\n", d->ssl_version ? "set" : "NULL");
  printf("libz_version %s\n", d->libz_version ? "set" : "NULL");
  printf("protocols %s\n", d->protocols && d->protocols[0] ? "listed" : "none");
  printf("~ares %s %d\n", d->ares ? d->ares : "NULL", d->ares_num);
  printf("~libidn %s iconv %d libssh %s\n", d->libidn ? d->libidn : "NULL", d->iconv_ver_num,
         d->libssh_version ? d->libssh_version : "NULL");
  printf("~brotli %u %s\n", d->brotli_ver_num, d->brotli_version ? d->brotli_version : "NULL");
  printf("~nghttp2 %u %s\n", d->nghttp2_ver_num, d->nghttp2_version ? d->nghttp2_version : "NULL");
  printf("~quic %s\n", d->quic_version ? d->quic_version : "NULL");
  printf("cainfo %s capath %s\n", d->cainfo ? d->cainfo : "NULL", d->capath ? d->capath : "NULL");
  printf("~zstd %u %s\n", d->zstd_ver_num, d->zstd_version ? d->zstd_version : "NULL");
  printf("hyper %s gsasl %s\n", d->hyper_version ? d->hyper_version : "NULL",
         d->gsasl_version ? d->gsasl_version : "NULL");
  printf("older ages give the same struct: %s\n",
         curl_version_info(CURLVERSION_FIRST) == d && curl_version_info(CURLVERSION_FOURTH) == d
             ? "yes"
             : "no");
  return 0;
}
