/* getinfo_fresh: curl_easy_getinfo for every info number (every type, numbers 0-70) on a
 * handle that has done no transfer: fresh, with options set, after curl_easy_reset and
 * on a curl_easy_duphandle copy. An untouched output keeps its sentinel ("unset").
 * Then CURLINFO_EFFECTIVE_METHOD against the method options, and the other easy calls
 * on a handle that never transferred. */
#define CURL_DISABLE_DEPRECATION 1
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

static char private_area[16];

static void print_value(int type, int num, CURLcode rc, void *out) {
  if(rc != CURLE_OK) {
    printf(" rc=%d", (int)rc);
  }
  switch(type) {
  case 1: {
    char *s = *(char **)out;
    if(s == (char *)1)
      printf(" unset");
    else if(!s)
      printf(" NULL");
    else if(s == private_area)
      printf(" <private>");
    else
      printf(" \"%s\"", s);
    break;
  }
  case 2:
    if(*(long *)out == 0x5a5a5a5aL)
      printf(" unset");
    else
      printf(" %ld", *(long *)out);
    break;
  case 3:
    if(*(double *)out == 1234.5)
      printf(" unset");
    else
      printf(" %.3f", *(double *)out);
    break;
  case 4: {
    void *p = *(void **)out;
    if(p == (void *)1) {
      printf(" unset");
    }
    else if(!p) {
      printf(" NULL");
    }
    else if(num == 27 || num == 28) {
      struct curl_slist *l = p;
      printf(" list:");
      for(; l; l = l->next) printf(" [%s]", l->data);
      curl_slist_free_all(p);
    }
    else if(num == 34) {
      struct curl_certinfo *ci = p;
      printf(" certs=%d", ci->num_of_certs);
    }
    else if(num == 43 || num == 45) {
      struct curl_tlssessioninfo *ti = p;
      printf(" backend=%d internals=%s", (int)ti->backend, ti->internals ? "set" : "NULL");
    }
    else {
      printf(" ptr");
    }
    break;
  }
  case 5:
    if(*(curl_socket_t *)out == 0x5a5a)
      printf(" unset");
    else
      printf(" %d", (int)*(curl_socket_t *)out);
    break;
  case 6:
    if(*(curl_off_t *)out == 0x5a5a5a5a)
      printf(" unset");
    else
      printf(" %lld", (long long)*(curl_off_t *)out);
    break;
  default:
    printf(" ?");
  }
}

static void dump(const char *label, CURL *h) {
  int type, num;
  printf("== %s\n", label);
  for(type = 0; type <= 8; type++) {
    for(num = 0; num <= 70; num++) {
      union {
        char *s;
        long l;
        double d;
        void *p;
        curl_socket_t sock;
        curl_off_t o;
        char pad[32];
      } out;
      CURLcode rc;
      int info = type * 0x100000 + num;
      memset(&out, 0, sizeof(out));
      switch(type) {
      case 1: out.s = (char *)1; break;
      case 2: out.l = 0x5a5a5a5aL; break;
      case 3: out.d = 1234.5; break;
      case 4: out.p = (void *)1; break;
      case 5: out.sock = 0x5a5a; break;
      case 6: out.o = 0x5a5a5a5a; break;
      default: out.l = 0x5a5a5a5aL; break;
      }
      rc = curl_easy_getinfo(h, (CURLINFO)info, &out);
      if(rc == CURLE_UNKNOWN_OPTION && type >= 1 && type <= 6) {
        /* Unknown numbers of a known type: print compactly. */
        printf("%d:%d unknown\n", type, num);
        continue;
      }
      if(type == 0 || type > 6) {
        if(rc != CURLE_UNKNOWN_OPTION) printf("%d:%d rc=%d\n", type, num, (int)rc);
        continue;
      }
      printf("%d:%d", type, num);
      print_value(type, num, rc, &out);
      printf("\n");
    }
  }
  {
    long l = 0;
    printf("NULL handle=%d\n", (int)curl_easy_getinfo(NULL, CURLINFO_RESPONSE_CODE, &l));
    printf("odd numbers:");
    printf(" %d", (int)curl_easy_getinfo(h, (CURLINFO)0x7fffffff, &l));
    printf(" %d", (int)curl_easy_getinfo(h, (CURLINFO)-1, &l));
    printf(" %d\n", (int)curl_easy_getinfo(h, (CURLINFO)(CURLINFO_LONG + 0x10000), &l));
  }
}

static void method(const char *label, CURL *h) {
  char *m = NULL;
  CURLcode rc = curl_easy_getinfo(h, CURLINFO_EFFECTIVE_METHOD, &m);
  printf("method after %s: %d %s\n", label, (int)rc, m ? m : "NULL");
}

/* CURLINFO_EFFECTIVE_METHOD follows the options that choose the request method. */
static void methods(void) {
  CURL *h = curl_easy_init();
  method("init", h);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "a=b");
  method("POSTFIELDS", h);
  curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  method("NOBODY 1", h);
  curl_easy_setopt(h, CURLOPT_NOBODY, 0L);
  method("NOBODY 0", h);
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  method("HTTPGET 1", h);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  method("UPLOAD 1", h);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 0L);
  method("UPLOAD 0", h);
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  method("POST 1", h);
  curl_easy_setopt(h, CURLOPT_POST, 0L);
  method("POST 0", h);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "x");
  method("COPYPOSTFIELDS", h);
  curl_easy_setopt(h, CURLOPT_HTTPGET, 0L);
  method("HTTPGET 0", h);
  curl_easy_setopt(h, CURLOPT_PUT, 1L);
  method("PUT 1", h);
  curl_easy_setopt(h, CURLOPT_PUT, 0L);
  method("PUT 0", h);
  curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "X");
  method("NOBODY+CUSTOMREQUEST", h);
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, (char *)NULL);
  method("CUSTOMREQUEST NULL", h);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, (char *)NULL);
  curl_easy_setopt(h, CURLOPT_NOBODY, 0L);
  method("POSTFIELDS NULL", h);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  method("UPLOAD+NOBODY", h);
  curl_easy_setopt(h, CURLOPT_NOBODY, 0L);
  method("UPLOAD+NOBODY 0", h);
  curl_easy_reset(h);
  method("reset", h);
  curl_easy_cleanup(h);
}

/* The other easy calls on a handle that never transferred (where 7.88.1 does not crash:
 * it does for curl_easy_send and for NULL handles in recv/send/reset/duphandle). */
static void fresh_calls(void) {
  CURL *h = curl_easy_init();
  CURL *d;
  CURLSH *sh;
  size_t n = 123;
  char buf[8];
  struct curl_header *hd = NULL;
  printf("pause %d %d %d\n", (int)curl_easy_pause(h, CURLPAUSE_ALL),
         (int)curl_easy_pause(h, CURLPAUSE_CONT), (int)curl_easy_pause(NULL, 0));
  printf("recv %d n=%d\n", (int)curl_easy_recv(h, buf, sizeof(buf), &n), (int)n);
  printf("upkeep %d NULL %d\n", (int)curl_easy_upkeep(h), (int)curl_easy_upkeep(NULL));
  printf("header %d badname %d badorigin %d %d badrequest %d\n",
         (int)curl_easy_header(h, "Content-Type", 0, CURLH_HEADER, -1, &hd),
         (int)curl_easy_header(h, NULL, 0, CURLH_HEADER, -1, &hd),
         (int)curl_easy_header(h, "a", 0, 0, -1, &hd),
         (int)curl_easy_header(h, "a", 0, 64, -1, &hd),
         (int)curl_easy_header(h, "a", 0, CURLH_HEADER, -2, &hd));
  printf("nextheader %s\n", curl_easy_nextheader(h, CURLH_HEADER, -1, NULL) ? "set" : "NULL");
  printf("perform NULL %d\n", (int)curl_easy_perform(NULL));
  printf("perform no URL %d\n", (int)curl_easy_perform(h));
  curl_easy_setopt(h, CURLOPT_URL, "");
  printf("perform empty URL %d\n", (int)curl_easy_perform(h));
  printf("pause after perform %d\n", (int)curl_easy_pause(h, CURLPAUSE_ALL));
  curl_easy_cleanup(NULL);
  curl_easy_cleanup(h);

  /* duphandle copies COPYPOSTFIELDS by POSTFIELDSIZE: with the default -1 it fails. */
  h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "x");
  d = curl_easy_duphandle(h);
  printf("dup after COPYPOSTFIELDS: %s\n", d ? "handle" : "NULL");
  curl_easy_cleanup(d);
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, 1L);
  curl_easy_setopt(h, CURLOPT_COPYPOSTFIELDS, "x");
  d = curl_easy_duphandle(h);
  printf("dup after POSTFIELDSIZE+COPYPOSTFIELDS: %s\n", d ? "handle" : "NULL");
  curl_easy_cleanup(d);
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, -1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, "y");
  d = curl_easy_duphandle(h);
  printf("dup after POSTFIELDS: %s\n", d ? "handle" : "NULL");
  curl_easy_cleanup(d);
  curl_easy_cleanup(h);

  /* The share link: kept by reset, not copied by duphandle, dropped by cleanup. */
  sh = curl_share_init();
  h = curl_easy_init();
  printf("set share %d\n", (int)curl_easy_setopt(h, CURLOPT_SHARE, sh));
  printf("share cleanup while attached %d\n", (int)curl_share_cleanup(sh));
  curl_easy_reset(h);
  printf("share cleanup after reset %d\n", (int)curl_share_cleanup(sh));
  d = curl_easy_duphandle(h);
  printf("unset share %d\n", (int)curl_easy_setopt(h, CURLOPT_SHARE, (CURLSH *)NULL));
  printf("share cleanup with a duplicate alive %d\n", (int)curl_share_cleanup(sh));
  curl_easy_cleanup(d);
  sh = curl_share_init();
  curl_easy_setopt(h, CURLOPT_SHARE, sh);
  curl_easy_cleanup(h);
  printf("share cleanup after easy cleanup %d\n", (int)curl_share_cleanup(sh));
}

int main(void) {
  CURL *h, *d;
  curl_global_init(CURL_GLOBAL_DEFAULT);

  h = curl_easy_init();
  dump("fresh", h);

  curl_easy_setopt(h, CURLOPT_URL, "http://example.com/path?q=1");
  curl_easy_setopt(h, CURLOPT_PRIVATE, private_area);
  curl_easy_setopt(h, CURLOPT_REFERER, "http://referer.example/");
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "PATCH");
  curl_easy_setopt(h, CURLOPT_CAINFO, "/tmp/ca.pem");
  curl_easy_setopt(h, CURLOPT_CAPATH, "/tmp/capath");
  dump("options set", h);

  d = curl_easy_duphandle(h);
  dump("duphandle", d);

  curl_easy_setopt(h, CURLOPT_CAINFO, (char *)NULL);
  curl_easy_setopt(h, CURLOPT_CAPATH, (char *)NULL);
  curl_easy_setopt(h, CURLOPT_URL, (char *)NULL);
  dump("set back to NULL", h);

  curl_easy_reset(h);
  dump("reset", h);

  curl_easy_cleanup(h);
  curl_easy_cleanup(d);
  methods();
  fresh_calls();
  curl_global_cleanup();
  return 0;
}
