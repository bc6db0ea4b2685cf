/* curl_easy_getinfo for every info number (types string, long, double, slist, socket,
 * off_t; numbers 0-70) after a transfer: a completed GET, a refused connection, and the
 * completed handle after curl_easy_reset. Values that depend on timing are printed as
 * classes (0, >0, -1); ports as PORT / >0. Complements getinfo_fresh (no transfer). */
/* server: httpd */
#include <stdio.h>
#include <string.h>

#include "support/conf.h"

static int timing(int info) {
  switch (info) {
    case CURLINFO_TOTAL_TIME:
    case CURLINFO_NAMELOOKUP_TIME:
    case CURLINFO_CONNECT_TIME:
    case CURLINFO_PRETRANSFER_TIME:
    case CURLINFO_STARTTRANSFER_TIME:
    case CURLINFO_REDIRECT_TIME:
    case CURLINFO_APPCONNECT_TIME:
    case CURLINFO_SPEED_DOWNLOAD:
    case CURLINFO_SPEED_UPLOAD:
    case CURLINFO_TOTAL_TIME_T:
    case CURLINFO_NAMELOOKUP_TIME_T:
    case CURLINFO_CONNECT_TIME_T:
    case CURLINFO_PRETRANSFER_TIME_T:
    case CURLINFO_STARTTRANSFER_TIME_T:
    case CURLINFO_REDIRECT_TIME_T:
    case CURLINFO_APPCONNECT_TIME_T:
    case CURLINFO_SPEED_DOWNLOAD_T:
    case CURLINFO_SPEED_UPLOAD_T:
    case CURLINFO_LOCAL_PORT:
    case CURLINFO_LASTSOCKET:
    case CURLINFO_ACTIVESOCKET:
    case CURLINFO_FILETIME_T:
      return 1;
  }
  return 0;
}

static const char *cls(double v) { return v < 0 ? "-1" : v == 0 ? "0" : ">0"; }

static void dump(const char *label, CURL *h) {
  int type, num;
  printf("== %s\n", label);
  for (type = 1; type <= 6; type++) {
    for (num = 0; num <= 70; num++) {
      union {
        char *s;
        long l;
        double d;
        struct curl_slist *sl;
        curl_socket_t sock;
        curl_off_t o;
        char pad[32];
      } out;
      int info = type * 0x100000 + num;
      CURLcode rc;
      memset(&out, 0, sizeof out);
      rc = curl_easy_getinfo(h, (CURLINFO)info, &out);
      if (rc == CURLE_UNKNOWN_OPTION) continue;
      printf("%d:%d rc=%d", type, num, (int)rc);
      if (rc != CURLE_OK) {
        printf("\n");
        continue;
      }
      switch (type) {
        case 1:
          if (!out.s)
            printf(" NULL");
          else if (info == CURLINFO_PRIMARY_IP || info == CURLINFO_LOCAL_IP)
            printf(" \"%s\"", out.s);
          else if (strstr(out.s, "127.0.0.1:"))
            printf(" \"(url)\"");
          else
            printf(" \"%s\"", out.s);
          break;
        case 2:
          if (info == CURLINFO_PRIMARY_PORT)
            printf(" %s", out.l == conf_port() ? "PORT" : cls((double)out.l));
          else if (timing(info))
            printf(" %s", cls((double)out.l));
          else
            printf(" %ld", out.l);
          break;
        case 3:
          if (timing(info))
            printf(" %s", cls(out.d));
          else
            printf(" %.1f", out.d);
          break;
        case 4:
          if (info == CURLINFO_TLS_SSL_PTR || info == CURLINFO_TLS_SESSION) {
            struct curl_tlssessioninfo *ti = (struct curl_tlssessioninfo *)out.sl;
            printf(" backend=%d internals=%s", ti ? (int)ti->backend : -1,
                   ti && ti->internals ? "set" : "NULL");
          } else if (info == CURLINFO_CERTINFO) {
            struct curl_certinfo *ci = (struct curl_certinfo *)out.sl;
            printf(" certs=%d", ci ? ci->num_of_certs : -1);
          } else {
            struct curl_slist *l;
            printf(" list:");
            for (l = out.sl; l; l = l->next) printf(" [%s]", l->data);
            curl_slist_free_all(out.sl);
          }
          break;
        case 5:
          printf(" %s", out.sock == CURL_SOCKET_BAD ? "-1" : "fd");
          break;
        case 6:
          if (timing(info))
            printf(" %s", cls((double)out.o));
          else
            printf(" %lld", (long long)out.o);
          break;
      }
      printf("\n");
    }
  }
}

static size_t sink(char *p, size_t sz, size_t n, void *u) {
  (void)p;
  (void)u;
  return sz * n;
}

int main(int argc, char **argv) {
  CURL *h;
  char url[64];
  conf_init(argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, conf_url("/bytes/1000"));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
  curl_easy_setopt(h, CURLOPT_PRIVATE, "priv");
  printf("perform %d\n", (int)curl_easy_perform(h));
  dump("after a GET", h);
  curl_easy_reset(h);
  dump("after reset", h);
  curl_easy_cleanup(h);

  h = curl_easy_init();
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", conf_closed_port());
  curl_easy_setopt(h, CURLOPT_URL, url);
  printf("perform refused %d\n", (int)curl_easy_perform(h));
  dump("after a refused connection", h);
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return 0;
}
