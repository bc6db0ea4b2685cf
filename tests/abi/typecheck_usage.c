/* mcurl — libcurl 7.88.1 compatible API. MIT licence.
 *
 * Correct uses of curl_easy_setopt / curl_easy_getinfo / curl_share_setopt /
 * curl_multi_setopt must compile without any warning, at any -O level and
 * in any C dialect; every macro argument must be evaluated exactly once.
 * The library functions are stubbed here, so this links and runs alone. */
#include <stdarg.h>
#include <stdio.h>
#include <curl/curl.h>

/* ---- stubs: record what arrived ---- */
static int n_setopt, n_getinfo;
static long last_long;
static CURLoption last_opt;

CURLcode (curl_easy_setopt)(CURL *curl, CURLoption option, ...)
{
  va_list ap;
  (void)curl;
  n_setopt++;
  last_opt = option;
  va_start(ap, option);
  if(option < CURLOPTTYPE_OBJECTPOINT)
    last_long = va_arg(ap, long);
  va_end(ap);
  return CURLE_OK;
}

CURLcode (curl_easy_getinfo)(CURL *curl, CURLINFO info, ...)
{
  (void)curl;
  (void)info;
  n_getinfo++;
  return CURLE_OK;
}

CURLSHcode (curl_share_setopt)(CURLSH *sh, CURLSHoption option, ...)
{
  (void)sh;
  (void)option;
  return CURLSHE_OK;
}

CURLMcode (curl_multi_setopt)(CURLM *m, CURLMoption option, ...)
{
  (void)m;
  (void)option;
  return CURLM_OK;
}

/* ---- callbacks of the exact documented types ---- */
static size_t write_cb(char *p, size_t s, size_t n, void *u)
{ (void)p; (void)u; return s * n; }
static size_t read_cb(char *p, size_t s, size_t n, void *u)
{ (void)p; (void)s; (void)n; (void)u; return 0; }
static int xferinfo_cb(void *c, curl_off_t a, curl_off_t b, curl_off_t d,
                       curl_off_t e)
{ (void)c; (void)a; (void)b; (void)d; (void)e; return 0; }
static int debug_cb(CURL *h, curl_infotype t, char *p, size_t n, void *u)
{ (void)h; (void)t; (void)p; (void)n; (void)u; return 0; }
static int sockopt_cb(void *c, curl_socket_t s, curlsocktype t)
{ (void)c; (void)s; (void)t; return CURL_SOCKOPT_OK; }
static curl_socket_t opensocket_cb(void *c, curlsocktype t,
                                   struct curl_sockaddr *a)
{ (void)c; (void)t; (void)a; return CURL_SOCKET_BAD; }
static int closesocket_cb(void *c, curl_socket_t s)
{ (void)c; (void)s; return 0; }
static int seek_cb(void *c, curl_off_t o, int w)
{ (void)c; (void)o; (void)w; return CURL_SEEKFUNC_OK; }
static CURLcode ssl_ctx_cb(CURL *h, void *ctx, void *u)
{ (void)h; (void)ctx; (void)u; return CURLE_OK; }
static int sock_cb(CURL *e, curl_socket_t s, int what, void *u, void *sp)
{ (void)e; (void)s; (void)what; (void)u; (void)sp; return 0; }
static int timer_cb(CURLM *m, long t, void *u)
{ (void)m; (void)t; (void)u; return 0; }
static void lock_cb(CURL *h, curl_lock_data d, curl_lock_access a, void *u)
{ (void)h; (void)d; (void)a; (void)u; }
static void unlock_cb(CURL *h, curl_lock_data d, void *u)
{ (void)h; (void)d; (void)u; }

/* ---- argument producers that count their evaluations ---- */
static int n_handle, n_opt, n_val;
static char dummy_handle;
static CURL *handle(void) { n_handle++; return &dummy_handle; }
static CURLoption opt_verbose(void) { n_opt++; return CURLOPT_VERBOSE; }
static long val_long(void) { n_val++; return 42L; }
static CURLINFO info_code(void) { n_opt++; return CURLINFO_RESPONSE_CODE; }
static long *ptr_long(long *p) { n_val++; return p; }

int main(void)
{
  CURL *h = &dummy_handle;
  CURLSH *sh = NULL;
  CURLM *m = NULL;
  char errbuf[CURL_ERROR_SIZE];
  char url[] = "http://example.com/";
  const char *curl_c = "http://example.com/";
  char *curl_m = url;
  unsigned char post[4] = {1, 2, 3, 4};
  struct curl_slist *hdrs = NULL;
  struct curl_blob blob;
  curl_off_t big = CURL_OFF_T_C(1) << 40;
  long lv = 1, code = 0;
  double dv = 0;
  char *ct = NULL;
  const char *cct = NULL;
  curl_off_t ov = 0;
  curl_socket_t sock = CURL_SOCKET_BAD;
  struct curl_slist *engines = NULL;
  struct curl_certinfo *ci = NULL;
  struct curl_tlssessioninfo *tls = NULL;
  void *priv = NULL;
  char *privc = NULL;
  int failures = 0;

  blob.data = post;
  blob.len = sizeof(post);
  blob.flags = CURL_BLOB_COPY;

  /* longs */
  curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 0L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, lv);
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
  curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
  curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
  curl_easy_setopt(h, CURLOPT_IPRESOLVE, CURL_IPRESOLVE_V4);
  /* curl_off_t */
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, big);
  curl_easy_setopt(h, CURLOPT_MAX_RECV_SPEED_LARGE, CURL_OFF_T_C(1000));
  curl_easy_setopt(h, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)0);
  /* strings */
  curl_easy_setopt(h, CURLOPT_URL, "http://example.com/");
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_URL, curl_c);
  curl_easy_setopt(h, CURLOPT_USERAGENT, curl_m);
  curl_easy_setopt(h, CURLOPT_CAINFO, NULL);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, post);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "a=b");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  /* lists, objects, blobs */
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt(h, CURLOPT_RESOLVE, hdrs);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, stdout);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, (void *)&lv);
  curl_easy_setopt(h, CURLOPT_STDERR, stderr);
  curl_easy_setopt(h, CURLOPT_PRIVATE, &lv);
  curl_easy_setopt(h, CURLOPT_SHARE, sh);
  curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &blob);
  /* callbacks */
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &write_cb);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, (curl_write_callback)write_cb);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, NULL);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, write_cb);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, xferinfo_cb);
  curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, debug_cb);
  curl_easy_setopt(h, CURLOPT_SOCKOPTFUNCTION, sockopt_cb);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, opensocket_cb);
  curl_easy_setopt(h, CURLOPT_CLOSESOCKETFUNCTION, closesocket_cb);
  curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, seek_cb);
  curl_easy_setopt(h, CURLOPT_SSL_CTX_FUNCTION, ssl_ctx_cb);

  /* getinfo */
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &dv);
  curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
  curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &cct);
  curl_easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &ov);
  curl_easy_getinfo(h, CURLINFO_ACTIVESOCKET, &sock);
  curl_easy_getinfo(h, CURLINFO_SSL_ENGINES, &engines);
  curl_easy_getinfo(h, CURLINFO_COOKIELIST, &engines);
  curl_easy_getinfo(h, CURLINFO_CERTINFO, &ci);
  curl_easy_getinfo(h, CURLINFO_TLS_SSL_PTR, &tls);
  curl_easy_getinfo(h, CURLINFO_PRIVATE, &priv);
  curl_easy_getinfo(h, CURLINFO_PRIVATE, &privc);

  /* share and multi */
  curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(sh, CURLSHOPT_LOCKFUNC, lock_cb);
  curl_share_setopt(sh, CURLSHOPT_UNLOCKFUNC, unlock_cb);
  curl_share_setopt(sh, CURLSHOPT_USERDATA, NULL);
  curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, sock_cb);
  curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, timer_cb);
  curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, 10L);
  curl_multi_setopt(m, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);

  /* exactly-once evaluation */
  n_setopt = n_getinfo = 0;
  curl_easy_setopt(handle(), opt_verbose(), val_long());
  if(n_handle != 1 || n_opt != 1 || n_val != 1 || n_setopt != 1 ||
     last_opt != CURLOPT_VERBOSE || last_long != 42L) {
    printf("setopt evaluation: handle %d opt %d value %d calls %d\n",
           n_handle, n_opt, n_val, n_setopt);
    failures++;
  }
  n_handle = n_opt = n_val = 0;
  curl_easy_getinfo(handle(), info_code(), ptr_long(&code));
  if(n_handle != 1 || n_opt != 1 || n_val != 1 || n_getinfo != 1) {
    printf("getinfo evaluation: handle %d info %d arg %d calls %d\n",
           n_handle, n_opt, n_val, n_getinfo);
    failures++;
  }
  if(!failures)
    puts("typecheck usage: ok");
  return failures ? 1 : 0;
}
